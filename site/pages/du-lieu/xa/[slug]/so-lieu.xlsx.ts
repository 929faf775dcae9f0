// /du-lieu/xa/<slug>/so-lieu.xlsx: one commune's figures as an Excel workbook with Vietnamese
// headers (site/lib/commune-xlsx.ts), made at build time, stamped with the published build time,
// on the build's worker threads where the year has many units (site/lib/build-pool.ts).
import type { APIRoute, GetStaticPaths } from "astro";
import type { ResultsRow } from "../../../../../schemas/published.ts";
import type { BuildTask } from "../../../../lib/build-files.ts";
import { unitFiles } from "../../../../lib/build-pool.ts";
import { communeTables } from "../../../../lib/commune-xlsx.ts";
import { latestYear } from "../../../../lib/data.ts";

function workbook(result: ResultsRow): BuildTask {
  const { year, version, status, province, district, issuer, releases, contact, title, build_time } =
    latestYear().manifest;
  return {
    kind: "workbook",
    manifest: { year, version, status, province, district, issuer, releases, contact, title },
    commune: { code: result.commune_code, name: result.commune_name },
    buildTime: new Date(build_time).getTime(),
    tables: communeTables(year, result.commune_code),
  };
}

const workbooks = unitFiles(workbook);

export const getStaticPaths = (() => workbooks.paths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: ResultsRow }> = async ({ props }) =>
  new Response(new Uint8Array(await workbooks.take(props.result)), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
