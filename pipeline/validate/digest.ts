// The sha256 of an input (Node only): its own module, so that a survey worker (survey-worker.ts)
// loads node:crypto for it rather than all of folder.ts's reading of folders and workbooks.
import { createHash } from "node:crypto";
import type { Digest } from "./index.ts";

/** The sha256 of an input, in hex, as the published manifest lists it. */
export const sha256: Digest = (bytes) => createHash("sha256").update(bytes).digest("hex");
