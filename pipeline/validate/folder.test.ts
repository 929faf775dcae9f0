import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readShared } from "./folder.ts";

const folder = mkdtempSync(join(tmpdir(), "read-shared-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A file of `length` bytes 0, 1, … 250, 0, 1 …, read with `size` as the size it had when opened. */
async function read(length: number, size: number): Promise<Uint8Array> {
  const path = join(folder, `f${length}-${size}`);
  writeFileSync(
    path,
    Uint8Array.from({ length }, (_, i) => i % 251),
  );
  const handle = await open(path);
  try {
    return await readShared(handle, size);
  } finally {
    await handle.close();
  }
}

describe("a survey file read for a worker", () => {
  it("is on shared memory, its bytes as readFile gives them, whether it grew or shrank", async () => {
    // 200,000 bytes: more than the 64 KiB read past the end at a time, so growing takes two steps.
    for (const [length, size] of [
      [1000, 1000],
      [200_000, 10],
      [1000, 5000],
      [0, 0],
    ] as const) {
      const bytes = await read(length, size);
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(bytes.length).toBe(length);
      expect(bytes.every((byte, i) => byte === i % 251)).toBe(true);
    }
  });
});
