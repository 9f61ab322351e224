import { useEffect, useState } from 'react';
import type { Scope } from '../../electron/common/api/grid';
import type { ConsultantOption } from '../../electron/common/api/sales-analysis';
import { call } from '../api';
import { ScopePicker } from './grid';

/**
 * One consultant of the chosen scope (本组 / 全部), or all of them: the figures screens' filter
 * (销售漏斗, 集客分析). Leavers are listed, marked, because their past figures still count. Shows
 * nothing for 'mine' or while the server has not answered.
 */
export function ConsultantPicker({ scope, value, onChange, texts, testId }: { scope: Scope | null; value: number | null; onChange: (id: number | null) => void; texts: { label: string; all: string; inactive: string }; testId?: string }) {
  const [consultants, setConsultants] = useState<ConsultantOption[]>([]);
  useEffect(() => {
    if (!scope || scope === 'mine') return;
    call('sales.consultants', { purpose: 'funnel', scope })
      .then(setConsultants)
      .catch(() => setConsultants([]));
  }, [scope]);
  if (consultants.length === 0 || !scope || scope === 'mine') return null;
  return (
    <select className="input" style={{ width: 200 }} aria-label={texts.label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={testId}>
      <option value="">{texts.all}</option>
      {consultants.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {c.active ? '' : ` (${texts.inactive})`}
        </option>
      ))}
    </select>
  );
}

/**
 * 我的 / 本组 / 全部 and, for 本组 / 全部, one consultant: a new scope drops the consultant (they may
 * not be in it).
 */
export function ScopeConsultantPicker({ scopes, scope, consultantId, onScope, onConsultant, texts, testId }: { scopes: Scope[]; scope: Scope; consultantId: number | null; onScope: (s: Scope) => void; onConsultant: (id: number | null) => void; texts: { label: string; all: string; inactive: string }; testId?: string }) {
  return (
    <>
      <ScopePicker
        scopes={scopes}
        value={scope}
        onChange={(s) => {
          onScope(s);
          onConsultant(null);
        }}
      />
      <ConsultantPicker scope={scope} value={consultantId} onChange={onConsultant} texts={texts} testId={testId} />
    </>
  );
}
