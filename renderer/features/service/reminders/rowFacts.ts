import type { Dataset, Scope } from '../../../../electron/common/api/grid';
import { call } from '../../../api';

/**
 * A grid row's facts that its visible columns may not carry (the user may hide 客户 or never show
 * 客户编号): read back through the same data set, scope and rule, by the row's id.
 */
export async function rowFacts(dataset: Dataset, scope: Scope, preset: string, id: number, columns: string[]): Promise<Record<string, unknown> | null> {
  const page = await call('grid.query', {
    dataset,
    scope,
    filter: { columns: [{ join: 'and', conditions: [{ col: 'id', op: 'eq', value: id }] }], preset },
    columns,
    limit: 1,
  });
  return page.kind === 'rows' ? (page.rows[0] ?? null) : null;
}
