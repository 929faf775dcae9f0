// Every chart of the site for one published year, drawn once per build at two widths — the
// phone's and the desktop's — so that each screen gets a layout made for it (labels above the
// bars on a phone, beside them on a desktop) rather than a shrunken copy. The pages embed both
// and CSS shows the one that fits; the /bieu-do/<id>.svg endpoint serves the desktop drawing,
// framed with title, source, version and the sample notice.
import type { PublishedYear } from "../lib/data.ts";
import { chartSource, sampleNotice } from "../lib/portal.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { buildDocument } from "./build-document.ts";
import { DESKTOP_WIDTH, PHONE_WIDTH } from "./chart.ts";
import type { Chart, ChartOptions, ChartTable } from "./chart.ts";
import { downloadSvg } from "./download.ts";
import { changeChart, changedRows } from "./change.ts";
import { communeDomainsChart } from "./commune-domains.ts";
import { distributionChart } from "./distribution.ts";
import { issuerWords } from "../../pipeline/rules/issuer.ts";
import { rankingChart } from "./ranking.ts";
import { satisfactionChart } from "./satisfaction.ts";
import { atScale } from "../lib/scale.ts";
import { communeRows } from "../lib/commune-rows.ts";

/** A drawing as the pages embed it: its markup and size, without the element it was serialised from. */
export type Drawing = Omit<Chart, "element">;

/** One chart of the site: what both drawings share, the two drawings and the downloadable file. */
export interface SiteChart {
  id: string;
  /** The site path of the page that shows the chart (an embedded chart links back to it). */
  page: string;
  title: string;
  description: string;
  table: ChartTable;
  phone: Drawing;
  desktop: Drawing;
  /**
   * The file of /bieu-do/<id>.svg: the desktop drawing, framed with title, source and notice (its
   * PNG is made in the reader's browser from this SVG).
   */
  download: string;
}

const drawn = new Map<string, SiteChart>();
const document = buildDocument();

function drawing({ element: _element, ...rest }: Chart): Drawing {
  return rest;
}

/**
 * Each chart is drawn once per build and kept as text only: the drawings' elements are dropped
 * as soon as they are serialised, so the build's memory does not grow with every chart drawn.
 */
function memo(
  data: PublishedYear,
  id: string,
  page: string,
  draw: (options: ChartOptions) => Chart,
): SiteChart {
  const cached = drawn.get(id);
  if (cached) return cached;
  const desktop = draw({ width: DESKTOP_WIDTH, document });
  const phone = draw({ width: PHONE_WIDTH, document });
  const { title, description, table } = desktop;
  const download = downloadSvg(desktop, {
    source: chartSource(data.manifest),
    notice: sampleNotice(data.manifest),
  });
  const chart = {
    id,
    page,
    title,
    description,
    table,
    phone: drawing(phone),
    desktop: drawing(desktop),
    download,
  };
  drawn.set(id, chart);
  return chart;
}

/** "trung bình huyện", "trung bình tỉnh": the issuer's average, as the charts name it. */
function averageLabelOf(data: PublishedYear): string {
  return issuerWords(data.manifest).averageLabel;
}

export function homeRanking(data: PublishedYear): SiteChart {
  return memo(data, `xep-hang-${data.year}`, "/#xep-hang", (options) =>
    rankingChart({ year: data.year, results: data.results, bands: data.manifest.bands }, options),
  );
}

/** Null when no commune has a previous year to compare with. */
export function homeChange(data: PublishedYear): SiteChart | null {
  if (changedRows(data.results).length === 0) return null;
  return memo(data, `thay-doi-${data.year}`, "/#thay-doi", (options) =>
    changeChart({ year: data.year, results: data.results }, options),
  );
}

export function communeDomains(data: PublishedYear, code: string): SiteChart {
  const result = communeRows(data.results, code)[0];
  if (!result) throw new Error(`unknown commune ${code}`);
  const slug = communeSlug(result.commune_name);
  const domains = communeRows(data.domains, code);
  return memo(data, `linh-vuc-${slug}-${data.year}`, `/xa/${slug}/#linh-vuc`, (options) =>
    communeDomainsChart(
      {
        year: data.year,
        slug,
        communeName: result.commune_name,
        domains,
        averageLabel: averageLabelOf(data),
      },
      options,
    ),
  );
}

/** Null when the commune has no citizens' satisfaction figures. */
export function communeSatisfaction(data: PublishedYear, code: string): SiteChart | null {
  const result = communeRows(data.results, code)[0];
  if (!result) throw new Error(`unknown commune ${code}`);
  const elements = communeRows(data.satisfaction, code);
  if (elements.length === 0) return null;
  const slug = communeSlug(result.commune_name);
  return memo(data, `hai-long-${slug}-${data.year}`, `/xa/${slug}/#dieu-tra`, (options) =>
    satisfactionChart(
      {
        year: data.year,
        slug,
        communeName: result.commune_name,
        satisfactionPct: result.satisfaction_pct,
        elements,
      },
      options,
    ),
  );
}

export function domainDistribution(data: PublishedYear, domainId: string): SiteChart {
  const rows = data.domains.filter((row) => row.domain_id === domainId);
  return memo(data, `phan-bo-linh-vuc-${domainId}-${data.year}`, `/linh-vuc/${domainId}/`, (options) =>
    distributionChart({ year: data.year, domainId, rows, averageLabel: averageLabelOf(data) }, options),
  );
}

/** The domain ids of the year, in numeric order. */
export function domainIds(data: PublishedYear): string[] {
  return [...new Set(data.domains.map((row) => row.domain_id))].sort((a, b) => Number(a) - Number(b));
}

/**
 * Every chart of the year (for the download endpoints). The home page's charts of every unit are
 * left out where the home page does not show them (a year with many units, site/lib/scale.ts).
 */
export function allCharts(data: PublishedYear): SiteChart[] {
  const charts: (SiteChart | null)[] = atScale(data.results) ? [] : [homeRanking(data), homeChange(data)];
  for (const result of data.results) {
    charts.push(communeDomains(data, result.commune_code), communeSatisfaction(data, result.commune_code));
  }
  for (const id of domainIds(data)) charts.push(domainDistribution(data, id));
  return charts.filter((chart): chart is SiteChart => chart !== null);
}
