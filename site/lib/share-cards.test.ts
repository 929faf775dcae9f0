import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { communeCardPath, siteCardPath } from "./og-image.ts";
import { writeShareCards } from "./share-cards.ts";

// A hand-made published year: 3 communes (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;

/** Width and height from a PNG's IHDR chunk, after its 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the share images drawn beside the site", () => {
  it("writes the site's card and one card per commune where the pages link to them", async () => {
    const folder = await mkdtemp(join(tmpdir(), "share-cards-"));
    try {
      expect(await writeShareCards(folder, fixture)).toBe(4);
      expect(communeCardPath("Xã Ứng Hòe")).toBe("/og/ung-hoe.png");
      expect((await readdir(join(folder, "og"))).sort()).toEqual([
        "hong-du.png",
        "thi-tran-ninh-giang.png",
        "ung-hoe.png",
      ]);
      for (const path of [siteCardPath, "/og/hong-du.png", "/og/thi-tran-ninh-giang.png", "/og/ung-hoe.png"])
        expect(pngSize(await readFile(join(folder, path)))).toEqual({ width: 1200, height: 630 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
