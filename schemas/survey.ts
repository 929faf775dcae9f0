import { z } from "zod";
import { communeCode, communeCodePattern, slugCode, slugCodePattern, text } from "./cells.ts";

/**
 * Survey forms: fixed columns here; one further column per question of the panel (its id), holding
 * an option code or blank. Question cells are checked against questions.csv and scales.csv.
 */
export const citizensFormColumns = z.object({
  form_id: text.describe("Mã phiếu (không trùng; không được công bố)"),
  commune_code: communeCode.describe("Mã xã, thị trấn nơi giải quyết thủ tục"),
});
export const officialsFormColumns = z.object({
  form_id: text.describe("Mã phiếu (không trùng; không được công bố)"),
  respondent_id: text.describe(
    "Mã ẩn danh của người trả lời (một người đánh giá nhiều xã; không được công bố)",
  ),
  group: slugCode.describe("Nhóm đối tượng (như trong groups.csv)"),
  commune_code: communeCode.describe("Mã xã, thị trấn được đánh giá"),
});

/** The quick test of a column whose schema takes any text but a blank one. */
export function nonBlank(cell: string): boolean {
  return cell !== "";
}

/**
 * A quick test per fixed column that passes only cells its schema above accepts as they are. The
 * survey reader applies it to a million forms instead of the schema; a cell failing it goes through
 * the schema, which says why. Sharing the patterns keeps the two from drifting apart.
 */
export const formCellChecks: Record<string, (cell: string) => boolean> = {
  form_id: nonBlank,
  respondent_id: nonBlank,
  group: (cell) => slugCodePattern.test(cell),
  commune_code: (cell) => communeCodePattern.test(cell),
};
