import { describe, expect, it } from "vitest";
import { svgToPng } from "../charts/png.ts";
import { madeAhead, runInWorker } from "./build-pool.ts";
import { communeTables, communeWorkbook } from "./commune-xlsx.ts";
import { latestYear } from "./data.ts";
import { communeCardSvg } from "./og-image.ts";

// A hand-made published year: 3 communes, 2 domains (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;

describe("files made ahead of the build's asking", () => {
  it("makes each key once, at most `limit` ahead, in order, and at once a key asked for out of turn", async () => {
    const made: string[] = [];
    const files = madeAhead(
      ["a", "b", "c", "d", "e"],
      (key) => {
        made.push(key);
        return Promise.resolve(new TextEncoder().encode(key));
      },
      2,
    );
    files.start();
    expect(made).toEqual(["a", "b"]);
    expect(new TextDecoder().decode(await files.take("a"))).toBe("a");
    expect(made).toEqual(["a", "b", "c"]);
    // Out of turn: made now; b and c still wait, so nothing more starts.
    expect(new TextDecoder().decode(await files.take("d"))).toBe("d");
    expect(made).toEqual(["a", "b", "c", "d"]);
    await files.take("b");
    // d was taken: the next one started is e.
    expect(made).toEqual(["a", "b", "c", "d", "e"]);
    await files.take("c");
    await files.take("e");
    expect(made).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("the build's worker threads", () => {
  it("make the same bytes as the build's own thread: a share image and a workbook", async () => {
    const { manifest, results } = latestYear(fixture);
    const result = results[0];
    if (!result) throw new Error("no commune in the fixture");
    const svg = communeCardSvg({ manifest, result, communeCount: results.length });
    const commune = { code: result.commune_code, name: result.commune_name };
    const buildTime = new Date(manifest.build_time);
    const [png, workbook] = await Promise.all([
      runInWorker({ kind: "png", svg, zoom: 1 }),
      runInWorker({
        kind: "workbook",
        manifest,
        commune,
        buildTime: buildTime.getTime(),
        tables: communeTables(2023, commune.code, fixture),
      }),
    ]);
    expect(Buffer.from(png).equals(Buffer.from(svgToPng(svg, 1)))).toBe(true);
    const own = await communeWorkbook(
      manifest,
      commune,
      buildTime,
      communeTables(2023, commune.code, fixture),
    );
    expect(Buffer.from(workbook).equals(Buffer.from(own))).toBe(true);
  }, 60_000);
});
