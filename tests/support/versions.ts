import type { Core } from '../../electron/node/core';

type Versioned = 'customers' | 'opportunities' | 'activities' | 'complaints' | 'tasks';

/**
 * The version a form would load for this record now (issue 15): tests that are not about two users
 * editing at once save on the current version, as a user who just opened the form does. A record
 * that does not exist answers 1, so refusals (not found, forbidden) are still reached.
 */
export function currentVersion(core: Core, table: Versioned, id: number): number {
  const v = core.sqlite.prepare(`select version from ${table} where id = ?`).pluck().get(id) as number | undefined;
  return v ?? 1;
}
