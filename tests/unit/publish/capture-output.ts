// Runs a CLI command in-process with its terminal output captured (console and process.stdout, which
// the validate report is written to), so tests stay quiet and can assert what the user would read.
import { vi } from "vitest";

export async function captureOutput(
  command: () => Promise<number>,
): Promise<{ exitCode: number; printed: string }> {
  const printed: string[] = [];
  const keep = (text: unknown) => void printed.push(String(text));
  const spies = [
    vi.spyOn(console, "log").mockImplementation(keep),
    vi.spyOn(console, "error").mockImplementation(keep),
    vi.spyOn(process.stdout, "write").mockImplementation((text: unknown) => {
      keep(text);
      return true;
    }),
  ];
  try {
    return { exitCode: await command(), printed: printed.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
