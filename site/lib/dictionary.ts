// The data dictionary of /du-lieu/, generated from the `.describe()` texts and the types of the
// published schemas (schemas/published.ts), so it always matches the files users download.
import { z } from "zod";
import { publishedTables } from "../../schemas/published.ts";
import type { PublishedTableName } from "../../schemas/published.ts";

export interface DictionaryColumn {
  name: string;
  description: string;
  /** In Vietnamese: "Số", "Số nguyên", "Chữ", "Một trong: xa, thi_tran"; "(có thể trống)" when nullable. */
  type: string;
}

function typeLabel(schema: z.ZodType): string {
  const nullable = schema instanceof z.ZodNullable;
  const inner = nullable ? (schema.unwrap() as z.ZodType) : schema;
  let label = "Chữ";
  if (inner instanceof z.ZodNumber) label = inner.format === "safeint" ? "Số nguyên" : "Số";
  else if (inner instanceof z.ZodEnum) label = `Một trong: ${inner.options.join(", ")}`;
  return nullable ? `${label} (có thể trống)` : label;
}

export function tableDictionary(table: PublishedTableName): DictionaryColumn[] {
  const schema = publishedTables[table] as z.ZodObject;
  return Object.entries(schema.shape).map(([name, column]) => ({
    name,
    description: (column as z.ZodType).description ?? "",
    type: typeLabel(column as z.ZodType),
  }));
}
