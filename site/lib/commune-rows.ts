// A commune's own rows of a published table. Pages of one commune read only its rows: each table is
// split by commune once per build, so no page scans every commune's rows (a scan on every commune's
// page makes the build grow with the square of the units). No Node import: browser bundles may use it.
import { groupBy } from "../../pipeline/rules/group.ts";

const communeIndex = new WeakMap<readonly object[], Map<string, readonly object[]>>();

/** The rows of a loaded table that belong to one commune, in table order (tables never change once loaded). */
export function communeRows<T extends { commune_code: string }>(
  rows: readonly T[],
  code: string,
): readonly T[] {
  let index = communeIndex.get(rows);
  if (!index) {
    index = groupBy(rows, (row) => row.commune_code);
    communeIndex.set(rows, index);
  }
  return (index.get(code) ?? []) as readonly T[];
}
