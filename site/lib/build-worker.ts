// A worker of site/lib/build-pool.ts: makes the files it is sent, one at a time, with makeFile, as
// a single-threaded build does.
import { parentPort } from "node:worker_threads";
import type { BuildReply } from "./build-pool.ts";
import { makeFile, type BuildTask } from "./build-files.ts";

/** The reply, its bytes moved rather than copied when they hold their buffer alone. */
function reply(bytes: Uint8Array): void {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const transfer = own && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
  parentPort?.postMessage({ bytes } satisfies BuildReply, transfer);
}

parentPort?.on("message", (task: BuildTask) => {
  makeFile(task).then(reply, (error: unknown) =>
    parentPort?.postMessage({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies BuildReply),
  );
});
