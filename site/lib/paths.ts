// Every link and asset goes through href(): the base path (GitHub project pages serve the site
// under /<repo>/) is configured once, in astro.config.mjs, and reaches the pages as BASE_URL.

/**
 * A site path under the configured base: `href("/xa/hong-du/")` → `/chi-so-cchc/xa/hong-du/`
 * when the base is `/chi-so-cchc/`. Paths are written from the site root, with a leading slash.
 */
export function href(path: string, base: string = import.meta.env.BASE_URL): string {
  if (!path.startsWith("/")) throw new Error(`href() expects a path from the site root, got "${path}"`);
  const root = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${root}${path}`;
}

/** Where a year's published files are served: `/data/2023/results.csv`. */
export function dataFileHref(year: number, file: string, base?: string): string {
  return href(`/data/${year}/${file}`, base);
}
