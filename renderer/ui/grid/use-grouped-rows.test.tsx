// @vitest-environment happy-dom
import type { ICellRendererParams } from 'ag-grid-community';
import { act, useMemo, useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { GridSort } from '../../../electron/common/api/grid';
import type * as Api from '../../api';
import type { QueryShape } from './datasource';
import { click, column, handAnsweredServer, mount, type Mounted } from './grid-test-kit';
import { GroupBar } from './GroupBar';
import { DRAG_TYPE } from './GridHeader';
import type { FlatRow } from './groupModel';
import { GroupRow } from './GroupRow';
import { useGroupedRows } from './use-grouped-rows';

// The grouped view as a user meets it: drop a header on the group bar, see the server's groups,
// open one, page its rows; and a re-sort whose answer overtakes the earlier one never shows the
// earlier sort's groups. The group bar, the hook and the group rows are the real ones; ag-grid,
// which only lays the rows out, is left out (it does not render in happy-dom).

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api', async (original) => ({ ...(await original<typeof Api>()), call }));
const server = handAnsweredServer(call);
let m: Mounted;

const colMap = new Map([column('name', '姓名'), column('city', '城市'), column('level', '级别'), column('phone', '电话', { groupable: false })].map((c) => [c.id, c]));

function Grouped({ initialGroupBy = [] }: { initialGroupBy?: string[] }) {
  const [groupBy, setGroupBy] = useState<string[]>(initialGroupBy);
  const [total, setTotal] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const sortRef = useRef<GridSort[]>([{ col: 'name', dir: 'asc' }]);
  const shape = useMemo<QueryShape>(() => ({ dataset: 'customers', scope: 'team', columns: ['name', 'city', 'id'], sort: [], filter: { columns: [] }, groupBy, groupKeys: [] }), [groupBy]);
  const g = useGroupedRows({ active: groupBy.length > 0, shape, sortRef, onTotal: setTotal, onMessage: setMessage });
  const context = { toggle: g.toggle, more: g.more, moreLabel: '加载更多…' };
  return (
    <>
      <GroupBar groupBy={groupBy} columns={colMap} onChange={setGroupBy} />
      <button
        type="button"
        onClick={() => {
          sortRef.current = [{ col: 'city', dir: 'desc' }];
          void g.reload();
        }}
      >
        按城市倒序
      </button>
      <output data-testid="total">{total}</output>
      <output data-testid="message">{message}</output>
      <ul>
        {g.rows.map((r: FlatRow) => (
          <li key={r.__id}>{r.__kind ? <GroupRow {...({ data: r, context } as unknown as ICellRendererParams<FlatRow>)} /> : String(r.name)}</li>
        ))}
      </ul>
    </>
  );
}

/** A header dropped on the group bar the way the browser hands it over (HTML5 drag and drop). */
async function dropHeader(colId: string) {
  const drop = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: { getData: (type: string) => (type === DRAG_TYPE ? colId : '') } });
  await act(async () => m.box.querySelector('[data-testid="group-bar"]')!.dispatchEvent(drop));
}
const shownRows = () => [...m.box.querySelectorAll('li')].map((li) => li.textContent);
const groupsPage = (...groups: [string, number][]) => ({ kind: 'groups', groups: groups.map(([key, count]) => ({ key, label: key, count })) });

describe('grouped view', () => {
  it('a header dropped on the group bar asks the server for groups by that column; a group opens to its rows and pages them', async () => {
    m = await mount(<Grouped />);
    expect(server.calls).toHaveLength(0);
    await dropHeader('city');
    expect(m.box.querySelector('[data-testid="group-chip"]')?.textContent).toContain('城市');
    expect(server.of('grid.query')).toHaveLength(1);
    expect(server.calls[0]!.input).toMatchObject({ groupBy: ['city'], groupKeys: [], sort: [{ col: 'name', dir: 'asc' }], limit: 500 });
    await server.calls[0]!.resolve(groupsPage(['广州', 120], ['深圳', 30]));
    expect(shownRows()).toEqual(['▸广州(120)', '▸深圳(30)']);
    expect(m.box.querySelector('[data-testid="total"]')?.textContent).toBe('150');

    await click(m.box.querySelectorAll('[data-testid="group-row"]')[1]);
    expect(server.calls[1]!.input).toMatchObject({ groupBy: ['city'], groupKeys: ['深圳'], limit: 100 });
    await server.calls[1]!.resolve({ kind: 'rows', rows: [{ id: 7, name: '王五' }], nextCursor: 'k7' });
    expect(shownRows()).toEqual(['▸广州(120)', '▾深圳(30)', '王五', '加载更多…']);
    await click([...m.box.querySelectorAll('button')].find((b) => b.textContent === '加载更多…'));
    expect(server.calls[2]!.input).toMatchObject({ groupKeys: ['深圳'], cursor: 'k7' });
    await server.calls[2]!.resolve({ kind: 'rows', rows: [{ id: 8, name: '赵六' }], nextCursor: null });
    expect(shownRows()).toEqual(['▸广州(120)', '▾深圳(30)', '王五', '赵六']);
  });

  it('a column that cannot be grouped is refused, and a fourth level too', async () => {
    m = await mount(<Grouped initialGroupBy={['city', 'level', 'name']} />);
    const asked = server.calls.length;
    await dropHeader('phone');
    await dropHeader('name');
    expect(m.box.querySelectorAll('[data-testid="group-chip"]')).toHaveLength(3);
    expect(server.calls).toHaveLength(asked);
  });

  it('a stale answer for an earlier sort is not shown when the newer one came first', async () => {
    m = await mount(<Grouped initialGroupBy={['city']} />);
    await click([...m.box.querySelectorAll('button')].find((b) => b.textContent === '按城市倒序'));
    const [byName, byCity] = server.of('grid.query');
    expect(byName!.input.sort).toEqual([{ col: 'name', dir: 'asc' }]);
    expect(byCity!.input.sort).toEqual([{ col: 'city', dir: 'desc' }]);
    await byCity!.resolve(groupsPage(['深圳', 30], ['广州', 120]));
    await byName!.resolve(groupsPage(['广州', 999], ['深圳', 1]));
    expect(shownRows()).toEqual(['▸深圳(30)', '▸广州(120)']);
    expect(m.box.querySelector('[data-testid="total"]')?.textContent).toBe('150');
  });

  it("a failed answer is shown as the server's message and the group stays closed", async () => {
    m = await mount(<Grouped initialGroupBy={['city']} />);
    await server.calls[0]!.resolve(groupsPage(['广州', 120]));
    await click(m.box.querySelector('[data-testid="group-row"]'));
    await server.calls[1]!.reject(new Error('数据库忙'));
    expect(m.box.querySelector('[data-testid="message"]')?.textContent).toBe('Error: 数据库忙');
    expect(shownRows()).toEqual(['▸广州(120)']);
  });
});
