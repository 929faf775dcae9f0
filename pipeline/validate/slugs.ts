// Each unit's page lives at /xa/<slug>/, the slug made from its name: two names giving one slug
// (`Xã Hồng Du` and `Xã Hồng Dụ`) would make one page overwrite the other, and a name with no letter
// or digit (`Xã 🏛️`) gives no address at all. Both are caught here rather than by a failed build.
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import { communeSlug } from "../rules/slug.ts";
import type { ParsedRow } from "./rows.ts";

const file = "communes.csv";

export function checkSlugs(rows: readonly ParsedRow<unknown>[], problems: ProblemSink): void {
  const first = new Map<string, { name: string; line: number }>();
  for (const row of rows) {
    const name = row.raw.name ?? "";
    if (name === "") continue; // a blank name is reported as required
    const at = { file, line: row.line, column: "name", value: name };
    const slug = communeSlug(name);
    if (slug === "") {
      problems.push(problem("commune_slug_empty", at));
      continue;
    }
    const earlier = first.get(slug);
    if (earlier === undefined) first.set(slug, { name, line: row.line });
    else {
      const params = { slug, first_name: earlier.name, first_line: earlier.line };
      problems.push(problem("commune_slug_duplicate", at, params));
    }
  }
}
