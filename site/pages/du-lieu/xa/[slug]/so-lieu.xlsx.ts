// /du-lieu/xa/<slug>/so-lieu.xlsx: one commune's figures as an Excel workbook with Vietnamese
// headers (site/lib/commune-xlsx.ts), made at build time, stamped with the published build time,
// on the build's worker threads (site/lib/build-pool.ts), started for every commune when Astro
// lists the paths.
import type { APIRoute, GetStaticPaths } from "astro";
import type { ResultsRow } from "../../../../../schemas/published.ts";
import { madeAhead, runInWorker } from "../../../../lib/build-pool.ts";
import { latestYear } from "../../../../lib/data.ts";
import { communeSlug } from "../../../../../pipeline/rules/slug.ts";

function workbook(result: ResultsRow): Promise<Uint8Array> {
  const { year, version, status, province, district, issuer, releases, contact, title, build_time } =
    latestYear().manifest;
  return runInWorker({
    kind: "workbook",
    manifest: { year, version, status, province, district, issuer, releases, contact, title },
    commune: { code: result.commune_code, name: result.commune_name },
    buildTime: new Date(build_time).getTime(),
  });
}

let workbooks: ReturnType<typeof madeAhead<ResultsRow>> | undefined;

export const getStaticPaths = (() => {
  const { results } = latestYear();
  workbooks = madeAhead(results, workbook);
  workbooks.start();
  return results.map((result) => ({ params: { slug: communeSlug(result.commune_name) }, props: { result } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: ResultsRow }> = async ({ props }) => {
  const bytes = await (workbooks ? workbooks.take(props.result) : workbook(props.result));
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
};
