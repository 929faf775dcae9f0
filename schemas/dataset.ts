import { z } from "zod";

/** `dataset.json`: the year's manifest. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date_format" });
export const datasetManifest = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
  status: z.enum(["sample", "official"]),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: "version_format" }),
  published_on: isoDate.nullable(),
  province: z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) }),
  district: z.object({ code: z.string().regex(/^\d{3}$/), name: z.string().min(1) }),
  legal_basis: z.array(z.object({ ref: z.string().min(1), date: isoDate, title: z.string().min(1) })),
  bands: z
    .array(
      z.object({ code: z.string().min(1), label: z.string().min(1), min_pct: z.number().min(0).max(100) }),
    )
    .min(1),
  /** Seed of the bootstrap; when absent the year is the seed. */
  bootstrap_seed: z.number().int().optional(),
  bootstrap_replicates: z.number().int().min(1000).optional(),
  notes: z.string(),
  /**
   * Who readers contact about the figures (shown in every page's footer); optional so that a
   * year without it still validates, and the footer then names the issuing office only.
   */
  contact: z
    .object({
      office: z.string().min(1),
      address: z.string().min(1).optional(),
      phone: z.string().min(1).optional(),
      email: z.string().min(1).optional(),
    })
    .optional(),
  /** Releases and corrections of this year's data, oldest first. */
  releases: z
    .array(
      z.object({
        version: z.string().regex(/^\d+\.\d+\.\d+$/),
        date: isoDate,
        kind: z.enum(["release", "correction"]),
        reason: z.string().min(1),
        communes: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
export type DatasetManifest = z.output<typeof datasetManifest>;
export type Band = DatasetManifest["bands"][number];
