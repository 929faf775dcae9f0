// Child process of tests/unit/validate/workbook-memory.test.ts: validates the year of a workbook
// (`loadYear`, as validate and compute do) and prints its rows and the process's peak memory (JSON).
// node tests/support/peak-memory.ts <file>.xlsx
import { loadYear } from "../../pipeline/validate/folder.ts";

const path = process.argv[2];
if (path === undefined) throw new Error("node tests/support/peak-memory.ts <file>.xlsx");
const loaded = await loadYear(path);
const errors = loaded.problems.filter((p) => p.severity === "error").length;
const rows = loaded.inputs.reduce((sum, input) => sum + input.rows, 0);
// resourceUsage().maxRSS is in kilobytes: the peak of the resident memory over the process's life.
console.log(JSON.stringify({ errors, rows, peakBytes: process.resourceUsage().maxRSS * 1024 }));
