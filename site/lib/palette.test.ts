import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { palette, paletteCss } from "./palette.ts";

const site = join(import.meta.dirname, "..");
const colourLiteral = /#(?:[0-9a-fA-F]{3}){1,2}\b/g;

/** Every stylesheet, page, component and chart of the site, but the palette and the tests. */
function sources(): string[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|astro|css)$/.test(file) && !/\.test\.ts$|__snapshots__/.test(file))
    .filter((file) => relative("lib", file) !== "palette.ts")
    .map((file) => join(site, file));
}

describe("the one colour palette", () => {
  it("is the only place a colour is written: no stylesheet, page, chart or image writes its own", () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    const written = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(colourLiteral)].map((m) => `${relative(site, file)}: ${m[0]}`),
    );
    expect(written).toEqual([]);
  });

  it("reaches the CSS as custom properties, one per colour, lists numbered", () => {
    const css = paletteCss();
    expect(css).toMatch(/^:root \{\n/);
    expect(css).toContain(`  --warn-bg: ${palette.warnBg};\n`);
    expect(css).toContain(`  --series-3: ${palette.series[3]};\n`);
    expect(css).toContain(`  --band-text-2: ${palette.bandText[2]};\n`);
    const count = Object.values(palette).reduce((n, v) => n + (typeof v === "string" ? 1 : v.length), 0);
    expect(css.match(/^ {2}--[a-z0-9-]+: #[0-9a-fA-F]{6};$/gm)).toHaveLength(count);
  });

  it("names every custom property the stylesheets use", () => {
    const defined = new Set([...paletteCss().matchAll(/--([a-z0-9-]+):/g)].map((m) => m[1]));
    const used = new Set(
      sources().flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/var\(--([a-z0-9-]+)\)/g)].map((m) => m[1]),
      ),
    );
    // Custom properties a stylesheet defines for itself (not colours) are declared with their own value.
    const ownDefinitions = new Set(
      sources().flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/^\s*--([a-z0-9-]+):/gm)].map((m) => m[1]),
      ),
    );
    expect([...used].filter((name) => !defined.has(name) && !ownDefinitions.has(name))).toEqual([]);
  });
});
