// What the query engine costs a reader before its first answer, measured at build time on the very
// files Vite copies into the site: the WebAssembly module and worker a current browser picks (the
// "eh" bundle), gzip-compressed as GitHub Pages sends them. Pages state this figure before the
// download ("khoảng 7,9 MB, chỉ tải một lần"), so it must be the real one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { formatNumber } from "../../pipeline/rules/format.ts";

const require = createRequire(import.meta.url);

export interface EngineSize {
  /** Bytes on the wire (gzip). */
  gzip: number;
  /** Bytes of the WebAssembly module once received (what the progress bar counts). */
  wasmRaw: number;
}

let measured: EngineSize | null = null;

export function engineSize(): EngineSize {
  if (measured) return measured;
  const files = [
    "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm",
    "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js",
    "@duckdb/duckdb-wasm/dist/duckdb-browser.mjs",
  ].map((file) => readFileSync(require.resolve(file)));
  measured = {
    gzip: files.reduce((sum, bytes) => sum + gzipSync(bytes).byteLength, 0),
    wasmRaw: files[0]?.byteLength ?? 0,
  };
  return measured;
}

/** "khoảng 7,9 MB": the size a page states before the engine's download. */
export function engineSizeText(): string {
  return `khoảng ${formatNumber(engineSize().gzip / 1_000_000, 1)} MB`;
}
