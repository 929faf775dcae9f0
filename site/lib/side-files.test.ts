import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { communeCardPath, siteCardPath } from "./og-image.ts";
import { communeWorkbookPath } from "./commune-xlsx.ts";
import { writeSideFiles } from "./side-files.ts";

// A hand-made published year: 3 communes (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;

/** Width and height from a PNG's IHDR chunk, after its 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the files made beside the Astro build", () => {
  it("writes the site's card, and each commune's card and workbook where its page links to them", async () => {
    const folder = await mkdtemp(join(tmpdir(), "side-files-"));
    try {
      await writeSideFiles(folder, fixture);
      expect(communeCardPath("Xã Ứng Hòe")).toBe("/og/ung-hoe.png");
      expect(communeWorkbookPath("Xã Ứng Hòe")).toBe("/du-lieu/xa/ung-hoe/so-lieu.xlsx");
      const slugs = ["hong-du", "thi-tran-ninh-giang", "ung-hoe"];
      expect((await readdir(join(folder, "og"))).sort()).toEqual(slugs.map((slug) => `${slug}.png`));
      expect((await readdir(join(folder, "du-lieu", "xa"))).sort()).toEqual(slugs);
      for (const path of [siteCardPath, ...slugs.map((slug) => `/og/${slug}.png`)])
        expect(pngSize(await readFile(join(folder, path)))).toEqual({ width: 1200, height: 630 });
      // A workbook is a zip (its contents: site/lib/commune-xlsx.test.ts).
      for (const slug of slugs)
        expect([
          ...(await readFile(join(folder, "du-lieu", "xa", slug, "so-lieu.xlsx"))).subarray(0, 4),
        ]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
