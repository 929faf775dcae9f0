import { describe, expect, it } from "vitest";
import { hashChars, HashSlots, sameText } from "./keys.ts";

/** Every entry find() and next() give for a hash. */
function entriesOf(slots: HashSlots, hash: number): number[] {
  const found: number[] = [];
  for (let entry = slots.find(hash); entry !== -1; entry = slots.next()) found.push(entry);
  return found;
}

describe("HashSlots", () => {
  it("keeps every entry findable under its hash as it grows, colliding hashes included", () => {
    const slots = new HashSlots();
    // 3,000 entries (the table starts with 1,024 slots and 512 hashes) under 7 hashes, plus one
    // reserved jump: entries are numbered by the caller and need not be consecutive.
    const hashOf = (entry: number) => (entry % 7) * 0x10000;
    const entries = [...Array.from({ length: 3000 }, (_, i) => i), 10_000];
    for (const entry of entries) {
      expect(entriesOf(slots, hashOf(entry))).not.toContain(entry);
      slots.add(entry);
    }
    slots.reserve(50_000);
    for (let h = 0; h < 7; h++) {
      const expected = entries.filter((entry) => hashOf(entry) === h * 0x10000);
      expect(entriesOf(slots, h * 0x10000).sort((a, b) => a - b)).toEqual(expected);
    }
    expect(entriesOf(slots, 12345)).toEqual([]);
  });

  it("hashes and compares text in place", () => {
    expect(hashChars("xF12y", 1, 4)).toBe(hashChars("F12", 0, 3));
    expect(hashChars("F12", 0, 3)).not.toBe(hashChars("F13", 0, 3));
    expect(sameText("xF12y", 1, 4, "F12", 0, 3)).toBe(true);
    expect(sameText("xF12y", 1, 4, "F1", 0, 2)).toBe(false);
  });
});
