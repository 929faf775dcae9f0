// Whether the reader has agreed to download the query engine (about 7,9 MB): no page starts that
// download before a tap on a button stating its size, whatever the connection reports (a throttled
// phone link can report "4g"). The tap is remembered in the browser (localStorage, nothing is sent
// anywhere), so the next visit starts at once; the files are then usually in the browser's cache.

const key = "cchc:tai-cong-cu-truy-van";

/** The part of Web Storage used here (localStorage in the browser, a fake in tests). */
export type ConsentStorage = Pick<Storage, "getItem" | "setItem">;

/** True when the reader tapped "tải" on an earlier visit. A storage that throws (blocked) says no. */
export function engineConsented(storage: ConsentStorage | null): boolean {
  try {
    return storage?.getItem(key) === "co";
  } catch {
    return false;
  }
}

/** Remembers the tap for the next visit; a storage that is full or blocked is ignored. */
export function rememberEngineConsent(storage: ConsentStorage | null): void {
  try {
    storage?.setItem(key, "co");
  } catch {
    // Private browsing or a blocked storage: the reader is asked again next time.
  }
}

/** localStorage, or null where reading it throws (blocked by the browser's settings). */
export function browserStorage(): ConsentStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
