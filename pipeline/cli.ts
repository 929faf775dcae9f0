// Entry point: `node pipeline/cli.ts <command> [options]`, run through the npm scripts.
// Each command lives in pipeline/commands/<name>.ts and returns the process exit code.
import { problem } from "./messages.ts";

const commands = {
  validate: () => import("./commands/validate.ts"),
  compute: () => import("./commands/compute.ts"),
  build: () => import("./commands/build.ts"),
  site: () => import("./commands/site.ts"),
  sample: () => import("./commands/sample.ts"),
  release: () => import("./commands/release.ts"),
  report: () => import("./commands/report.ts"),
  template: () => import("./commands/template.ts"),
  "new-year": () => import("./commands/new-year.ts"),
} as const;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !(name in commands)) {
  console.error(`Cách dùng / usage: node pipeline/cli.ts <${Object.keys(commands).join("|")}> [options]`);
  process.exitCode = 2;
} else {
  try {
    const command = await commands[name as keyof typeof commands]();
    process.exitCode = await command.run(args);
  } catch (error) {
    // Whatever the input, the editor reads a sentence, never a stack trace: what has a known cause
    // (a full disk, a read-only folder, no build time …) says it and what to do, in --lang.
    const { explainFailure, langOf, printFailure } = await import("./console.ts");
    const explained = await explainFailure(error);
    if (explained !== null) {
      await printFailure(explained, langOf(args));
      process.exitCode = 1;
    } else {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const failure = problem("unexpected_failure", { file: "*", line: null }, { detail });
      console.error(`${failure.message_vi}\n${failure.message_en}`);
      process.exitCode = 1;
    }
  }
}
