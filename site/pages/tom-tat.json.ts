// /tom-tat.json: the published summary the interactive charts of commune and domain pages answer
// from, without the query engine (site/lib/published-summary.ts).
import { latestYear } from "../lib/data.ts";
import { summaryFigures } from "../lib/published-summary.ts";

export function GET(): Response {
  return new Response(JSON.stringify(summaryFigures(latestYear())), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
