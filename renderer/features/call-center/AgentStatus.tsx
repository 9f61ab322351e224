import { useCallback, useEffect, useState } from 'react';
import { BUSY_REASONS, type BusyReason } from '../../../electron/common/api/call-center';
import { AGENT_STATE_NAME, BUSY_REASON_NAME } from '../../../electron/common/api/call-center-texts';
import { call } from '../../api';
import { useMyAgentState } from './use-my-agent-state';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { StatusItem, useToast } from '../../ui';
import { errorText } from '../../ui/errors';
import { clock } from './clock';
import './call-center.css';

/**
 * The status bar's 坐席状态: the state with its reason and the time in it (a wrap-up shows what is
 * left and 延长); a click opens 就绪 and 示忙's reasons; Alt+R is 就绪, Alt+B 示忙 · 小休. The host
 * changes it too (a call, the lock, the wrap-up's end) and says so with a `callCenter.agentState` event.
 */
export function AgentStatus() {
  const tx = usePrefixedT('agent.');
  const { locale } = useI18n();
  const toast = useToast();
  const [me, setMe] = useMyAgentState();
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const change = useCallback(
    async (input: { state: 'ready' } | { state: 'busy'; reason: BusyReason }) => {
      setOpen(false);
      try {
        setMe(await call('callCenter.state.set', input));
      } catch (e) {
        toast.show(errorText(e), 'error');
      }
    },
    [toast],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'r' && k !== 'b') return;
      e.preventDefault();
      void change(k === 'r' ? { state: 'ready' } : { state: 'busy', reason: 'break' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [change]);

  if (!me) return null;
  const label = me.state === 'busy' && me.reason ? tx('busyAs', { reason: BUSY_REASON_NAME.text(me.reason, locale) }) : AGENT_STATE_NAME.text(me.state, locale);
  const extend = async () => {
    try {
      setMe(await call('callCenter.wrapUp.extend', { seconds: 60 }));
    } catch (e) {
      toast.show(errorText(e), 'error');
    }
  };
  return (
    <StatusItem className={`agent-status agent-${me.state}`} title={`${tx('title')} — ${tx('keys')}`}>
      <button type="button" className="link agent-toggle" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="agent-state" data-state={me.state}>
        <span className="agent-dot" aria-hidden="true" /> {label}{' '}
        <span className="agent-time">{me.state === 'wrapUp' && me.wrapUpUntil ? tx('wrapLeft', { time: clock(me.wrapUpUntil - now) }) : clock(now - me.since)}</span>
      </button>
      {me.state === 'wrapUp' && (
        <button type="button" className="link" onClick={() => void extend()} data-testid="agent-extend">
          {tx('extend')}
        </button>
      )}
      {open && (
        <div className="agent-menu" role="menu" aria-label={tx('title')}>
          <button type="button" role="menuitem" onClick={() => void change({ state: 'ready' })} data-testid="agent-ready">
            {tx('ready')} <kbd>Alt+R</kbd>
          </button>
          {BUSY_REASONS.map((r) => (
            <button key={r} type="button" role="menuitem" onClick={() => void change({ state: 'busy', reason: r })} data-testid={`agent-busy-${r}`}>
              {tx('busyAs', { reason: BUSY_REASON_NAME.text(r, locale) })}
              {r === 'break' && <kbd>Alt+B</kbd>}
            </button>
          ))}
        </div>
      )}
    </StatusItem>
  );
}
