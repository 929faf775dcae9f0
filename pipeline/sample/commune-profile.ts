// Each commune's latent performance, from which its scores and its survey answers are drawn, so that
// the appraisal, the officials and the citizens tell a consistent story about the same commune.
import { seededRandom } from "../random.ts";
import type { Random } from "../random.ts";
import { provisionalDomains } from "./criteria-tree.ts";
import { centredNoise, clampUnit } from "./draws.ts";
import type { SampleCommune } from "./reference-communes.ts";

export interface CommuneProfile {
  /** Expected share of the maximum points (≈ index / 100). */
  quality: number;
  /** Per domain (index 0 = domain 1): added to `quality` for that domain's criteria and questions. */
  domainOffsets: number[];
  /** How the one-stop desk (Bộ phận Một cửa) serves citizens, on the same scale as `quality`. */
  serviceQuality: number;
}

/**
 * The district's mean quality in 2023 and its yearly improvement: docs/methodology.md#the-sample-data asks for indices mostly
 * 80–92%, and for earlier years a slightly lower average so that year-over-year changes show.
 */
const referenceYear = 2023;
const meanQualityInReferenceYear = 0.885;
const yearlyImprovement = 0.015;

/**
 * Qualities within a district follow the quantiles of a logistic distribution of this scale
 * (standard deviation = scale × π / √3 ≈ 0.045), so that every district of 20 has a few units at
 * or above 90% and a few below 80%, whatever the seed.
 */
const logisticScale = 0.03;

/** Weight of a commune's lasting standing against this year's luck when ranking it in its district. */
const standingWeight = 0.75;

function meanQuality(year: number): number {
  return meanQualityInReferenceYear - yearlyImprovement * (referenceYear - year);
}

/**
 * A commune's lasting standing in [0, 1): drawn from its code alone, not from the seed, so that the
 * same commune tends to lead (or trail) in every year's sample, as real communes do.
 */
function lastingStanding(code: string): number {
  return seededRandom(Number(code))();
}

/** Profiles of the units of one district, in the order given. */
export function districtProfiles(
  district: readonly SampleCommune[],
  year: number,
  random: Random,
): CommuneProfile[] {
  const order = district
    .map((commune, i) => ({
      i,
      standing: standingWeight * lastingStanding(commune.code) + (1 - standingWeight) * random(),
    }))
    .sort((a, b) => a.standing - b.standing);
  const qualities = new Array<number>(district.length);
  order.forEach(({ i }, rank) => {
    const p = (rank + 0.5) / district.length;
    qualities[i] = clampUnit(meanQuality(year) + logisticScale * Math.log(p / (1 - p)));
  });
  return qualities.map((quality) => ({
    quality,
    domainOffsets: Array.from(provisionalDomains, () => centredNoise(random, 0.12)),
    serviceQuality: clampUnit(quality + 0.01 + centredNoise(random, 0.06)),
  }));
}
