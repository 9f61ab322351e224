import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { GridFilter, GridQuery, GridSort, Scope } from '../../../electron/common/api/grid';
import { call } from '../../api';

/** What the grid currently asks the server for (everything but paging). */
export interface QueryShape {
  dataset: GridQuery['dataset'];
  scope: Scope;
  columns: string[];
  sort: GridSort[];
  filter: GridFilter;
  groupBy: string[];
  groupKeys: (string | number | null)[];
}

/**
 * The infinite row model's datasource over grid.query: the next block in order is fetched with the
 * keyset cursor the previous block returned (remembered per block start); a jump (scrollbar drag)
 * uses an offset. The first block asks for the total.
 */
export function createDatasource(shape: QueryShape, hooks: { onTotal?: (n: number | null) => void; onError?: (message: string) => void }): IDatasource {
  const cursorByStart = new Map<number, string>();
  let total: number | null = null;
  let sortKey = '';
  return {
    getRows(params: IGetRowsParams) {
      const { startRow, endRow } = params;
      const limit = Math.min(500, Math.max(1, endRow - startRow));
      // ag-grid keeps the sort model; cursors from another sort order mean nothing.
      const sort: GridSort[] = params.sortModel.slice(0, 3).map((m) => ({ col: m.colId, dir: m.sort }));
      const key = JSON.stringify(sort);
      if (key !== sortKey) {
        sortKey = key;
        cursorByStart.clear();
        total = null;
      }
      const cursor = cursorByStart.get(startRow);
      const input: GridQuery = {
        ...shape,
        sort,
        limit,
        withTotal: startRow === 0,
        ...(startRow === 0 ? {} : cursor ? { cursor } : { offset: startRow }),
      };
      call('grid.query', input).then(
        (page) => {
          if (page.kind !== 'rows') {
            params.failCallback();
            return;
          }
          if (page.total != null) {
            total = page.total;
            hooks.onTotal?.(total);
          }
          if (page.nextCursor) cursorByStart.set(startRow + page.rows.length, page.nextCursor);
          const lastRow = total != null ? total : page.rows.length < limit ? startRow + page.rows.length : -1;
          params.successCallback(page.rows, lastRow);
        },
        (e: unknown) => {
          hooks.onError?.(e instanceof Error ? e.message : String(e));
          params.failCallback();
        },
      );
    },
  };
}
