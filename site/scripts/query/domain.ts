// The SQL behind the interactive charts of commune and domain pages (values always bound).
import type { PublishedData } from "./engine.ts";

/** One commune's row of one domain (a subset of `domains`). */
export interface DomainScore {
  commune_code: string;
  commune_name: string;
  domain_id: string;
  domain_name: string;
  points: number;
  max_points: number;
  pct: number;
  district_avg_pct: number;
}

/** Every commune's score on one domain, best first (code breaks ties, as the pages' rankings do). */
export function domainAcrossCommunes(data: PublishedData, domainId: string): Promise<DomainScore[]> {
  return data.query<DomainScore>(
    `SELECT commune_code, commune_name, domain_id, domain_name, points, max_points, pct, district_avg_pct
       FROM domains
      WHERE domain_id = ?
      ORDER BY pct DESC, commune_code`,
    [domainId],
  );
}
