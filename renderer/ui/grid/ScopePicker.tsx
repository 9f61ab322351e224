import { useState } from 'react';
import type { Scope } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { useI18n } from '../../i18n/react';
import type { MessageKey } from '../../i18n';
import { useLoad } from '../use-load';

/**
 * The scopes this user may pick (the server's answer for the customers list: mine / team / all),
 * and null until it has answered. A list that opens on the widest scope waits for this: starting
 * on 'mine' and swapping a moment later would show (and count) the wrong rows under the user's hand.
 */
export function useLoadedScopes(): Scope[] | null {
  const [scopes, setScopes] = useState<Scope[] | null>(null);
  useLoad(
    () => call('grid.columns', { dataset: 'customers' }),
    [],
    (r) => setScopes(r.scopes),
    () => setScopes(['mine']),
  );
  return scopes;
}

/**
 * A list's scope: the user's scopes as the server answers them (narrowed to `only` where the list
 * offers fewer) and the one picked. It opens on `preferred` when the user has it (a manager's 本组)
 * and else on the widest they have: a general manager or an administrator leads no team, and a list
 * that opened on 本组 for them was refused ("您的角色无权执行此操作"). null until the server has
 * answered, so a list never shows one scope's rows and then swaps to another's.
 */
export function useListScope(preferred: Scope, only?: readonly Scope[]): { scopes: Scope[]; scope: Scope | null; setScope: (s: Scope) => void } {
  const loaded = useLoadedScopes();
  const [picked, setScope] = useState<Scope | null>(null);
  const scopes = (loaded ?? []).filter((s) => !only || only.includes(s));
  const pick = (s: Scope | null) => (s !== null && scopes.includes(s) ? s : null);
  const scope = loaded === null ? null : (pick(picked) ?? pick(preferred) ?? scopes[scopes.length - 1] ?? 'mine');
  return { scopes, scope, setScope };
}

/** The scopes this user may pick; ['mine'] until the server has answered. */
export function useScopes(): Scope[] {
  return useLoadedScopes() ?? ['mine'];
}

/**
 * 我的 / 本组 / 全部 as a segmented control; hidden when there is only one choice. The labels name
 * customers (全部客户) unless the list says what it lists: `noun` is the i18n key of that noun
 * ('scope.noun.revisits' → 我的回访 / 本组回访 / 全部回访), or 'none' for plain 我的 / 本组 / 全部.
 */
export function ScopePicker({ scopes, value, onChange, noun }: { scopes: Scope[]; value: Scope; onChange: (s: Scope) => void; noun?: MessageKey | 'none' }) {
  const { t } = useI18n();
  if (scopes.length < 2) return null;
  const label = (s: Scope) => (!noun ? t(`customer.scope.${s}`) : noun === 'none' ? t(`scope.${s}`) : t(`scope.of.${s}`, { noun: t(noun) }));
  return (
    <span className="seg" role="radiogroup" aria-label={t('customer.scope')}>
      {scopes.map((s) => (
        <button key={s} type="button" role="radio" aria-checked={value === s} className={`seg-btn${value === s ? ' is-active' : ''}`} onClick={() => onChange(s)}>
          {label(s)}
        </button>
      ))}
    </span>
  );
}
