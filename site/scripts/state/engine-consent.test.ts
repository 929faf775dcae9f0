import { describe, expect, it } from "vitest";
import { engineConsented, rememberEngineConsent, type ConsentStorage } from "./engine-consent.ts";

function memoryStorage(): ConsentStorage {
  const values = new Map<string, string>();
  return {
    getItem: (name) => values.get(name) ?? null,
    setItem: (name, value) => void values.set(name, value),
  };
}

const blocked: ConsentStorage = {
  getItem: () => {
    throw new DOMException("blocked", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
};

describe("the reader's consent to download the query engine", () => {
  it("is not given until the reader taps, and is remembered for the next visit", () => {
    const storage = memoryStorage();
    expect(engineConsented(storage)).toBe(false);
    rememberEngineConsent(storage);
    expect(engineConsented(storage)).toBe(true);
  });

  it("is asked again when the browser blocks or has no storage", () => {
    expect(() => rememberEngineConsent(blocked)).not.toThrow();
    expect(engineConsented(blocked)).toBe(false);
    expect(engineConsented(null)).toBe(false);
  });
});
