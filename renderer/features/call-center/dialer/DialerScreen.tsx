import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DialerOverview, DialerQueue } from '../../../../electron/common/api/dialer';
import { DIALER_ROLES } from '../../../../electron/common/api/dialer';
import { WORKBENCH_MANAGER_ROLES } from '../../../../electron/common/roles';
import { SERVICE_TASK_KIND } from '../../../../electron/common/api/service-texts';
import { call } from '../../../api';
import { useI18n, usePrefixedT } from '../../../i18n/react';
import { Button, FormMessage, SelectField, Table, Toolbar, useToast } from '../../../ui';
import { errorText } from '../../../ui/errors';
import { useSessionInfo } from '../../auth';
import { useSoftphone } from '../../telephony';
import { OutcomeDialog, revisitOf, RevisitDialog, SolicitationOutcomeDialog, useRevisitOutcome, useTaskCalls } from '../../service';
import { useMyAgentState } from '../use-my-agent-state';
import { DialerCardView } from './DialerCardView';
import { QueueRules } from './QueueRules';
import { SkipDialog } from './SkipDialog';
import { useDialer } from './use-dialer';
import './dialer.css';

/**
 * 作业模式: an agent picks a queue and starts; the host hands out the next task they may call now
 * (use-dialer.ts), its card and script open, the preview counts down and the seat's softphone dials;
 * the call's end opens the same outcome form as the workbench (the revisit form for an answered
 * revisit); saved, the wrap-up runs and, 就绪 again, the next task comes. CS managers also set each
 * queue's rules here (QueueRules).
 */
