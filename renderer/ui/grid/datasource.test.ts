import type { IGetRowsParams } from 'ag-grid-community';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GridQuery } from '../../../electron/common/api/grid';

const calls: GridQuery[] = [];
vi.mock('../../api', () => ({
  call: vi.fn((_method: string, input: GridQuery) => {
    calls.push(input);
    const start = input.cursor ? Number(input.cursor.slice(1)) : (input.offset ?? 0);
    const limit = input.limit ?? 100;
    const rows = Array.from({ length: Math.max(0, Math.min(limit, 250 - start)) }, (_, i) => ({ id: start + i + 1 }));
    return Promise.resolve({ kind: 'rows', rows, nextCursor: start + limit < 250 ? `c${start + limit}` : null, total: input.withTotal ? 250 : null });
  }),
}));

const { createDatasource } = await import('./datasource');

function request(ds: ReturnType<typeof createDatasource>, startRow: number, sort: { colId: string; sort: 'asc' | 'desc' }[] = []) {
  return new Promise<{ rows: unknown[]; last: number | undefined }>((resolve, reject) => {
    ds.getRows({ startRow, endRow: startRow + 100, sortModel: sort, filterModel: {}, context: undefined, successCallback: (rows, last) => resolve({ rows, last }), failCallback: reject } as IGetRowsParams);
  });
}

const shape = { dataset: 'customers' as const, scope: 'mine' as const, columns: ['name'], sort: [], filter: { columns: [] }, groupBy: [], groupKeys: [] };

describe('grid datasource', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('asks for the total on the first block, then pages with the cursor the previous block returned', async () => {
    const ds = createDatasource(shape, {});
    const first = await request(ds, 0, [{ colId: 'name', sort: 'desc' }]);
    expect(first.last).toBe(250);
    expect(calls[0]).toMatchObject({ withTotal: true, sort: [{ col: 'name', dir: 'desc' }], limit: 100 });
    expect(calls[0]).not.toHaveProperty('cursor');
    await request(ds, 100, [{ colId: 'name', sort: 'desc' }]);
    expect(calls[1]).toMatchObject({ cursor: 'c100', withTotal: false });
    expect(calls[1]).not.toHaveProperty('offset');
  });

  it('jumps with an offset when no cursor is known for that block', async () => {
    const ds = createDatasource(shape, {});
    await request(ds, 0);
    await request(ds, 200);
    expect(calls[1]).toMatchObject({ offset: 200 });
    expect(calls[1]).not.toHaveProperty('cursor');
  });

  it('forgets cursors when the sort changes', async () => {
    const ds = createDatasource(shape, {});
    await request(ds, 0, [{ colId: 'name', sort: 'asc' }]);
    await request(ds, 100, [{ colId: 'city', sort: 'asc' }]);
    expect(calls[1]).toMatchObject({ offset: 100, sort: [{ col: 'city', dir: 'asc' }] });
  });
});
