// What a first view costs over the wire: each response's bytes as a static host would send them —
// text formats compressed (gzip, as GitHub Pages serves them, and brotli for comparison), formats
// that are compressed already (PNG, JPEG, WOFF2…) as they are.
import { brotliCompressSync, gzipSync } from "node:zlib";

export type ResourceKind = "document" | "script" | "style" | "image" | "font" | "data" | "wasm" | "other";

export interface LoadedResource {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface ResourceSize {
  url: string;
  kind: ResourceKind;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface TransferTotals {
  requests: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstViewSizes {
  resources: ResourceSize[];
  /** JavaScript only. */
  js: TransferTotals;
  /** Everything the view loaded, the HTML included. */
  total: TransferTotals;
}

export function kindOf(contentType: string, url: string): ResourceKind {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/html") return "document";
  if (type.includes("javascript") || /\.m?js$/.test(new URL(url).pathname)) return "script";
  if (type === "text/css") return "style";
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("font/") || /\.woff2?$/.test(url)) return "font";
  if (type === "application/wasm") return "wasm";
  if (type.includes("json") || type === "text/csv" || url.endsWith(".parquet")) return "data";
  return "other";
}

// Formats a web server compresses on the fly; the others are compressed by their own format.
function compressible(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    type.startsWith("text/") ||
    type.includes("javascript") ||
    type.includes("json") ||
    type.includes("xml") ||
    type === "image/svg+xml" ||
    type === "application/wasm"
  );
}

export function sizeOf(resource: LoadedResource): ResourceSize {
  const raw = resource.bytes.byteLength;
  const kind = kindOf(resource.contentType, resource.url);
  if (!compressible(resource.contentType)) return { url: resource.url, kind, raw, gzip: raw, brotli: raw };
  return {
    url: resource.url,
    kind,
    raw,
    gzip: gzipSync(resource.bytes).byteLength,
    brotli: brotliCompressSync(resource.bytes).byteLength,
  };
}

function totals(sizes: ResourceSize[]): TransferTotals {
  return {
    requests: sizes.length,
    raw: sizes.reduce((sum, s) => sum + s.raw, 0),
    gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
    brotli: sizes.reduce((sum, s) => sum + s.brotli, 0),
  };
}

export function firstViewSizes(resources: LoadedResource[]): FirstViewSizes {
  const sizes = resources.map(sizeOf);
  return { resources: sizes, js: totals(sizes.filter((s) => s.kind === "script")), total: totals(sizes) };
}
