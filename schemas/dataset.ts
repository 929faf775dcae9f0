import { z } from "zod";
import { boundedInteger, isoDate } from "./cells.ts";

/** Bootstrap replicates: fewer than 100 give no interval worth printing; 100,000 already take minutes. */
export const replicateRange = { min: 100, max: 100_000 } as const;
/** The seed is a 32-bit unsigned integer, as `npm run sample -- --seed` takes it. */
const seedMax = 4_294_967_295;

/** `dataset.json`: the year's manifest. */
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
  bootstrap_seed: boundedInteger(0, seedMax).optional(),
  bootstrap_replicates: boundedInteger(replicateRange.min, replicateRange.max).optional(),
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
