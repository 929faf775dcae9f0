// /du-lieu/xa/<slug>/<table>.csv: one commune's rows of a published table, written at build time.
import type { APIRoute, GetStaticPaths } from "astro";
import { communeCsv, communeDownloads } from "../../../../lib/commune-csv.ts";
import { latestYear } from "../../../../lib/data.ts";
import { communeSlug } from "../../../../../pipeline/rules/slug.ts";

export const getStaticPaths = (() => {
  const { results } = latestYear();
  return results.flatMap((result) =>
    communeDownloads.map(({ table }) => ({
      params: { slug: communeSlug(result.commune_name), table },
      props: { code: result.commune_code, table },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { code, table } = props as { code: string; table: (typeof communeDownloads)[number]["table"] };
  const { year } = latestYear();
  return new Response(communeCsv(year, table, code), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