export function DialerScreen() {
  const tx = usePrefixedT('dialer.');
  const { locale } = useI18n();
  const toast = useToast();
  const session = useSessionInfo();
  const works = DIALER_ROLES.includes(session.user.role);
  const manages = WORKBENCH_MANAGER_ROLES.includes(session.user.role);
  const [overview, setOverview] = useState<DialerOverview | null>(null);
  const [picked, setPicked] = useState<DialerQueue>('solicitation');
  const [me, setMe] = useMyAgentState();
  const dialer = useDialer(me?.state ?? null);
  const { phase, setPhase } = dialer;
  const calls = useTaskCalls();
  const closeRevisitTask = useRevisitOutcome();
  const softphone = useSoftphone();
  const registered = softphone?.status.kind === 'registered';
  const [number, setNumber] = useState('');
  const [skipping, setSkipping] = useState(false);

  // '09:00-09:00' (a start equal to the end) is all day.
  const hoursText = (h: string) => (h.slice(0, 5) === h.slice(6) ? tx('hours.allDay') : tx('hours', { hours: h }));
  const queueName = useCallback((q: DialerQueue) => (q === 'solicitation' ? tx('queue.solicitation') : SERVICE_TASK_KIND.text(q, locale)), [tx, locale]);
  const loadOverview = useCallback(() => {
    if (works) call('dialer.overview', {}).then(setOverview, (e) => dialer.setError(errorText(e)));
  }, [works, dialer.setError]);
  useEffect(loadOverview, [loadOverview]);
  // The busiest queue first picked.
  useEffect(() => {
    if (!overview || phase.kind !== 'off') return;
    const best = [...overview.queues].sort((a, b) => b.due - a.due)[0];
    if (best && best.due > 0) setPicked(best.queue);
  }, [overview]); // only when the overview arrives, not when the phase changes

  const card = phase.kind === 'card' || phase.kind === 'calling' || phase.kind === 'after' ? phase.card : null;
  useEffect(() => setNumber(card?.customer.phones[0]?.number ?? card?.row.phone ?? ''), [card]);

  const dial = useCallback(() => {
    if (phase.kind !== 'card' || !number) return;
    calls.dial(phase.card.row, number);
    setPhase({ kind: 'calling', card: phase.card, number });
  }, [phase, number, calls, setPhase]);

  // The call ended (useTaskCalls matched it to the task and opened its form): the after-call phase.
  // Not reached: no form — the host counted the try, the queue's retry wait brings the task back.
  useEffect(() => {
    if (phase.kind !== 'calling' || !(calls.outcomeOf || calls.revisitFor)) return;
    const reached = calls.revisitFor !== null || calls.endedCall?.answered === true;
    if (!reached) calls.closeOutcome();
    setPhase({ kind: 'after', card: phase.card, saved: !reached });
  }, [calls, phase, setPhase]);

  const saved = useCallback(() => {
    calls.closeOutcome();
    calls.setRevisitFor(null);
    if (card) setPhase({ kind: 'after', card, saved: true });
    loadOverview();
  }, [calls, card, setPhase, loadOverview]);
  const revisitDone = async (msg: string) => {
    const row = calls.revisitFor;
    calls.setRevisitFor(null);
    if (!row) return;
    try {
      await closeRevisitTask(row, msg, overview?.today);
      toast.success(msg);
      saved();
    } catch (e) {
      dialer.setError(errorText(e));
    }
  };
  // 下一条 before the wrap-up is over: 就绪 now (the host hands tasks to 就绪 agents only).
  const goNext = useCallback(async () => {
    if (!dialer.queue) return;
    try {
      if (me?.state === 'wrapUp' || me?.state === 'busy') setMe(await call('callCenter.state.set', { state: 'ready' }));
      dialer.next(dialer.queue);
    } catch (e) {
      dialer.setError(errorText(e));
    }
  }, [dialer, me, setMe]);

  const canDial = registered && me?.state === 'ready' && number !== '';
  const blocked = !registered ? tx('countdown.noPhone') : me?.state !== 'ready' ? tx('countdown.notReady') : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      const act = k === 'd' && phase.kind === 'card' && canDial ? dial : k === 's' && phase.kind === 'card' ? () => setSkipping(true) : k === 'n' && (phase.kind === 'after' || phase.kind === 'idle') ? () => void goNext() : null;
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, canDial, dial, goNext]);

  const queueOptions = useMemo(() => (overview?.queues ?? []).map((q) => ({ value: q.queue, label: tx('queue.due', { name: queueName(q.queue), n: String(q.due) }) })), [overview, tx, queueName]);
  const running = phase.kind !== 'off';

  return (
    <div className="screen dialer" data-testid="dialer-screen">
      <Toolbar title={tx('title')} info={overview ? `${hoursText(overview.callingHours)}${overview.open ? '' : tx('hours.closed')}` : undefined}>
        {works && (
          <>
            <SelectField label={tx('queue')} value={picked} onChange={(v) => setPicked(v)} options={queueOptions} disabled={running} data-testid="dialer-queue" />
            {running ? (
              <Button onClick={() => (dialer.stop(), loadOverview())} data-testid="dialer-stop">
                {tx('stop')}
              </Button>
            ) : (
              <Button variant="primary" onClick={() => dialer.start(picked)} data-testid="dialer-start">
                {tx('start')}
              </Button>
            )}
          </>
        )}
      </Toolbar>
      <FormMessage>{dialer.error}</FormMessage>

      {phase.kind === 'off' && overview && (
        <Table
          aria-label={tx('title')}
          rowKey={(q) => q.queue}
          rows={overview.queues}
          columns={[
            { key: 'queue', header: tx('col.queue'), render: (q) => queueName(q.queue) },
            { key: 'due', header: tx('col.due'), align: 'right', render: (q) => q.due.toLocaleString() },
            { key: 'preview', header: tx('col.preview'), render: (q) => (q.previewSeconds === null ? tx('preview.manual') : tx('preview.seconds', { n: String(q.previewSeconds) })) },
            { key: 'attempts', header: tx('col.attempts'), align: 'right', render: (q) => q.maxAttempts },
            { key: 'retry', header: tx('col.retry'), render: (q) => tx('retry.hours', { n: String(q.retryHours) }) },
          ]}
        />
      )}
      {phase.kind === 'loading' && <p className="muted">{tx('loading')}</p>}
      {phase.kind === 'idle' && (
        <div className="dialer-idle" data-testid="dialer-idle">
          <p>{phase.why === 'outsideHours' ? tx('idle.outsideHours', { opensAt: phase.opensAt ?? '' }) : phase.why === 'notReady' ? tx('idle.notReady') : tx('idle.empty')}</p>
          {phase.why === 'empty' && (phase.waiting ?? 0) > 0 && <p className="muted">{tx('idle.waiting', { n: String(phase.waiting) })}</p>}
          <Button variant="primary" onClick={() => void goNext()} data-testid="dialer-again">
            {phase.why === 'notReady' ? tx('idle.readyGo') : tx('idle.again')}
          </Button>
        </div>
      )}
      {phase.kind === 'card' && (
        <DialerCardView card={phase.card} queueName={queueName(phase.card.queue)} canDial={canDial} blocked={blocked} number={number} onNumber={setNumber} onDial={dial} onSkip={() => setSkipping(true)} />
      )}
      {phase.kind === 'calling' && (
        <div className="dialer-idle" data-testid="dialer-calling">
          <p>{tx('calling', { number: phase.number })}</p>
          <Button onClick={() => setPhase({ kind: 'card', card: phase.card })}>{tx('calling.back')}</Button>
        </div>
      )}
      {phase.kind === 'after' && (
        <div className="dialer-idle" data-testid="dialer-after">
          <p>{phase.saved ? tx('after.saved') : tx('after.unsaved')}</p>
          {!phase.saved && (
            <Button variant="primary" onClick={() => (revisitOf(phase.card.row) ? calls.setRevisitFor(phase.card.row) : calls.setOutcomeOf(phase.card.row))}>
              {tx('after.outcome')}
            </Button>
          )}
          <Button onClick={() => void goNext()} data-testid="dialer-next">
            {tx('next')}
          </Button>
        </div>
      )}

      {manages && <QueueRules queueName={queueName} onSaved={loadOverview} />}

      {skipping && card && (
        <SkipDialog
          onClose={() => setSkipping(false)}
          onSkip={(reason, note) => {
            setSkipping(false);
            dialer.skip(card, reason, note);
          }}
        />
      )}
      {calls.outcomeOf?.source === 'task' && (
        <OutcomeDialog row={calls.outcomeOf} today={overview?.today ?? ''} fromCall={calls.endedCall} onClose={calls.closeOutcome} onSaved={saved} />
      )}
      {calls.outcomeOf?.source === 'solicitation' && <SolicitationOutcomeDialog task={calls.outcomeOf} onClose={calls.closeOutcome} onDone={saved} />}
      {calls.revisitFor && revisitOf(calls.revisitFor) && <RevisitDialog {...revisitOf(calls.revisitFor)!} onClose={() => calls.setRevisitFor(null)} onDone={(msg) => void revisitDone(msg)} />}
    </div>
  );
}
