// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { AuditTrendPoint } from '../../../electron/common/api/self-audit';
import { mount } from '../../ui/component-test-kit';
import { TrendLine } from './TrendLine';

const p = (day: string, figure: number | null): AuditTrendPoint => ({ day, figure, status: figure === null ? 'not_computable' : 'fail', numerator: 0, denominator: 0 });

describe('TrendLine (审核自查 trend)', () => {
  it('draws the nightly figures as a line, 100 % at the top, a day without a figure as a gap, and names the last day', async () => {
    const root = await mount(<TrendLine points={[p('2026-11-27', 100), p('2026-11-28', 50), p('2026-11-29', null), p('2026-11-30', 0), p('2026-12-01', 100)]} />);
    const lines = [...root.querySelectorAll('polyline')].map((l) => l.getAttribute('points'));
    // 5 points over 120 px: x = 0, 30, (gap), 90, 120; y = 26 (100 %) … 2 (0 %) in a 28 px box.
    expect(lines).toEqual(['0.0,2.0 30.0,14.0', '90.0,26.0 120.0,2.0']);
    expect(root.querySelector('title')?.textContent).toBe('2026-12-01: 100');
  });

  it('a lone day between gaps is a dot; a last day without a figure says "—"', async () => {
    const root = await mount(<TrendLine points={[p('2026-11-29', null), p('2026-11-30', 80), p('2026-12-01', null)]} />);
    expect(root.querySelectorAll('polyline')).toHaveLength(0);
    expect(root.querySelectorAll('circle')).toHaveLength(1);
    expect(root.querySelector('title')?.textContent).toBe('2026-12-01: —');
  });
});
