// @vitest-environment happy-dom
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { act, useRef, useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConditionGroup } from '../../../electron/common/api/grid';
import type * as Api from '../../api';
import { button, click, column, handAnsweredServer, mount, type Mounted } from './grid-test-kit';
import { GridToolbar } from './GridToolbar';
import { useGridQuery } from './use-grid-query';
import { useGridSelection, type DataGridSelection } from './use-grid-selection';
import { usePagedRows } from './use-paged-rows';

// The flat list as DataGrid wires it (its query, paging and selection hooks and the real toolbar),
// without ag-grid, which does not render in happy-dom: the test asks the datasource for blocks the
// way ag-grid's infinite row model does when the user scrolls, and ticks rows the way its
// checkboxes report them.

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call }));
const server = handAnsweredServer(call);
let m: Mounted;

const today: ConditionGroup[] = [{ join: 'and', conditions: [{ col: 'city', op: 'equals', value: '广州' }] }];
let grid: { datasource: IDatasource | undefined; query: ReturnType<typeof useGridQuery>; selection: ReturnType<typeof useGridSelection> };
const selections: DataGridSelection[] = [];

function FlatList({ search }: { search: string }) {
  const [total, setTotal] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const apiRef = useRef<GridApi | null>(null);
  const query = useGridQuery({ dataset: 'customers', scope: 'team', search, baseFilter: today }, { apiRef, onMessage: setMessage });
  const datasource = usePagedRows(query.ready && query.visible.length > 0, query.shape, setTotal, setMessage);
  const selection = useGridSelection({ shape: query.shape, query: { dataset: 'customers', scope: 'team', filter: query.fullFilter }, onSelectionChange: (s) => selections.push(s), onMessage: setMessage });
  grid = { datasource, query, selection };
  return (
    <>
      <GridToolbar
        views={{ dataset: 'customers', role: 'salesManager', current: query.currentState, onLoad: (v) => query.applyView(v.state), onDefaultLoaded: query.onDefaultLoaded, onMessage: setMessage }}
        onMessage={setMessage}
        onAdvanced={() => undefined}
        onColumns={() => undefined}
        exportQuery={null}
        selectedCount={selection.count}
        tickedOnly={selection.allMatching === null}
        total={total}
        onClearSelection={selection.dropAllMatching}
        onSelectAllMatching={() => void selection.selectAllMatching()}
      />
      <output data-testid="message">{message}</output>
    </>
  );
}

/** ag-grid asking for one block of 100 rows (as it does on first show and when the user scrolls to it). */
function block(startRow: number) {
  return new Promise<{ rows: unknown[]; last: number | undefined }>((resolve, reject) => {
    grid.datasource!.getRows({ startRow, endRow: startRow + 100, sortModel: [{ colId: 'name', sort: 'asc' }], filterModel: {}, context: undefined, successCallback: (rows, last) => resolve({ rows, last }), failCallback: reject } as IGetRowsParams);
  });
}
const rowsFrom = (start: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: start + i + 1, name: `客户${start + i + 1}` }));

/** Columns answered, no saved views: the list is ready to ask for rows. */
async function openList(search = '') {
  m = await mount(<FlatList search={search} />);
  expect(grid.datasource).toBeUndefined();
  await server.of('grid.columns')[0]!.resolve({ columns: [column('id', '编号', { defaultVisible: false }), column('name', '姓名'), column('city', '城市')], defaultSort: [{ col: 'name', dir: 'asc' }], scopes: ['mine', 'team'] });
  await server.of('grid.views.list')[0]!.resolve([]);
  expect(grid.datasource).toBeDefined();
}
const text = (testId: string) => m.box.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('flat list: paging and selection', () => {
  beforeEach(() => {
    selections.length = 0;
  });

  it('the first block asks for the total with the screen filter and the search; scrolling asks for the next block with its cursor', async () => {
    await openList('王');
    const first = block(0);
    const [q0] = server.of('grid.query');
    expect(q0!.input).toMatchObject({ dataset: 'customers', scope: 'team', columns: ['name', 'city', 'id'], withTotal: true, limit: 100, filter: { columns: today, search: '王' } });
    await q0!.resolve({ kind: 'rows', rows: rowsFrom(0, 100), nextCursor: 'c100', total: 250 });
    expect((await first).last).toBe(250);
    expect(text('grid-total')).toBe('共 250 条');

    const datasource = grid.datasource;
    const next = block(100);
    const q1 = server.of('grid.query')[1]!;
    expect(q1.input).toMatchObject({ cursor: 'c100', withTotal: false, limit: 100 });
    await q1.resolve({ kind: 'rows', rows: rowsFrom(100, 100), nextCursor: 'c200', total: null });
    expect((await next).rows).toHaveLength(100);
    // a re-render with nothing changed keeps the list (a new datasource would start again at the top)
    await m.render(<FlatList search="王" />);
    expect(grid.datasource).toBe(datasource);
    // a new search is a new list from block 0
    await m.render(<FlatList search="王五" />);
    expect(grid.datasource).not.toBe(datasource);
    void block(0);
    expect(server.of('grid.query')[2]!.input).toMatchObject({ withTotal: true, filter: { search: '王五' } });
    expect(server.of('grid.query')[2]!.input).not.toHaveProperty('cursor');
  });

  it('ticked rows, then "select all N matching" counted by the server; a new search drops the selection', async () => {
    await openList();
    void block(0);
    await server.of('grid.query')[0]!.resolve({ kind: 'rows', rows: rowsFrom(0, 100), nextCursor: 'c100', total: 250 });
    await act(async () => grid.selection.setTicked([{ id: 3 }, { id: 5 }, { name: '分组行' }]));
    expect(selections.at(-1)).toEqual({ selection: { ids: [3, 5] }, count: 2 });
    expect(text('selection-info')).toContain('已选 2 条');

    await click(m.box.querySelector('[data-testid="select-all-matching"]'));
    const count = server.of('grid.count')[0]!;
    expect(count.input).toEqual({ dataset: 'customers', scope: 'team', filter: { columns: today, advanced: null } });
    await count.resolve({ count: 251 });
    expect(selections.at(-1)).toEqual({ selection: { query: { dataset: 'customers', scope: 'team', filter: { columns: today, advanced: null } }, expectedCount: 251 }, count: 251 });
    expect(text('selection-info')).toContain('已选 251 条');
    expect(m.box.querySelector('[data-testid="select-all-matching"]')).toBeNull();

    await m.render(<FlatList search="李" />);
    expect(selections.at(-1)).toEqual({ selection: null, count: 0 });
    expect(m.box.querySelector('[data-testid="selection-info"]')).toBeNull();
  });

  it('the offer to select all matching rows is not made when every matching row is already ticked', async () => {
    await openList();
    void block(0);
    await server.of('grid.query')[0]!.resolve({ kind: 'rows', rows: rowsFrom(0, 2), nextCursor: null, total: 2 });
    await act(async () => grid.selection.setTicked([{ id: 1 }, { id: 2 }]));
    expect(text('selection-info')).toContain('已选 2 条');
    expect(m.box.querySelector('[data-testid="select-all-matching"]')).toBeNull();
    expect(button(m.box, '取消选择')).toBeDefined();
  });
});
