import { describe, expect, it } from 'vitest';
import { auditPeriodStart, canMove, rates, successFrom, visitInWindow } from './solicitation-rules';

const counts = (o: Partial<Record<'unassigned' | 'assigned' | 'inProgress' | 'succeeded' | 'failed', number>>) => {
  const c = { unassigned: 0, assigned: 0, inProgress: 0, succeeded: 0, failed: 0, ...o };
  return { ...c, total: c.unassigned + c.assigned + c.inProgress + c.succeeded + c.failed };
};

describe('solicitation rules', () => {
  it.each([
    ['unassigned', 'assigned', true],
    ['unassigned', 'in_progress', false], // must be assigned first
    ['unassigned', 'succeeded', false],
    ['assigned', 'in_progress', true],
    ['assigned', 'assigned', true], // reassignment
    ['assigned', 'unassigned', true],
    ['assigned', 'succeeded', false], // success is computed, never ticked
    ['in_progress', 'failed', true],
    ['in_progress', 'succeeded', false],
    ['in_progress', 'assigned', false],
    ['failed', 'in_progress', true],
    ['succeeded', 'failed', false],
    ['succeeded', 'in_progress', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => expect(canMove(from, to)).toBe(ok));

  it.each([
    ['2026-06-10', true], // inside
    ['2026-06-01', true], // first day of the window
    ['2026-06-30', true], // last day of the window
    ['2026-05-31', false], // a day before
    ['2026-07-01', false], // a day after
  ])('a visit on %s is in the window 2026-06-01..06-30: %s', (d, inside) => expect(visitInWindow(d, '2026-06-01', '2026-06-30')).toBe(inside));

  it('success needs a visit in the window; a task already succeeded is not counted again', () => {
    expect(successFrom('in_progress', ['2026-05-01', '2026-06-15'], '2026-06-01', '2026-06-30')).toBe(true);
    expect(successFrom('failed', ['2026-06-30'], '2026-06-01', '2026-06-30')).toBe(true);
    expect(successFrom('assigned', ['2026-07-01'], '2026-06-01', '2026-06-30')).toBe(false);
    expect(successFrom('succeeded', ['2026-06-15'], '2026-06-01', '2026-06-30')).toBe(false);
  });

  it.each([
    ['no tasks: nothing to audit, passes', counts({}), null, null, true],
    ['all worked', counts({ inProgress: 10, succeeded: 10 }), 1, 0.5, true],
    ['exactly 5% open fails (must be under 5%)', counts({ unassigned: 1, inProgress: 19 }), 0.95, 0, false],
    ['just under 5% passes', counts({ assigned: 4, succeeded: 50, inProgress: 27 }), 1 - 4 / 81, 50 / 81, true],
    ['未分配 + 已分配 together count', counts({ unassigned: 3, assigned: 3, failed: 94 }), 0.94, 0, false],
  ])('%s', (_n, c, rate, success, passes) => {
    const r = rates(c);
    expect(r.passes).toBe(passes);
    if (rate === null) expect(r.solicitationRate).toBeNull();
    else expect(r.solicitationRate).toBeCloseTo(rate, 10);
    if (success === null) expect(r.successRate).toBeNull();
    else expect(r.successRate).toBeCloseTo(success, 10);
  });

  it.each([
    ['2026-11-30', '2026-05-30'],
    ['2026-08-31', '2026-02-28'], // clamped to February's end
    ['2028-08-31', '2028-02-29'], // leap year
    ['2026-03-15', '2025-09-15'], // across the year
  ])('six months before %s is %s', (today, start) => expect(auditPeriodStart(today)).toBe(start));
});
