// The survey plan as the published manifest records it.
import type { PublishedManifest } from "./manifest.ts";

/**
 * Citizens' questionnaires planned per commune. The published tables carry no per-commune quota,
 * so it is the citizens panel's planned total shared equally (1.200 / 20 = 60, as the district's
 * plan sets it); null when the plan does not divide evenly, rather than guess.
 */
export function citizensQuota(manifest: PublishedManifest, communeCount: number): number | null {
  const planned = manifest.survey_design
    .filter((group) => group.panel === "citizens")
    .reduce((sum, group) => sum + group.planned, 0);
  if (planned === 0 || communeCount === 0 || planned % communeCount !== 0) return null;
  return planned / communeCount;
}
