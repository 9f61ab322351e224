import type { Sqlite } from '../../../../db/client';

/** The triggers of migration 0002 that keep `customer_search` in step, row by row. */
export const SEARCH_TRIGGER_PREFIX = 'customer_search_';

/**
 * Rebuilds the whole quick-find index from customers, phones and vehicles in one statement. Used
 * after a bulk load that ran without the row triggers (the demo seeder); the same SELECT as the
 * backfill in migration 0002.
 */
export function rebuildCustomerSearch(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM customer_search;
    INSERT INTO customer_search(rowid, name, phones, plates, vins)
    SELECT c.id, c.name,
      coalesce((SELECT group_concat(p.normalized, ' ') FROM customer_phones p WHERE p.customer_id = c.id), ''),
      coalesce((SELECT group_concat(v.plate, ' ') FROM vehicles v WHERE v.customer_id = c.id AND v.plate IS NOT NULL), ''),
      coalesce((SELECT group_concat(v.vin, ' ') FROM vehicles v WHERE v.customer_id = c.id), '')
    FROM customers c;`);
}
