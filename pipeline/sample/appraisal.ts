// appraisal.csv: each commune's self-score (tự đánh giá) and the district's appraised score
// (thẩm định) on every appraisal leaf that applies to it. Scores move in steps of 0.25 points, as the
// criteria give them; a commune often claims more than its evidence supports, and the appraisal
// then lowers the score with a note saying why.
import type { Random } from "../random.ts";
import type { AppraisalLeaf } from "./criteria-tree.ts";
import { numberedCriteria } from "./criteria-tree.ts";
import { centredNoise, clampUnit, roundToLevel } from "./draws.ts";
import type { CommuneProfile } from "./commune-profile.ts";
import type { SampleCommune } from "./reference-communes.ts";

export const appraisalHeader = ["commune_code", "criterion_id", "self_score", "appraised_score", "note"];

/** Points are given in quarters. */
const stepsPerPoint = 4;

interface ScoredLeaf {
  id: string;
  domainIndex: number;
  leaf: AppraisalLeaf;
  /** 0, 0.25 … max, as shares of max: the levels a score can take. */
  levels: number[];
}

/** The appraisal leaves of the tree, in reading order. */
export function appraisalLeaves(): ScoredLeaf[] {
  return numberedCriteria().flatMap(({ id, node }) => {
    if (node.kind !== "appraisal") return [];
    const steps = Math.round(node.max * stepsPerPoint);
    const levels = Array.from({ length: steps + 1 }, (_, k) => k / steps);
    return [{ id, domainIndex: Number(id.split(".")[0]) - 1, leaf: node, levels }];
  });
}

/**
 * Chance that a commune claimed more than the appraisal grants on a leaf it did not fully achieve:
 * weaker communes overstate more often.
 */
function overstatementChance(quality: number): number {
  return 0.25 + 0.5 * (1 - quality);
}

/** A score written with at most 2 decimals: quarters are exact in binary, so String() is exact. */
const points = (quarters: number) => String(quarters / stepsPerPoint);

export function appraisalRows(
  commune: SampleCommune,
  profile: CommuneProfile,
  leaves: readonly ScoredLeaf[],
  year: number,
  random: Random,
): string[][] {
  const rows: string[][] = [];
  for (const { id, domainIndex, leaf, levels } of leaves) {
    if (leaf.appliesTo !== undefined && leaf.appliesTo !== commune.type) continue;
    const achieved = clampUnit(
      profile.quality + profile.domainOffsets[domainIndex]! + (leaf.ease ?? 0) + centredNoise(random, 0.3),
    );
    const maxQuarters = levels.length - 1;
    const appraised = roundToLevel(random, achieved, levels);
    let claimed = appraised;
    let note = "";
    if (appraised < maxQuarters && random() < overstatementChance(profile.quality)) {
      // Most overstating communes claim the full points; the rest claim part of what is missing.
      claimed =
        random() < 0.6 ? maxQuarters : appraised + 1 + Math.floor(random() * (maxQuarters - appraised));
      note = leaf.loweredNotes[Math.floor(random() * leaf.loweredNotes.length)]!.replaceAll(
        "{year}",
        String(year),
      );
    }
    rows.push([commune.code, id, points(claimed), points(appraised), note]);
  }
  return rows;
}
