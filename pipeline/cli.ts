// Entry point: `node pipeline/cli.ts <command> [options]`, run through the npm scripts.
// Each command lives in pipeline/commands/<name>.ts and returns the process exit code.
const commands = {
  validate: () => import("./commands/validate.ts"),
  compute: () => import("./commands/compute.ts"),
  build: () => import("./commands/build.ts"),
  sample: () => import("./commands/sample.ts"),
  bench: () => import("./commands/bench.ts"),
  release: () => import("./commands/release.ts"),
  template: () => import("./commands/template.ts"),
} as const;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !(name in commands)) {
  console.error(`Cách dùng / usage: node pipeline/cli.ts <${Object.keys(commands).join("|")}> [options]`);
  process.exitCode = 2;
} else {
  const command = await commands[name as keyof typeof commands]();
  process.exitCode = await command.run(args);
}
