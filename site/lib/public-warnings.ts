// Validation warnings are written for the data editors ("11209 (Xã Kiến Quốc) có 55 phiếu …
// Cách sửa: …"). The public methodology page shows what they mean for a reader: the unit by its
// name, without the editor's fix, the file or the column.
import type { PublishedWarning } from "../../schemas/published-manifest.ts";

export function publicWarning(warning: Pick<PublishedWarning, "message_vi">): string {
  const [what = ""] = warning.message_vi.split(/\s*Cách sửa:/u);
  return what.replace(/^\d{5} \(([^)]+)\)/u, "$1").trim();
}
