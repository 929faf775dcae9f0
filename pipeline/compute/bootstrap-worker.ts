// A thread of the bootstrap (bootstrap.ts bootstrapIntervals): runs its share of the replicates into
// shared memory, then reports DONE, or FAILED with the error, and wakes the waiting thread. The
// module is imported inside the try, so that an error in loading it is reported too.
import { workerData } from "node:worker_threads";
import type { ThreadShare } from "./bootstrap.ts";

const share = workerData as ThreadShare;
let status = 2; // FAILED (bootstrap.ts) until it is done
try {
  const bootstrap = await import("./bootstrap.ts");
  bootstrap.runShare(share, bootstrap.unflatLayouts(share.layouts));
  status = bootstrap.DONE;
} catch (error) {
  new TextEncoder().encodeInto(String(error instanceof Error ? error.stack : error), share.message);
} finally {
  Atomics.store(share.status, 0, status);
  Atomics.notify(share.status, 0);
}
