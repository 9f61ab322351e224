import { useEffect, useState } from 'react';
import { currentPeriod } from '../../../electron/common/analysis';
import type { Scope } from '../../../electron/common/api/grid';
import { localToday } from '../../../electron/common/dates';
import { call, type Input, type Output } from '../../api';
import { usePrefixedT } from '../../i18n/react';
import { errorText } from '../../ui/errors';
import { useLoadedScopes } from '../../ui/grid';
import { useLoad } from '../../ui/use-load';
import { ScopeConsultantPicker } from '../../ui/ConsultantPicker';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';

type AnalysisMethod = 'analysis.traffic.get' | 'analysis.sales.get';

/**
 * What every 决策分析 topic screen asks its method for and keeps: the dealer's today (the server's
 * clock and zone, not the PC's), the period (opening on today's month against the previous one),
 * the scope (the widest the user has until they pick) and one consultant of it, then the answer or
 * the error's text.
 */
export function useAnalysis<M extends AnalysisMethod>(method: M) {
  const scopes = useLoadedScopes();
  const [today, setToday] = useState<string | null>(null);
  const [value, setValue] = useState<PeriodValue | null>(null);
  const [picked, setScope] = useState<Scope | null>(null);
  const [consultantId, setConsultantId] = useState<number | null>(null);
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useLoad(
    () => call('showroom.today', {}),
    [],
    (r) => setToday(r.date),
    () => setToday(localToday()),
  );
  useEffect(() => {
    if (today && !value) setValue({ period: currentPeriod('month', today), compare: 'previous' });
  }, [today, value]);
  const scope = picked ?? (scopes ? scopes[scopes.length - 1]! : null);

  useLoad(
    value && scope
      ? () => {
          setError(null);
          // Both topics take the same input (periodScopeInput in the contract).
          const input = { ...value, scope, ...(consultantId ? { consultantId } : {}) } satisfies Input<AnalysisMethod>;
          return call(method, input as Input<M>) as Promise<Output<M>>;
        }
      : null,
    [method, value, scope, consultantId],
    setData,
    (e) => setError(errorText(e)),
  );
  return { today, value, setValue, scopes, scope, setScope, consultantId, setConsultantId, data, error };
}

/** The period picker, the scope / consultant picker and the hint that numbers open their records; then the error, if any. */
export function AnalysisFilters({ a }: { a: Omit<ReturnType<typeof useAnalysis>, 'data'> }) {
  const t = usePrefixedT('an.');
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: '8px 12px' }}>
        {a.value && a.today && <PeriodPicker value={a.value} onChange={a.setValue} today={a.today} />}
        {a.scopes && a.scope && (
          <ScopeConsultantPicker scopes={a.scopes} scope={a.scope} consultantId={a.consultantId} onScope={a.setScope} onConsultant={a.setConsultantId} texts={{ label: t('consultant'), all: t('allConsultants'), inactive: t('inactive') }} testId="consultant" />
        )}
        <span className="hint">{t('drill.hint')}</span>
      </div>
      {a.error && (
        <p className="form-message is-error" role="alert">
          {a.error}
        </p>
      )}
    </>
  );
}
