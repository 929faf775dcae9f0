// /du-lieu/mau-nhap-lieu-<year>.xlsx and /du-lieu/du-lieu-nhap-lieu-<year>.xlsx: the data-entry
// workbooks (pipeline/template) made from the committed inputs of data/<year>/ at build time,
// stamped with the published build time so that the site stays byte-reproducible.
import type { APIRoute, GetStaticPaths } from "astro";
import { resolve } from "node:path";
import { yearWorkbook } from "../../../pipeline/template/index.ts";
import { latestYear, publishedYears } from "../../lib/data.ts";
import { templateFiles, type TemplateFile } from "../../lib/guide.ts";

export const getStaticPaths: GetStaticPaths = () =>
  templateFiles(publishedYears()).map((file) => ({ params: { workbook: file.name }, props: { file } }));

export const GET: APIRoute<{ file: TemplateFile }> = async ({ props }) => {
  const { file } = props;
  const buildTime = new Date(latestYear().manifest.build_time);
  const made = await yearWorkbook(resolve("data", String(file.year)), { filled: file.filled, buildTime });
  if ("problems" in made) throw new Error(`data/${file.year} không hợp lệ / does not validate`);
  return new Response(new Uint8Array(made.bytes), {
    headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
};
