// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { GridFilter } from '../../../electron/common/api/grid';
import { button, click, column, mount, type Mounted } from './grid-test-kit';
import { GridPopover, type Popover } from './GridPopover';

// 高级查找 and a column's filter as a user builds them: at most five conditions, and what is applied
// is cleaned (a condition left without its value is dropped, a typed number becomes a number).

const cols = [column('name', '姓名'), column('mileage', '里程', { type: 'number' }), column('city', '城市', { filterable: false })];
const colMap = new Map(cols.map((c) => [c.id, c]));
let m: Mounted;

async function open(pop: Popover, filter: GridFilter = { columns: [], advanced: null }) {
  const setFilter = vi.fn();
  const setPop = vi.fn();
  const query = { colMap, filter, setFilter, groupBy: [], setGroupBy: vi.fn(), visible: ['name', 'mileage'], setVisible: vi.fn() };
  m = await mount(<GridPopover pop={pop} setPop={setPop} query={query} gridWidth={() => 1000} />);
  return { setFilter, setPop };
}
const conditions = () => m.box.querySelectorAll('[data-testid="condition"]');
async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  await act(async () => select.dispatchEvent(new Event('change', { bubbles: true })));
}
async function type(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  await act(async () => input.dispatchEvent(new Event('input', { bubbles: true })));
}

describe('the filter builder', () => {
  it('refuses a 6th condition: 添加条件 is disabled at five and a click adds nothing', async () => {
    await open({ kind: 'advanced' });
    const add = button(m.box, '+ 添加条件')!;
    for (let i = 0; i < 4; i++) await click(add);
    expect(conditions()).toHaveLength(5);
    expect(add.disabled).toBe(true);
    await click(add);
    expect(conditions()).toHaveLength(5);
    // removing one makes room again
    await click(conditions()[0]!.querySelector('button[aria-label="删除条件"]'));
    expect(conditions()).toHaveLength(4);
    expect(add.disabled).toBe(false);
  });

  it('高级查找 offers only filterable columns and applies what was filled in: the empty condition goes, a number is a number, OR is kept', async () => {
    const { setFilter, setPop } = await open({ kind: 'advanced' });
    const columnSelect = conditions()[0]!.querySelector<HTMLSelectElement>('select[aria-label="列"]')!;
    expect([...columnSelect.options].map((o) => o.textContent)).toEqual(['姓名', '里程']);
    await choose(columnSelect, 'mileage');
    await choose(conditions()[0]!.querySelector<HTMLSelectElement>('select[aria-label="运算符"]')!, 'gt');
    await type(conditions()[0]!.querySelector<HTMLInputElement>('input[aria-label="值"]')!, '20000');
    await click(button(m.box, '+ 添加条件'));
    await click(m.box.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]);
    await click(button(m.box, '应用'));
    expect(setFilter).toHaveBeenCalledWith({ columns: [], advanced: { join: 'or', conditions: [{ col: 'mileage', op: 'gt', value: 20000 }] } });
    expect(setPop).toHaveBeenCalledWith(null);
  });

  it("a column's filter replaces that column's earlier filter and keeps the other columns'", async () => {
    const earlier: GridFilter = {
      columns: [
        { join: 'and', conditions: [{ col: 'name', op: 'contains', value: '王' }] },
        { join: 'and', conditions: [{ col: 'mileage', op: 'lt', value: 5 }] },
      ],
      advanced: null,
    };
    const { setFilter } = await open({ kind: 'filter', colId: 'name' }, earlier);
    const value = conditions()[0]!.querySelector<HTMLInputElement>('input[aria-label="值"]')!;
    expect(value.value).toBe('王');
    await type(value, '李');
    await click(button(m.box, '应用'));
    expect(setFilter).toHaveBeenCalledWith({
      columns: [
        { join: 'and', conditions: [{ col: 'mileage', op: 'lt', value: 5 }] },
        { join: 'and', conditions: [{ col: 'name', op: 'contains', value: '李' }] },
      ],
      advanced: null,
    });
  });
});
