// Small phrases the pages share, worded as a reader says them: a rank range of one place is no
// range ("khoảng hạng 20–20" reads as a slip), and the applicable maximum is explained where
// points are shown (a thị trấn is scored on criteria a xã is not, and the other way round).
import type { ResultsRow } from "../../schemas/published.ts";
import { unitTypeLabel } from "../../pipeline/rules/display.ts";

/** "3–8", or "20" when the rank cannot move. */
export function rankRange(row: Pick<ResultsRow, "rank_low" | "rank_high">): string {
  return row.rank_low === row.rank_high ? String(row.rank_low) : `${row.rank_low}–${row.rank_high}`;
}

/** "có thể từ hạng 3 đến hạng 8", or "hạng không đổi khi tính đến sai số của khảo sát". */
export function rankRangePhrase(row: Pick<ResultsRow, "rank_low" | "rank_high">): string {
  return row.rank_low === row.rank_high
    ? "hạng không đổi khi tính đến sai số của khảo sát"
    : `có thể từ hạng ${row.rank_low} đến hạng ${row.rank_high}`;
}

/** "thị trấn" or "xã": the kind of unit, which decides the criteria that apply. */
export function unitKind(row: Pick<ResultsRow, "commune_type">): string {
  return unitTypeLabel[row.commune_type];
}
