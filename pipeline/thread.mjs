// The entry of the pipeline's worker threads (thread.ts startThread): turns on Node's compile cache,
// then loads the thread's module, given as the last argument. Plain JavaScript, so that a thread
// whose modules are all in the cache never loads Node's TypeScript stripper: a tenth of a second of
// each thread's CPU (issue 26). A failure to use the cache changes nothing but the time.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import(process.argv.at(-1));
