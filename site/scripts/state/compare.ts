// The compared communes live in the URL (`/so-sanh/?xa=11155,11215`), so a shared link or a
// reload shows the same comparison and back/forward step through earlier choices.

export const minCompared = 2;
export const maxCompared = 4;
const parameter = "xa";

/** The communes named in a query string, and the values that were ignored. */
export interface ComparedSelection {
  /** Known codes in the order given, without repeats, at most `maxCompared`. */
  codes: string[];
  /** Values of the parameter that are not a known commune code, are repeats or exceed the limit. */
  ignored: string[];
}

/** Reads `?xa=<code>,<code>` against the list of known codes; unknown values are never used. */
export function parseComparedCodes(search: string, knownCodes: ReadonlySet<string>): ComparedSelection {
  const params = new URLSearchParams(search);
  const values = params
    .getAll(parameter)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const codes: string[] = [];
  const ignored: string[] = [];
  for (const value of values) {
    if (knownCodes.has(value) && !codes.includes(value) && codes.length < maxCompared) codes.push(value);
    else ignored.push(value);
  }
  return { codes, ignored };
}

/** The query string for a selection: `?xa=11155,11215` (commas kept readable), or "" for none. */
export function comparedSearch(codes: readonly string[]): string {
  return codes.length === 0 ? "" : `?${parameter}=${codes.map(encodeURIComponent).join(",")}`;
}
