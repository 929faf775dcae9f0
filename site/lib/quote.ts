// The sentence a journalist or the radio can quote as is. Figures are the published ones,
// formatted the Vietnamese way; the rank range keeps a reader from over-reading a close rank.
import type { ResultsRow } from "../../schemas/published.ts";
import type { Band } from "../../schemas/dataset.ts";
import { formatPct } from "../../pipeline/rules/format.ts";
import { bandLook } from "./bands.ts";

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/** "Năm 2023, Chỉ số CCHC của Xã Hồng Dụ đạt 85,67%, xếp thứ 5/20 (khoảng hạng 3–8), nhóm B." */
export function quoteSentence(
  year: number,
  result: ResultsRow,
  communeCount: number,
  bands: readonly Band[],
): string {
  const range =
    result.rank_low === result.rank_high ? "" : ` (khoảng hạng ${result.rank_low}–${result.rank_high})`;
  const band = lowerFirst(bandLook(bands, result.band).label);
  return (
    `Năm ${year}, Chỉ số CCHC của ${result.commune_name} đạt ${formatPct(result.index_pct)}, ` +
    `xếp thứ ${result.rank}/${communeCount}${range}, ${band}.`
  );
}
