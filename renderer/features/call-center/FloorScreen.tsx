import { useCallback, useEffect, useRef, useState } from 'react';
import type { FloorAgent, FloorView } from '../../../electron/common/api/call-center';
import { AGENT_STATE_NAME, BUSY_REASON_NAME } from '../../../electron/common/api/call-center-texts';
import { call, onEvent } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Button, Table, Toolbar, type Column } from '../../ui';
import { errorText } from '../../ui/errors';
import { clock } from './clock';
import './call-center.css';

/**
 * 坐席监控 (the CS manager's wall board): every agent's state and time in it, the call they are on,
 * today's answered / missed / outbound calls, talk time and average wrap-up, and the missed calls
 * nobody has called back. Reloaded when the host pushes a change (an agent's state, a call starting
 * or ending), never polled; the clocks tick in the page. 大屏 fills the screen with larger type.
 */
export function FloorScreen() {
  const tx = usePrefixedT('agent.');
  const { locale } = useI18n();
  const [floor, setFloor] = useState<FloorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [big, setBig] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    call('callCenter.floor', {}).then(
      (f) => (setFloor(f), setError(null)),
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  useEffect(() => {
    load();
    // A burst of changes (a call ending is a state change and a floor change) reloads once.
    const soon = () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(load, 250);
    };
    const offs = [onEvent('callCenter.agentState', soon), onEvent('callCenter.floorChanged', soon)];
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      offs.forEach((off) => off());
      clearInterval(tick);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [load]);

  const toggleBig = () => {
    setBig((b) => !b);
    if (!big && root.current?.requestFullscreen) void root.current.requestFullscreen().catch(() => undefined);
    else if (big && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  const stateText = (a: FloorAgent) => (a.state === 'busy' && a.reason ? tx('busyAs', { reason: BUSY_REASON_NAME.text(a.reason, locale) }) : AGENT_STATE_NAME.text(a.state, locale));
  const columns: Column<FloorAgent>[] = [
    { key: 'name', header: tx('col.agent'), render: (a) => a.displayName, nowrap: true },
    {
      key: 'state',
      header: tx('col.state'),
      render: (a) => (
        <span className={`agent-pill agent-${a.state}`} data-testid={`floor-state-${a.userId}`}>
          <span className="agent-dot" aria-hidden="true" /> {stateText(a)}
        </span>
      ),
      nowrap: true,
    },
    { key: 'since', header: tx('col.since'), render: (a) => (a.state === 'offline' ? '' : clock(now - a.since)), align: 'right', nowrap: true },
    {
      key: 'call',
      header: tx('col.call'),
      render: (a) =>
        a.call ? `${tx(`dir.${a.call.direction}`)} ${a.call.customerName ?? a.call.number} · ${clock(now - (a.call.answeredAt ?? a.call.startedAt))}` : '',
      nowrap: true,
    },
    { key: 'answered', header: tx('col.answered'), render: (a) => a.today.answered, align: 'right' },
    { key: 'missed', header: tx('col.missed'), render: (a) => a.today.missed, align: 'right' },
    { key: 'outbound', header: tx('col.outbound'), render: (a) => a.today.outbound, align: 'right' },
    { key: 'talk', header: tx('col.talk'), render: (a) => clock(a.today.talkSeconds * 1000), align: 'right' },
    { key: 'wrap', header: tx('col.wrap'), render: (a) => (a.today.avgWrapUpSeconds === null ? '' : clock(a.today.avgWrapUpSeconds * 1000)), align: 'right' },
  ];
  const count = (state: FloorAgent['state']) => floor?.agents.filter((a) => a.state === state).length ?? 0;
  return (
    <div className={`screen floor-screen${big ? ' is-big' : ''}`} ref={root} data-testid="floor-screen">
      <Toolbar title={tx('floor.title')}>
        <Button size="small" onClick={toggleBig} data-testid="floor-big">
          {big ? tx('floor.small') : tx('floor.big')}
        </Button>
      </Toolbar>
      {error && (
        <p className="form-message is-error" role="alert">
          {error}
        </p>
      )}
      {floor && (
        <>
          <div className="floor-totals" data-testid="floor-totals">
            {(['ready', 'onCall', 'wrapUp', 'busy'] as const).map((s) => (
              <div key={s} className={`floor-total agent-${s}`}>
                <span className="floor-total-n">{count(s)}</span>
                <span>{AGENT_STATE_NAME.text(s, locale)}</span>
              </div>
            ))}
            <div className="floor-total floor-missed">
              <span className="floor-total-n" data-testid="floor-missed">
                {floor.missedOpen}
              </span>
              <span>{tx('floor.missedOpen')}</span>
            </div>
          </div>
          <Table aria-label={tx('floor.title')} columns={columns} rows={floor.agents} rowKey={(a) => a.userId} empty={tx('floor.none')} />
        </>
      )}
    </div>
  );
}
