import { useEffect, useState } from 'react';
import type { Scope } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { useI18n } from '../../i18n/react';

/** The scopes this user may pick (the server's answer for the customers list: mine / team / all). */
export function useScopes(): Scope[] {
  const [scopes, setScopes] = useState<Scope[]>(['mine']);
  useEffect(() => {
    let live = true;
    call('grid.columns', { dataset: 'customers' })
      .then((r) => live && setScopes(r.scopes))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return scopes;
}

/** 我的 / 本组 / 全部 as a segmented control; hidden when there is only one choice. */
export function ScopePicker({ scopes, value, onChange }: { scopes: Scope[]; value: Scope; onChange: (s: Scope) => void }) {
  const { t } = useI18n();
  if (scopes.length < 2) return null;
  return (
    <span className="seg" role="radiogroup" aria-label={t('customer.scope')}>
      {scopes.map((s) => (
        <button key={s} type="button" role="radio" aria-checked={value === s} className={`seg-btn${value === s ? ' is-active' : ''}`} onClick={() => onChange(s)}>
          {t(`customer.scope.${s}`)}
        </button>
      ))}
    </span>
  );
}
