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
 * A chart before it is drawn: its id and page, known without drawing, so that the build can list
 * every chart's page at once and draw each only when its first page is written.
 */
export interface ChartPlan {
  id: string;
  page: string;
  draw: (options: ChartOptions) => Chart;
}

/**
 * Each chart is drawn once per build and kept as text only: the drawings' elements are dropped
 * as soon as they are serialised, so the build's memory does not grow with every chart drawn.
 */
export function siteChart(data: PublishedYear, { id, page, draw }: ChartPlan): SiteChart {
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

function drawnIf(data: PublishedYear, plan: ChartPlan | null): SiteChart | null {
  return plan === null ? null : siteChart(data, plan);
}

/** "trung bình huyện", "trung bình tỉnh": the issuer's average, as the charts name it. */
function averageLabelOf(data: PublishedYear): string {
  return issuerWords(data.manifest).averageLabel;
}

function homeRankingPlan(data: PublishedYear): ChartPlan {
  return {
    id: `xep-hang-${data.year}`,
    page: "/#xep-hang",
    draw: (options) =>
      rankingChart({ year: data.year, results: data.results, bands: data.manifest.bands }, options),
  };
}

export function homeRanking(data: PublishedYear): SiteChart {
  return siteChart(data, homeRankingPlan(data));
}

/** Null when no commune has a previous year to compare with. */
function homeChangePlan(data: PublishedYear): ChartPlan | null {
  if (changedRows(data.results).length === 0) return null;
  return {
    id: `thay-doi-${data.year}`,
    page: "/#thay-doi",
    draw: (options) => changeChart({ year: data.year, results: data.results }, options),
  };
}

export function homeChange(data: PublishedYear): SiteChart | null {
  return drawnIf(data, homeChangePlan(data));
}

function communeDomainsPlan(data: PublishedYear, code: string): ChartPlan {
  const result = communeRows(data.results, code)[0];
  if (!result) throw new Error(`unknown commune ${code}`);
  const slug = communeSlug(result.commune_name);
  const domains = communeRows(data.domains, code);
  return {
    id: `linh-vuc-${slug}-${data.year}`,
    page: `/xa/${slug}/#linh-vuc`,
    draw: (options) =>
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
  };
}

export function communeDomains(data: PublishedYear, code: string): SiteChart {
  return siteChart(data, communeDomainsPlan(data, code));
}

/** Null when the commune has no citizens' satisfaction figures. */
function communeSatisfactionPlan(data: PublishedYear, code: string): ChartPlan | null {
  const result = communeRows(data.results, code)[0];
  if (!result) throw new Error(`unknown commune ${code}`);
  const elements = communeRows(data.satisfaction, code);
  if (elements.length === 0) return null;
  const slug = communeSlug(result.commune_name);
  return {
    id: `hai-long-${slug}-${data.year}`,
    page: `/xa/${slug}/#dieu-tra`,
    draw: (options) =>
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
  };
}

export function communeSatisfaction(data: PublishedYear, code: string): SiteChart | null {
  return drawnIf(data, communeSatisfactionPlan(data, code));
}

function domainDistributionPlan(data: PublishedYear, domainId: string): ChartPlan {
  const rows = data.domains.filter((row) => row.domain_id === domainId);
  return {
    id: `phan-bo-linh-vuc-${domainId}-${data.year}`,
    page: `/linh-vuc/${domainId}/`,
    draw: (options) =>
      distributionChart({ year: data.year, domainId, rows, averageLabel: averageLabelOf(data) }, options),
  };
}

export function domainDistribution(data: PublishedYear, domainId: string): SiteChart {
  return siteChart(data, domainDistributionPlan(data, domainId));
}

/** The domain ids of the year, in numeric order. */
export function domainIds(data: PublishedYear): string[] {
  return [...new Set(data.domains.map((row) => row.domain_id))].sort((a, b) => Number(a) - Number(b));
}

/**
 * Every chart of the year, not yet drawn (for the download and embed endpoints, which draw each
 * with siteChart when its page is written, not all when Astro lists the pages). The home page's
 * charts of every unit are left out where the home page does not show them (a year with many
 * units, site/lib/scale.ts).
 */
export function chartPlans(data: PublishedYear): ChartPlan[] {
  const plans: (ChartPlan | null)[] = atScale(data.results)
    ? []
    : [homeRankingPlan(data), homeChangePlan(data)];
  for (const result of data.results) {
    plans.push(
      communeDomainsPlan(data, result.commune_code),
      communeSatisfactionPlan(data, result.commune_code),
    );
  }
  for (const id of domainIds(data)) plans.push(domainDistributionPlan(data, id));
  return plans.filter((plan): plan is ChartPlan => plan !== null);
}
