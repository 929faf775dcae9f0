// Turning the compare queries into what the page shows: one row per criterion with a cell per
// commune, and a chart title that states the finding.
import type { ComparedDomain, CriterionScore } from "./compare.ts";

/** A leaf criterion across the compared communes (points by commune code). */
export interface CriterionDifference {
  criterionId: string;
  criterionName: string;
  source: CriterionScore["source"];
  gap: number | null;
  scores: Map<string, { points: number; max: number }>;
}

/** Groups criterion rows by criterion, keeping the query's order (largest gap first). */
export function criterionDifferences(rows: readonly CriterionScore[]): CriterionDifference[] {
  const byId = new Map<string, CriterionDifference>();
  for (const row of rows) {
    let difference = byId.get(row.criterion_id);
    if (!difference) {
      difference = {
        criterionId: row.criterion_id,
        criterionName: row.criterion_name,
        source: row.source,
        gap: row.gap,
        scores: new Map(),
      };
      byId.set(row.criterion_id, difference);
    }
    difference.scores.set(row.commune_code, { points: row.points, max: row.max_points });
  }
  return [...byId.values()];
}

/** How many domains each commune leads outright (ties lead nobody), by commune code. */
export function domainsLed(
  domains: readonly ComparedDomain[],
  codes: readonly string[],
): Map<string, number> {
  const led = new Map(codes.map((code) => [code, 0]));
  const byDomain = new Map<string, ComparedDomain[]>();
  for (const row of domains) {
    if (led.has(row.commune_code)) byDomain.set(row.domain_id, [...(byDomain.get(row.domain_id) ?? []), row]);
  }
  for (const rows of byDomain.values()) {
    const best = Math.max(...rows.map((row) => row.pct));
    const leaders = rows.filter((row) => row.pct === best);
    const leader = leaders[0];
    if (leaders.length === 1 && leader) led.set(leader.commune_code, (led.get(leader.commune_code) ?? 0) + 1);
  }
  return led;
}

/**
 * The domain chart's title: "Xã Hồng Dụ cao hơn Xã Ứng Hòe ở 6/8 lĩnh vực" for two communes,
 * "Xã Hồng Dụ dẫn đầu ở 4/8 lĩnh vực" for more; ties between leaders are said as ties.
 */
export function comparisonHeadline(
  domains: readonly ComparedDomain[],
  communes: readonly { code: string; name: string }[],
): string {
  const domainCount = new Set(domains.map((row) => row.domain_id)).size;
  const led = domainsLed(
    domains,
    communes.map((commune) => commune.code),
  );
  const ranked = communes
    .map((commune) => ({ name: commune.name, led: led.get(commune.code) ?? 0 }))
    .sort((a, b) => b.led - a.led);
  const [first, second] = ranked;
  if (!first || !second || domainCount === 0) return "So sánh điểm các lĩnh vực";
  if (first.led === second.led) {
    const tied = ranked.filter((commune) => commune.led === first.led).map((commune) => commune.name);
    return first.led === 0
      ? `Không đơn vị nào dẫn đầu riêng ở lĩnh vực nào`
      : `${tied.join(" và ")} mỗi đơn vị dẫn đầu ở ${first.led}/${domainCount} lĩnh vực`;
  }
  if (communes.length === 2)
    return `${first.name} cao hơn ${second.name} ở ${first.led}/${domainCount} lĩnh vực`;
  return `${first.name} dẫn đầu ở ${first.led}/${domainCount} lĩnh vực`;
}
