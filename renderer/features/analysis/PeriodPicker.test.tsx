// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { mount, typeInto } from '../../ui/component-test-kit';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';

// What the picker sends is what the server counts: the kind, a day inside the period (or a custom
// range that never runs backwards) and the comparison.

const seen: PeriodValue[] = [];
function Picker({ start }: { start: PeriodValue }) {
  const [v, setV] = useState(start);
  return (
    <PeriodPicker
      value={v}
      today="2026-11-23"
      onChange={(next) => {
        seen.push(next);
        setV(next);
      }}
    />
  );
}
const el = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;
async function choose(testId: string, value: string) {
  const s = el<HTMLSelectElement>(testId);
  s.value = value;
  await act(async () => s.dispatchEvent(new Event('change', { bubbles: true })));
}
const last = () => seen[seen.length - 1]!;

describe('统计周期 picker', () => {
  it('自定义 starts on the days of the period shown; a range never runs backwards; back to 周 takes the week of its last day', async () => {
    seen.length = 0;
    await mount(<Picker start={{ period: { kind: 'month', anchor: '2026-11-23' }, compare: 'previous' }} />);
    await choose('period-kind', 'custom');
    expect(last().period).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' });
    await typeInto(el<HTMLInputElement>('period-to'), '2026-10-15');
    expect(last().period).toEqual({ kind: 'custom', from: '2026-10-15', to: '2026-10-15' });
    await typeInto(el<HTMLInputElement>('period-from'), '2026-10-01');
    expect(last().period).toEqual({ kind: 'custom', from: '2026-10-01', to: '2026-10-15' });
    await choose('period-kind', 'week');
    expect(last().period).toEqual({ kind: 'week', anchor: '2026-10-15' });
    await choose('period-compare', 'lastYear');
    expect(last()).toEqual({ period: { kind: 'week', anchor: '2026-10-15' }, compare: 'lastYear' });
  });

  it('a day in the period moves the period; days after the dealer\'s today are not offered', async () => {
    seen.length = 0;
    await mount(<Picker start={{ period: { kind: 'quarter', anchor: '2026-11-23' }, compare: 'none' }} />);
    expect(el<HTMLInputElement>('period-anchor').max).toBe('2026-11-23');
    await typeInto(el<HTMLInputElement>('period-anchor'), '2026-02-10');
    expect(last()).toEqual({ period: { kind: 'quarter', anchor: '2026-02-10' }, compare: 'none' });
  });
});
