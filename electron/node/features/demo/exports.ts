import type { Sqlite } from '../../../../db/client';
import { EXPORT_MAX_ROWS } from '../../../common/api/grid';
import { localMs } from './dates';
import type { FractionSelector } from './prng';

/**
 * The exports a dealer's managers made over the last months, written to the audit log exactly as
 * the grid writes one (grid service: action 'export', entity 'grid:<data set>', after = filter,
 * scope, rows), so 审核自查's check 8 has a log to read. A fixed list: the days, users and sizes do
 * not depend on the data set's size. The problem 'oversized_export' (problems.ts) picks some of them
 * and makes them larger than the server's limit — what an older version or another path could have
 * written, the only way a real log holds one.
 */
const EXPORTS: readonly { daysAgo: number; minute: number; user: string; dataset: string; rows: number }[] = [
  { daysAgo: 150, minute: 10 * 60 + 12, user: 'manager', dataset: 'customers', rows: 2_340 },
  { daysAgo: 121, minute: 15 * 60 + 40, user: 'csmanager', dataset: 'revisitSales', rows: 415 },
  { daysAgo: 95, minute: 9 * 60 + 5, user: 'gm', dataset: 'customers', rows: 9_870 },
  { daysAgo: 61, minute: 17 * 60 + 30, user: 'manager', dataset: 'showroomVisits', rows: 1_208 },
  { daysAgo: 40, minute: 11 * 60 + 18, user: 'csmanager', dataset: 'serviceTasks', rows: 356 },
  // Exactly the limit: allowed, the boundary check 8 must not count.
  { daysAgo: 21, minute: 16 * 60 + 2, user: 'gm', dataset: 'customers', rows: EXPORT_MAX_ROWS },
  { daysAgo: 12, minute: 14 * 60 + 45, user: 'manager', dataset: 'opportunities', rows: 3_512 },
  { daysAgo: 5, minute: 10 * 60 + 50, user: 'csmanager', dataset: 'solicitationTasks', rows: 780 },
];

/** Writes the exports (days before `today`, a day number); returns the ids of the oversized ones. */
export function seedExports(sqlite: Sqlite, today: number, userIds: ReadonlyMap<string, number>, oversized: FractionSelector): number[] {
  const ins = sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, 'export', ?, NULL, NULL, ?)");
  const found: number[] = [];
  for (const e of EXPORTS) {
    const big = oversized.offer();
    // Above the limit by a size that reads like a real list (the log's largest is named in the check's reason).
    const rows = big ? EXPORT_MAX_ROWS + 1 + e.rows : e.rows;
    const after = { filter: { columns: [] }, scope: 'all', rows };
    const id = Number(ins.run(localMs(today - e.daysAgo, e.minute), userIds.get(e.user) ?? null, `grid:${e.dataset}`, JSON.stringify(after)).lastInsertRowid);
    if (big) found.push(id);
  }
  return found;
}
