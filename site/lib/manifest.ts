// The published manifest (`/data/<year>/dataset.json`): the input manifest of schemas/dataset.ts
// plus what the pipeline adds when it publishes (build time, file checksums, parameters, survey
// design, validation warnings). The site validates it so that a page never shows a half-read file.
import { z } from "zod";
import { datasetManifest } from "../../schemas/dataset.ts";

const fileEntry = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative().nullable().optional(),
});

export const publishedManifest = datasetManifest.extend({
  build_time: z.string(),
  inputs: z.array(fileEntry),
  outputs: z.array(fileEntry),
  parameters: z.record(z.string(), z.unknown()),
  survey_design: z.array(
    z.object({
      group: z.string(),
      name: z.string(),
      panel: z.enum(["officials", "citizens"]),
      planned: z.number(),
      achieved: z.number(),
    }),
  ),
  warnings: z.array(
    z.object({
      file: z.string(),
      line: z.number().nullable().optional(),
      column: z.string().nullable().optional(),
      code: z.string(),
      message_vi: z.string(),
    }),
  ),
});
export type PublishedManifest = z.output<typeof publishedManifest>;
export type PublishedFile = z.output<typeof fileEntry>;
