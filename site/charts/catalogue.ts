// Every chart of the site for one published year, drawn once per build: the pages embed them and
// the /bieu-do/<id>.svg|png endpoints serve the same drawings as downloads.
import type { PublishedYear } from "../lib/data.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import type { Chart } from "./chart.ts";
import { changeChart, changedRows } from "./change.ts";
import { communeDomainsChart } from "./commune-domains.ts";
import { distributionChart } from "./distribution.ts";
import { rankingChart } from "./ranking.ts";
import { satisfactionChart } from "./satisfaction.ts";

const drawn = new Map<string, Chart>();

function memo(id: string, draw: () => Chart): Chart {
  const cached = drawn.get(id);
  if (cached) return cached;
  const chart = draw();
  drawn.set(id, chart);
  return chart;
}

export function homeRanking(data: PublishedYear): Chart {
  return memo(`xep-hang-${data.year}`, () => rankingChart(data.year, data.results, data.manifest.bands));
}

/** Null when no commune has a previous year to compare with. */
export function homeChange(data: PublishedYear): Chart | null {
  if (changedRows(data.results).length === 0) return null;
  return memo(`thay-doi-${data.year}`, () => changeChart(data.year, data.results));
}

export function communeDomains(data: PublishedYear, code: string): Chart {
  const result = data.results.find((row) => row.commune_code === code);
  if (!result) throw new Error(`unknown commune ${code}`);
  const slug = communeSlug(result.commune_name);
  return memo(`linh-vuc-${slug}-${data.year}`, () =>
    communeDomainsChart(
      data.year,
      slug,
      result.commune_name,
      data.domains.filter((row) => row.commune_code === code),
    ),
  );
}

/** Null when the commune has no citizens' satisfaction figures. */
export function communeSatisfaction(data: PublishedYear, code: string): Chart | null {
  const result = data.results.find((row) => row.commune_code === code);
  if (!result) throw new Error(`unknown commune ${code}`);
  const elements = data.satisfaction.filter((row) => row.commune_code === code);
  if (elements.length === 0) return null;
  const slug = communeSlug(result.commune_name);
  return memo(`hai-long-${slug}-${data.year}`, () =>
    satisfactionChart(data.year, slug, result.commune_name, result.satisfaction_pct, elements),
  );
}

export function domainDistribution(data: PublishedYear, domainId: string): Chart {
  return memo(`phan-bo-linh-vuc-${domainId}-${data.year}`, () =>
    distributionChart(
      data.year,
      domainId,
      data.domains.filter((row) => row.domain_id === domainId),
    ),
  );
}

/** The domain ids of the year, in numeric order. */
export function domainIds(data: PublishedYear): string[] {
  return [...new Set(data.domains.map((row) => row.domain_id))].sort((a, b) => Number(a) - Number(b));
}

/** Every chart of the year (for the download endpoints). */
export function allCharts(data: PublishedYear): Chart[] {
  const charts: (Chart | null)[] = [homeRanking(data), homeChange(data)];
  for (const result of data.results) {
    charts.push(communeDomains(data, result.commune_code), communeSatisfaction(data, result.commune_code));
  }
  for (const id of domainIds(data)) charts.push(domainDistribution(data, id));
  return charts.filter((chart): chart is Chart => chart !== null);
}
