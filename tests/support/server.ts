// A tiny static server for the built site, serving it under the base path as GitHub Pages would
// (directory → index.html, unknown path → 404.html with status 404), with the content types a
// browser needs (application/wasm for DuckDB-WASM, text/csv, image/svg+xml …).
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { createGzip } from "node:zlib";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  /** Origin and base path, ending in `/`: `http://127.0.0.1:40123/chi-so-cchc/`. */
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, relative: string): Promise<string | null> {
  const candidate = normalize(join(root, relative));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no escaping the root
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) {
      const index = join(candidate, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return null;
  }
  return null;
}

export interface ServeOptions {
  /** Compress every response with gzip, as GitHub Pages does for text and .wasm (the benchmark). */
  gzip?: boolean;
  /** Told the bytes each response put on the wire (compressed when gzip is on). */
  onSent?: (path: string, bytes: number) => void;
}

export async function startStaticServer(
  root: string,
  basePath: string,
  options: ServeOptions = {},
): Promise<StaticServer> {
  const rootDir = normalize(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.startsWith(basePath) ? await fileFor(rootDir, path.slice(basePath.length)) : null;
    const served = file ?? (await fileFor(rootDir, "404.html"));
    if (!served) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404");
      return;
    }
    const type = contentTypes[extname(served)] ?? "application/octet-stream";
    // Formats compressed by their own encoding (PNG, Parquet, XLSX) go as they are, as on GitHub Pages.
    const gzip = options.gzip === true && /text|javascript|json|xml|svg|wasm|csv/.test(type);
    response.writeHead(file ? 200 : 404, {
      "Content-Type": type,
      "Cache-Control": "no-cache",
      ...(gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}),
    });
    let sent = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.byteLength;
        done(null, chunk);
      },
      flush(done) {
        options.onSent?.(path, sent);
        done();
      },
    });
    const body = createReadStream(served);
    (gzip ? body.pipe(createGzip()) : body).pipe(counter).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
