// A thread of the published responses (responses.ts startAnonymousResponses): makes the table from
// the citizens' columns it was given and posts its four index columns back, their buffers moved,
// then reports DONE, or FAILED, and wakes the waiting thread. The modules are imported inside the
// try, so that an error in loading them is reported too: the table is then made by that thread.
import { workerData } from "node:worker_threads";
import type { ResponsesIndexes, ResponsesShare } from "./responses.ts";

const share = workerData as ResponsesShare;
let status = 2; // FAILED (responses.ts) until it is done
try {
  const [{ anonymousResponses, DONE }, { rowsByCommune }] = await Promise.all([
    import("./responses.ts"),
    import("./forms.ts"),
  ]);
  const table = anonymousResponses(
    share.communeCodes,
    rowsByCommune(share.forms),
    share.citizensQuestions,
    share.scales,
  );
  const indexes: ResponsesIndexes = {
    commune: table.commune,
    responseNo: table.responseNo,
    question: table.question,
    option: table.option,
  };
  share.port.postMessage(
    indexes,
    Object.values(indexes).map((column) => column.buffer as ArrayBuffer),
  );
  status = DONE;
} catch {
  // Left to the waiting thread, which makes the table itself.
} finally {
  share.port.close();
  Atomics.store(share.status, 0, status);
  Atomics.notify(share.status, 0);
}
