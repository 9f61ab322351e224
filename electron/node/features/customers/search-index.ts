import type { Sqlite } from '../../../../db/client';

/** The triggers of migration 0005 that keep `customer_search` in step, row by row. */
export const SEARCH_TRIGGER_PREFIX = 'customer_search_';

/**
 * What the index holds per customer (migration 0005; the triggers there use the same expressions):
 * phones in national form as typed (13800138000, 075588881234), plates, and the last 8 characters
 * of each VIN, each list space-separated.
 */
export const PHONE_INDEX_EXPR = `CASE WHEN normalized LIKE '86%' THEN (CASE WHEN kind = 'landline' THEN '0' ELSE '' END) || substr(normalized, 3) ELSE normalized END`;
export const VIN_INDEX_EXPR = 'substr(vin, -8)';
const FTS5_DEFAULT_AUTOMERGE = 4;

/**
 * Rebuilds the whole quick-find index from customers, phones and vehicles. Used after a bulk load
 * that ran without the row triggers (the demo seeder).
 *
 * Phones and vehicles are first grouped per customer into two temp tables (each one pass over its
 * table in customer order), then the FTS5 rows are inserted in rowid order from a merge join on
 * those: far cheaper than three correlated sub-selects per customer (the 0005 backfill's form),
 * which made the build ~3× slower at 1M customers.
 *
 * During the insert FTS5's automerge is off (segments are merged once, by 'optimize', instead of
 * over and over while they grow): 9 s instead of 12 s at 1M. The setting is stored in the table,
 * so it is put back to the default (4) for the row-by-row updates of the triggers.
 */
export function rebuildCustomerSearch(sqlite: Sqlite): void {
  sqlite.exec(`
    DELETE FROM customer_search;
    INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', 0);
    CREATE TEMP TABLE search_phones (customer_id INTEGER PRIMARY KEY, phones TEXT NOT NULL);
    INSERT INTO search_phones
      SELECT customer_id, group_concat(${PHONE_INDEX_EXPR}, ' ') FROM customer_phones GROUP BY customer_id ORDER BY customer_id;
    CREATE TEMP TABLE search_vehicles (customer_id INTEGER PRIMARY KEY, plates TEXT NOT NULL, vins TEXT NOT NULL);
    INSERT INTO search_vehicles
      SELECT customer_id, coalesce(group_concat(plate, ' '), ''), group_concat(${VIN_INDEX_EXPR}, ' ')
        FROM vehicles GROUP BY customer_id ORDER BY customer_id;
    INSERT INTO customer_search(rowid, name, phones, plates, vins)
      SELECT c.id, c.name, coalesce(p.phones, ''), coalesce(v.plates, ''), coalesce(v.vins, '')
        FROM customers c
        LEFT JOIN temp.search_phones p ON p.customer_id = c.id
        LEFT JOIN temp.search_vehicles v ON v.customer_id = c.id
       ORDER BY c.id;
    DROP TABLE temp.search_phones;
    DROP TABLE temp.search_vehicles;
    INSERT INTO customer_search(customer_search) VALUES ('optimize');
    INSERT INTO customer_search(customer_search, rank) VALUES ('automerge', ${FTS5_DEFAULT_AUTOMERGE});`);
}
