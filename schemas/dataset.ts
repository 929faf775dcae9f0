import { z } from "zod";
import { boundedInteger, communeCode, isoDate } from "./cells.ts";
import { fitText, type TextKind } from "./text.ts";

/** A required text of dataset.json, held to its kind (schemas/text.ts). */
const required = (kind: TextKind) => fitText(z.string().min(1), kind);

/** Bootstrap replicates: fewer than 100 give no interval worth printing; 100,000 already take minutes. */
export const replicateRange = { min: 100, max: 100_000 } as const;
/** The seed is a 32-bit unsigned integer, as `npm run sample -- --seed` takes it. */
const seedMax = 4_294_967_295;

/** `dataset.json`: the year's manifest. */
export const datasetManifest = z.object({
  year: z.number().int().min(2000).max(2100),
  title: required("line"),
  status: z.enum(["sample", "official"]),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: "version_format" }),
  published_on: isoDate.nullable(),
  province: z.object({ code: z.string().regex(/^\d{2}$/), name: required("name") }),
  /**
   * The district, when a district issues the index (until 30 June 2025); absent when the province
   * does (districts were abolished on 1 July 2025). Which of the two issues the figures, and every
   * word said of it, is pipeline/rules/issuer.ts.
   */
  district: z.object({ code: z.string().regex(/^\d{3}$/), name: required("name") }).optional(),
  /**
   * Who issues the figures, as they sign: the body ("UBND tỉnh Hưng Yên") and its office that
   * prepares the data ("Sở Nội vụ tỉnh Hưng Yên"). Optional: by default the UBND and the Home
   * Affairs office (Phòng Nội vụ of a district, Sở Nội vụ of a province) of the issuing area.
   */
  issuer: z.object({ body: required("line"), office: required("line") }).optional(),
  legal_basis: z.array(z.object({ ref: required("name"), date: isoDate, title: required("line") })),
  bands: z
    .array(z.object({ code: required("name"), label: required("name"), min_pct: z.number().min(0).max(100) }))
    .min(1),
  /** Seed of the bootstrap; when absent the year is the seed. */
  bootstrap_seed: boundedInteger(0, seedMax).optional(),
  bootstrap_replicates: boundedInteger(replicateRange.min, replicateRange.max).optional(),
  notes: fitText(z.string(), "paragraph"),
  /**
   * Who readers contact about the figures (shown in every page's footer); optional so that a
   * year without it still validates, and the footer then names the issuing office only.
   */
  contact: z
    .object({
      office: required("line"),
      address: required("line").optional(),
      phone: required("name").optional(),
      email: required("line").optional(),
    })
    .optional(),
  /** Releases and corrections of this year's data, oldest first. */
  releases: z
    .array(
      z.object({
        version: z.string().regex(/^\d+\.\d+\.\d+$/),
        date: isoDate,
        kind: z.enum(["release", "correction"]),
        reason: required("paragraph"),
        /** The units a correction concerns, by their 5-digit code: the feed names them (or shows the code). */
        communes: z.array(communeCode).optional(),
      }),
    )
    .optional(),
});
export type DatasetManifest = z.output<typeof datasetManifest>;
export type Band = DatasetManifest["bands"][number];
