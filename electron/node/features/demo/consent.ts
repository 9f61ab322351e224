/**
 * 同意接收商业信息 on the demo (reference/003, 审核自查 check 4): the customers of first showroom visits
 * signed consent on the day of their first visit, and buyers on their delivery day — except a planted
 * fraction of first-visit prospects who never did (problem first_visit_without_consent, whose ids are
 * those customers' first visits: check 4's offending records). How it was given: mostly on paper.
 */
import type { Sqlite } from '../../../../db/client';
import type { FractionSelector } from './prng';

const METHODS = ['paper', 'paper', 'paper', 'paper', 'paper', 'paper', 'paper', 'esign', 'esign', 'recording'] as const;

/** Writes the consents; returns the planted first visits (ascending ids). */
export function seedConsent(sqlite: Sqlite, planted: FractionSelector): number[] {
  const firstVisits = sqlite
    .prepare(`SELECT customer_id AS id, min(visit_date) AS day FROM showroom_visits WHERE first_visit = 1 AND customer_id IS NOT NULL GROUP BY customer_id ORDER BY customer_id`)
    .all() as { id: number; day: string }[];
  const give = sqlite.prepare(`UPDATE customers SET version = version + 1, consent_status = 'given', consent_date = ?, consent_method = ? WHERE id = ? AND consent_date IS NULL`);
  const without = new Set<number>();
  for (const c of firstVisits) {
    if (planted.offer()) without.add(c.id);
    else give.run(c.day, METHODS[c.id % METHODS.length], c.id);
  }
  // Buyers sign at delivery (those not already signed at a visit), a planted prospect too: the check looks at first visits only.
  const buyers = sqlite.prepare(`SELECT customer_id AS id, min(delivery_date) AS day FROM deliveries GROUP BY customer_id ORDER BY customer_id`).all() as { id: number; day: string }[];
  for (const b of buyers) if (!without.has(b.id)) give.run(b.day, METHODS[b.id % METHODS.length], b.id);
  if (without.size === 0) return [];
  const ids = JSON.stringify([...without]);
  return sqlite.prepare(`SELECT id FROM showroom_visits WHERE first_visit = 1 AND customer_id IN (SELECT value FROM json_each(?)) ORDER BY id`).pluck().all(ids) as number[];
}
