// The site's base path lives here only: GitHub project pages serve under /<repo>/.
// SITE_BASE is set by the publish workflow from the repository name; locally the site is at /.
// SITE_URL (e.g. https://owner.github.io) makes Open Graph image links absolute, as sharing
// services require; without it they stay relative to the base path.
// SITE_OUT_DIR lets the end-to-end tests build a copy under a base path without touching dist/.
import { defineConfig } from "astro/config";

export default defineConfig({
  srcDir: "./site",
  publicDir: "./site/public",
  outDir: process.env.SITE_OUT_DIR ?? "./dist",
  base: process.env.SITE_BASE ?? "/",
  site: process.env.SITE_URL,
  trailingSlash: "always",
  // The Content-Security-Policy (site/layouts/Base.astro) allows no inline style or script, so
  // every stylesheet and script must be an external file, however small.
  // concurrency: a few pages at a time (chosen when the share images were still Astro routes, drawn
  // on resvg's threads meanwhile; not measured since); every file's bytes are the same as one at a time.
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  vite: { build: { assetsInlineLimit: 0 } },
  server: { host: "127.0.0.1", port: 4321 },
});
