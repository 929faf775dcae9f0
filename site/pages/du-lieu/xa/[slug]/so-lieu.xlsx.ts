// /du-lieu/xa/<slug>/so-lieu.xlsx: one commune's figures as an Excel workbook with Vietnamese
// headers (site/lib/commune-xlsx.ts), made at build time, stamped with the published build time.
import type { APIRoute, GetStaticPaths } from "astro";
import { communeWorkbook } from "../../../../lib/commune-xlsx.ts";
import { latestYear } from "../../../../lib/data.ts";
import { communeSlug } from "../../../../../pipeline/rules/slug.ts";

export const getStaticPaths = (() =>
  latestYear().results.map((result) => ({
    params: { slug: communeSlug(result.commune_name) },
    props: { code: result.commune_code, name: result.commune_name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { code, name } = props as { code: string; name: string };
  const { manifest } = latestYear();
  const bytes = await communeWorkbook(manifest, { code, name }, new Date(manifest.build_time));
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
};
