import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { FloorAgent, FloorView } from '../../../electron/common/api/call-center';
import type { DialerQueue } from '../../../electron/common/api/dialer';
import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import { SERVICE_TASK_KIND } from '../../../electron/common/api/service-texts';
import { DrillDownDialog, type DrillSource } from '../../ui/DrillDownDialog';
import { requestDial, useSoftphone } from '../telephony';
import { useSessionInfo } from '../auth';
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
  const { t, locale } = useI18n();
  const session = useSessionInfo();
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

  // Every number opens its records (the server's `drill`): the calls behind an agent's figure, the
  // missed calls, a queue's tasks. A state's total picks those agents in the table below.
  const [drill, setDrill] = useState<{ title: string; drills: DrillSource[] } | null>(null);
  const [only, setOnly] = useState<FloorAgent['state'] | null>(null);
  const open = (title: string, queries: GridSelectionQuery[]) => setDrill({ title: floor ? `${title} · ${floor.today}` : title, drills: queries.map((query) => ({ query })) });
  // A render helper, not a component: the board reloads often and its links keep their focus.
  const figure = (a: FloorAgent, k: keyof FloorAgent['drill'], value: ReactNode) => (
    <button type="button" className="link" onClick={() => open(`${a.displayName} · ${tx(`col.${k}`)}`, a.drill[k])} data-testid={`floor-${k}-${a.userId}`}>
      {value}
    </button>
  );
  // 监听: the PBX's listen-in code + the agent's extension, dialled from the manager's own softphone
  // (FreeSWITCH eavesdrop / Asterisk ChanSpy do the listening; docs/telephony.md, "PBX configuration").
  const softphone = useSoftphone();
  const listenable = (a: FloorAgent) => !!floor?.monitorCode && !!a.call?.extension && softphone?.status.kind === 'registered' && a.userId !== session.user.id;
  const listen = (a: FloorAgent) => requestDial({ number: `${floor!.monitorCode}${a.call!.extension}` });
  const queueName = (q: DialerQueue) => (q === 'solicitation' ? t('dialer.queue.solicitation') : SERVICE_TASK_KIND.text(q, locale));
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
        a.call ? (
          <>
            {`${tx(`dir.${a.call.direction}`)} ${a.call.customerName ?? a.call.number} · ${clock(now - (a.call.answeredAt ?? a.call.startedAt))}`}
            {listenable(a) && (
              <Button size="small" className="floor-listen" onClick={() => listen(a)} data-testid={`floor-listen-${a.userId}`}>
                {tx('floor.listen')}
              </Button>
            )}
          </>
        ) : (
          ''
        ),
      nowrap: true,
    },
    { key: 'answered', header: tx('col.answered'), render: (a) => figure(a, 'answered', a.today.answered), align: 'right' },
    { key: 'missed', header: tx('col.missed'), render: (a) => figure(a, 'missed', a.today.missed), align: 'right' },
    { key: 'outbound', header: tx('col.outbound'), render: (a) => figure(a, 'outbound', a.today.outbound), align: 'right' },
    { key: 'talk', header: tx('col.talk'), render: (a) => figure(a, 'talk', clock(a.today.talkSeconds * 1000)), align: 'right' },
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
              <button
                type="button"
                key={s}
                className={`floor-total agent-${s}${only === s ? ' is-picked' : ''}`}
                aria-pressed={only === s}
                onClick={() => setOnly(only === s ? null : s)}
                data-testid={`floor-total-${s}`}
              >
                <span className="floor-total-n">{count(s)}</span>
                <span>{AGENT_STATE_NAME.text(s, locale)}</span>
              </button>
            ))}
            <button type="button" className="floor-total floor-missed" onClick={() => open(tx('floor.missedOpen'), floor.missedOpenDrill)}>
              <span className="floor-total-n" data-testid="floor-missed">
                {floor.missedOpen}
              </span>
              <span>{tx('floor.missedOpen')}</span>
            </button>
          </div>
          <Table aria-label={tx('floor.title')} columns={columns} rows={only ? floor.agents.filter((a) => a.state === only) : floor.agents} rowKey={(a) => a.userId} empty={tx('floor.none')} />
          <h2 className="floor-heading">{tx('floor.queues')}</h2>
          <Table
            aria-label={tx('floor.queues')}
            rowKey={(q) => q.queue}
            rows={floor.queues}
            empty={tx('floor.queue.none')}
            rowProps={(q) => ({ 'data-testid': `floor-queue-${q.queue}` })}
            columns={[
              { key: 'queue', header: tx('floor.queue'), render: (q) => queueName(q.queue), nowrap: true },
              {
                key: 'due',
                header: tx('floor.queue.due'),
                align: 'right',
                render: (q) => (
                  <button type="button" className="link" onClick={() => open(`${queueName(q.queue)} · ${tx('floor.queue.due')}`, q.drill)} data-testid={`floor-queue-due-${q.queue}`}>
                    {q.due.toLocaleString()}
                  </button>
                ),
              },
              { key: 'overdue', header: tx('floor.queue.overdue'), align: 'right', render: (q) => q.overdue.toLocaleString() },
              { key: 'oldest', header: tx('floor.queue.oldest'), nowrap: true, render: (q) => q.oldestDue ?? '' },
            ]}
          />
          <p className="hint">{tx('floor.drillHint')}</p>
        </>
      )}
      {drill && <DrillDownDialog title={drill.title} drills={drill.drills} onClose={() => setDrill(null)} />}
    </div>
  );
}
