import { useMemo } from 'react';
import type { IDatasource } from 'ag-grid-community';
import { createDatasource, type QueryShape } from './datasource';

// Separate from DataGrid because the flat list's paging belongs to ag-grid's infinite row model:
// one datasource per query shape (a new shape starts again at block 0 with the total), whose
// blocks page with the server's keyset cursor (datasource.ts). undefined while it must not ask.

export function usePagedRows(active: boolean, shape: QueryShape, onTotal: (n: number | null) => void, onMessage: (m: string) => void): IDatasource | undefined {
  return useMemo(
    () => (active ? createDatasource(shape, { onTotal, onError: onMessage }) : undefined),
    // onTotal and onMessage are the grid's state setters, so in practice only active and shape start a new list
    [active, shape, onTotal, onMessage],
  );
}
