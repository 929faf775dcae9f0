// Synthetic commune-level units for large-scale runs (`--communes n`, up to national scale): codes of
// five digits that keep their leading zeros (00003, 00006, …), Vietnamese-looking names, and one
// thị trấn, the district seat, at the head of every district of 20 units (about 1 in 20, as in
// the country).
import type { Random } from "../random.ts";
import { communeSlug } from "../rules/slug.ts";
import { shuffled } from "./draws.ts";
import type { SampleCommune } from "./reference-communes.ts";

/** Units per synthetic district: the size of Ninh Giang, each district with its own officials panel. */
export const communesPerDistrict = 20;

/** Codes step by 3 from 00003, so five digits suffice for this many units. */
export const maxSyntheticCommunes = 33_333;

const firstSyllables =
  "An Bình Cẩm Đại Đông Đồng Gia Hà Hải Hòa Hồng Hưng Hợp Kiến Kim Lạc Liên Long Minh Nam Nghĩa Ngọc Nhân Phú Phúc Quang Quảng Tân Thạch Thái Thanh Thắng Thịnh Thuận Tiên Trung Văn Vĩnh Xuân Yên".split(
    " ",
  );
const secondSyllables =
  "An Bình Châu Cường Đạt Điền Đức Giang Hà Hải Hòa Hưng Hương Khánh Lâm Lạc Lộc Lợi Long Minh Mỹ Ninh Phong Phú Phúc Quang Sơn Tâm Thành Thịnh Thọ Thủy Tiến Trung Trường Tường Việt Vinh Xuyên Yên".split(
    " ",
  );

/**
 * `count` synthetic units. Names come from a seeded shuffle of two-syllable place names, each
 * giving its own page address (the validator refuses two units at one address: "Quang Thủy" and
 * "Quảng Thủy" fold alike, so only one of them is used); past the list, a number follows the name
 * ("Xã An Bình 2"), so even a country-sized set has one address per unit.
 */
export function syntheticCommunes(count: number, random: Random): SampleCommune[] {
  const bySlug = new Map<string, string>();
  for (const first of firstSyllables) {
    for (const second of secondSyllables) {
      const name = `${first} ${second}`;
      if (second !== first && !bySlug.has(communeSlug(name))) bySlug.set(communeSlug(name), name);
    }
  }
  const placeNames = shuffled(random, [...bySlug.values()]);
  return Array.from({ length: count }, (_, i) => {
    const isDistrictSeat = i % communesPerDistrict === 0;
    const round = Math.floor(i / placeNames.length);
    const placeName = `${placeNames[i % placeNames.length]!}${round === 0 ? "" : ` ${round + 1}`}`;
    return {
      code: String(3 * (i + 1)).padStart(5, "0"),
      name: isDistrictSeat ? `Thị trấn ${placeName}` : `Xã ${placeName}`,
      type: isDistrictSeat ? "thi_tran" : "xa",
    };
  });
}

/** Consecutive runs of at most 20 units: the districts whose officials rate them. */
export function districtsOf<T>(communes: readonly T[]): T[][] {
  const districts: T[][] = [];
  for (let i = 0; i < communes.length; i += communesPerDistrict) {
    districts.push(communes.slice(i, i + communesPerDistrict));
  }
  return districts;
}
