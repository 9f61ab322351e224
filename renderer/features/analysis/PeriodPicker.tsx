import { COMPARE_KINDS, PERIOD_KINDS, currentPeriod, periodRange, type CompareKind, type Period, type PeriodKind } from '../../../electron/common/analysis';
import { usePrefixedT } from '../../i18n/react';

export interface PeriodValue {
  period: Period;
  compare: CompareKind;
}

/**
 * 统计周期 for the analysis screens: 日 / 周 / 月 / 季度 / 自定义, a day inside the period (or a
 * custom from / to) and what it is compared with (上期 / 去年同期 / 不对比). The server computes the
 * days (electron/common/analysis); the picker only sends what was chosen.
 */
export function PeriodPicker({ value, onChange, today }: { value: PeriodValue; onChange: (v: PeriodValue) => void; today: string }) {
  const t = usePrefixedT('an.');
  const { period, compare } = value;
  const setKind = (kind: PeriodKind) => {
    const r = periodRange(period);
    onChange({ compare, period: kind === 'custom' ? { kind, from: r.from, to: r.to } : period.kind === 'custom' ? currentPeriod(kind, r.to) : { kind, anchor: period.anchor } });
  };
  const day = (v: string, set: (d: string) => void, label: string, testId: string) => (
    <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      {label}
      <input type="date" className="input" style={{ width: 150 }} value={v} max={today} aria-label={label} data-testid={testId} onChange={(e) => e.target.value && set(e.target.value)} />
    </label>
  );
  return (
    <div style={{ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }} data-testid="period-picker">
      <select className="input" style={{ width: 100 }} aria-label={t('period.kind')} value={period.kind} onChange={(e) => setKind(e.target.value as PeriodKind)} data-testid="period-kind">
        {PERIOD_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`period.${k}`)}
          </option>
        ))}
      </select>
      {period.kind === 'custom' ? (
        <>
          {day(period.from, (from) => onChange({ compare, period: { ...period, from, to: from > period.to ? from : period.to } }), t('period.from'), 'period-from')}
          {day(period.to, (to) => onChange({ compare, period: { ...period, to, from: to < period.from ? to : period.from } }), t('period.to'), 'period-to')}
        </>
      ) : (
        day(period.anchor, (anchor) => onChange({ compare, period: { kind: period.kind, anchor } }), t('period.anchor'), 'period-anchor')
      )}
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        {t('period.compare')}
        <select className="input" style={{ width: 130 }} aria-label={t('period.compare')} value={compare} onChange={(e) => onChange({ period, compare: e.target.value as CompareKind })} data-testid="period-compare">
          {COMPARE_KINDS.map((c) => (
            <option key={c} value={c}>
              {t(`compare.${c}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
