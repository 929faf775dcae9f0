import { describe, expect, it } from "vitest";
import { firstViewSizes, kindOf, sizeOf } from "./transfer.ts";

const text = (s: string) => new TextEncoder().encode(s);

describe("kindOf", () => {
  it("tells scripts, styles, images, wasm and data apart", () => {
    expect(kindOf("text/html; charset=utf-8", "http://x/")).toBe("document");
    expect(kindOf("text/javascript", "http://x/_astro/a.js")).toBe("script");
    expect(kindOf("application/octet-stream", "http://x/_astro/a.mjs")).toBe("script");
    expect(kindOf("text/css", "http://x/a.css")).toBe("style");
    expect(kindOf("image/svg+xml", "http://x/a.svg")).toBe("image");
    expect(kindOf("application/wasm", "http://x/duckdb/duckdb-eh.wasm")).toBe("wasm");
    expect(kindOf("application/octet-stream", "http://x/data/2023/results.parquet")).toBe("data");
  });
});

describe("sizeOf", () => {
  it("compresses text: 10,000 repeated characters shrink far below their raw size", () => {
    const script = text("x".repeat(10_000));
    const size = sizeOf({ url: "http://x/a.js", contentType: "text/javascript", bytes: script });
    expect(size.raw).toBe(10_000);
    expect(size.gzip).toBeLessThan(100);
    expect(size.brotli).toBeLessThan(100);
  });

  it("counts an already compressed format (PNG) as sent, uncompressed", () => {
    // bytes that would compress well, to show the content type alone decides
    const png = new Uint8Array(5_000).fill(0x89);
    const size = sizeOf({ url: "http://x/og.png", contentType: "image/png", bytes: png });
    expect([size.raw, size.gzip, size.brotli]).toEqual([5_000, 5_000, 5_000]);
  });
});

describe("firstViewSizes", () => {
  it("sums JavaScript apart from the total, which includes the HTML", () => {
    const sizes = firstViewSizes([
      { url: "http://x/", contentType: "text/html", bytes: text("<p>a</p>") },
      { url: "http://x/a.js", contentType: "text/javascript", bytes: text("let a=1;") },
      { url: "http://x/b.js", contentType: "text/javascript", bytes: text("let b=2;") },
    ]);
    // raw: 8 (html) + 8 + 8 = 24 bytes; JS: 2 requests, 16 bytes
    expect(sizes.js.requests).toBe(2);
    expect(sizes.js.raw).toBe(16);
    expect(sizes.total.requests).toBe(3);
    expect(sizes.total.raw).toBe(24);
    expect(sizes.total.gzip).toBe(sizes.resources.reduce((sum, r) => sum + r.gzip, 0));
  });
});
