// The build's heavy files of each unit — its share image (PNG) and its workbook (XLSX) — as tasks
// that carry all they need (no file is read), made by makeFile on Astro's thread or on a worker of
// site/lib/build-pool.ts: the same function either way, so the same bytes.
import { svgToPng } from "../charts/png.ts";
import { communeWorkbook, type CommuneTables, type WorkbookManifest } from "./commune-xlsx.ts";

export type BuildTask =
  | { kind: "png"; svg: string; zoom: number }
  | {
      kind: "workbook";
      manifest: WorkbookManifest;
      commune: { code: string; name: string };
      /** The published build time, ms since the epoch. */
      buildTime: number;
      tables: CommuneTables;
    };

export async function makeFile(task: BuildTask): Promise<Uint8Array> {
  return task.kind === "png"
    ? svgToPng(task.svg, task.zoom)
    : communeWorkbook(task.manifest, task.commune, new Date(task.buildTime), task.tables);
}
