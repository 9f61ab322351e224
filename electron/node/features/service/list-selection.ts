import { gridQuerySchema, type Dataset, type GridSelection } from '../../../common/api/grid';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';

/**
 * The row ids a grid selection on a reminder / revisit list names: the ids as sent, or every row
 * matching the grid's query — which must be the list's own data set with the list's own rule
 * (preset), so "all N matching" can never reach rows the list does not show. A list that changed
 * since the user counted it is refused (CONFLICT), not half-applied; more than `max` rows is
 * TOO_MANY_ROWS (narrow the range or filter).
 */
export async function selectionIds(core: Pick<Core, 'services'>, s: SessionCtx, sel: GridSelection, list: { dataset: Dataset; presets: string[] }, max: number): Promise<number[]> {
  if ('ids' in sel) return [...new Set(sel.ids)];
  const q = sel.query;
  if (q.dataset !== list.dataset || !q.filter.preset || !list.presets.includes(q.filter.preset)) {
    throw new AppError('INVALID_INPUT', { issues: ['selection: not this list'], fields: [{ field: 'selection', message: 'reminders.selectionNotList' }] });
  }
  const grid = core.services.grid.grid;
  // Count and pages run on the read pool (grid/service.ts): a big list no longer stops the host meanwhile.
  const n = await grid.count(s, q);
  if (n !== sel.expectedCount) {
    throw new AppError('CONFLICT', { expected: sel.expectedCount, found: n, reason: `列表已变化:选中 ${sel.expectedCount} 条,现在符合条件的有 ${n} 条,请刷新后重试 / the list changed: ${sel.expectedCount} selected, ${n} match now; refresh and try again` });
  }
  if (n > max) throw new AppError('TOO_MANY_ROWS', { count: n, max });
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await grid.query(s, gridQuerySchema.parse({ dataset: q.dataset, scope: q.scope, filter: q.filter, columns: ['id'], sort: [], cursor, limit: 500 }));
    if (page.kind !== 'rows') break;
    for (const r of page.rows) ids.push(Number(r.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < max);
  return ids;
}
