// Synthetic units of a province-issued year (`npm run sample -- --issuer province`), as after the
// arrangement of 1 July 2025: no district; wards (phường), communes (xã) and a special zone (đặc khu)
// or two, each in a group named after the former district it lay in; and a few units merged from
// three former units, which list them as predecessors. With `previous`, the same province the year
// before the arrangement: every merged unit is its three former units again, and nothing has
// predecessors.
import type { Random } from "../random.ts";
import type { SampleCommune } from "./reference-communes.ts";
import { communesPerDistrict, syntheticCommunes } from "./synthetic-communes.ts";

/** One unit in this many is a ward; the first unit of each former district is one. */
const wardEvery = 4;
/** One unit in this many is a special zone (an island). */
const specialZoneEvery = 100;
/** One unit in this many was formed by merging three former units. */
const mergedEvery = 47;
/** The date of the arrangement, on every merged unit. */
export const arrangementDate = "2025-07-01";

/** A unit of the sample that may carry a group and predecessors (communes.csv's optional columns). */
export interface ProvinceUnit extends SampleCommune {
  group: string;
  predecessors: readonly string[];
  formedOn: string | null;
}

const typeOf = (i: number): SampleCommune["type"] =>
  i % specialZoneEvery === specialZoneEvery - 1 ? "dac_khu" : i % wardEvery === 0 ? "phuong" : "xa";

const typeWord = { xa: "Xã", phuong: "Phường", dac_khu: "Đặc khu", thi_tran: "Thị trấn" } as const;

/** "Xã An Bình" → "An Bình". */
const placeName = (name: string) => name.replace(/^(Xã|Thị trấn) /u, "");

/**
 * `count` units of a province after the arrangement, or (`previous`) the units the year before it,
 * with the codes of the synthetic generator (00003, 00006, …); a merged unit's two other former
 * units take the two free codes after its own (00018 from 00018, 00019 and 00020).
 */
export function provinceUnits(count: number, random: Random, previous = false): ProvinceUnit[] {
  const merged = Array.from({ length: count }, (_, i) => i).filter(
    (i) => i % mergedEvery === mergedEvery - 1,
  );
  // Names for the current units first, then two more per merged unit for its former units.
  const names = syntheticCommunes(count + 2 * merged.length, random).map((unit) => placeName(unit.name));
  const units: ProvinceUnit[] = [];
  let extra = count;
  for (let i = 0; i < count; i++) {
    const code = String(3 * (i + 1)).padStart(5, "0");
    const type = typeOf(i);
    const group = `Huyện cũ ${names[Math.floor(i / communesPerDistrict) * communesPerDistrict]!}`;
    const unit = { code, name: `${typeWord[type]} ${names[i]!}`, type, group };
    if (!merged.includes(i)) {
      units.push({ ...unit, predecessors: [], formedOn: null });
      continue;
    }
    const formers = [
      code,
      String(3 * (i + 1) + 1).padStart(5, "0"),
      String(3 * (i + 1) + 2).padStart(5, "0"),
    ];
    const formerNames = [names[i]!, names[extra++]!, names[extra++]!];
    if (previous) {
      formers.forEach((former, k) =>
        units.push({
          code: former,
          name: `${typeWord[type]} ${formerNames[k]!}`,
          type,
          group,
          predecessors: [],
          formedOn: null,
        }),
      );
    } else {
      units.push({ ...unit, predecessors: formers, formedOn: arrangementDate });
    }
  }
  return units;
}
