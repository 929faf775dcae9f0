// A worker of site/lib/build-pool.ts: makes the files it is sent, one at a time, with the very
// functions a single-threaded build calls.
import { parentPort } from "node:worker_threads";
import { svgToPng } from "../charts/png.ts";
import type { BuildReply, BuildTask } from "./build-pool.ts";
import { communeWorkbook } from "./commune-xlsx.ts";

async function make(task: BuildTask): Promise<Uint8Array> {
  return task.kind === "png"
    ? svgToPng(task.svg, task.zoom)
    : communeWorkbook(task.manifest, task.commune, new Date(task.buildTime));
}

/** The reply, its bytes moved rather than copied when they hold their buffer alone. */
function reply(bytes: Uint8Array): void {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const transfer = own && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
  parentPort?.postMessage({ bytes } satisfies BuildReply, transfer);
}

parentPort?.on("message", (task: BuildTask) => {
  make(task).then(reply, (error: unknown) =>
    parentPort?.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies BuildReply),
  );
});
