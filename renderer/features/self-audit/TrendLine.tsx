import type { AuditTrendPoint } from '../../../electron/common/api/self-audit';

const W = 120;
const H = 28;

/**
 * The nightly figures of a check as a small line (0–100 %), with the last day's figure as its
 * title; a day without a figure ("—") leaves a gap. No chart library: a few points need none.
 */
export function TrendLine({ points }: { points: readonly AuditTrendPoint[] }) {
  const step = points.length > 1 ? W / (points.length - 1) : 0;
  const segments: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.figure === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${(i * step).toFixed(1)},${(H - 2 - (p.figure / 100) * (H - 4)).toFixed(1)}`);
  });
  const last = points[points.length - 1]!;
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${last.day}: ${last.figure ?? '—'}`} data-testid="audit-trend">
      <title>{`${last.day}: ${last.figure ?? '—'}`}</title>
      {segments
        .filter((s) => s.length > 0)
        .map((s, i) => (s.length === 1 ? <circle key={i} cx={s[0]!.split(',')[0]} cy={s[0]!.split(',')[1]} r={2} fill="currentColor" /> : <polyline key={i} points={s.join(' ')} fill="none" stroke="currentColor" strokeWidth={1.5} />))}
    </svg>
  );
}
