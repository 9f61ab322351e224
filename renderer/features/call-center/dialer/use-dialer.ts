import { useCallback, useEffect, useRef, useState } from 'react';
import type { DialerCard, DialerIdle, DialerNext, DialerQueue, SkipReason } from '../../../../electron/common/api/dialer';
import { DIALER_LEASE_MS } from '../../../../electron/common/api/dialer';
import type { AgentState } from '../../../../electron/common/api/call-center';
import { call } from '../../../api';
import { errorText } from '../../../ui/errors';

/**
 * Where 作业模式 stands: off; taking the next task; nothing to call (and why); a task's card open
 * (the preview counting down, or waiting for the agent's key); its call under way; after the call
 * (the outcome form, then wrap-up until the agent is 就绪 again).
 */
export type DialerPhase =
  | { kind: 'off' }
  | { kind: 'loading' }
  | { kind: 'idle'; why: DialerIdle; opensAt?: string; waiting?: number }
  | { kind: 'card'; card: DialerCard }
  | { kind: 'calling'; card: DialerCard; number: string }
  | { kind: 'after'; card: DialerCard; saved: boolean };

/** How often an idle dialer asks again (a retry falling due, calling hours opening). */
const IDLE_RETRY_MS = 60_000;

/**
 * The dialer's loop in the page: next → card → dial → after the call → (outcome saved, agent 就绪
 * again) → next. The claim is renewed every third of its lease while a task is open and released on
 * stop and when the screen closes (the host releases it on logout, and it runs out if the seat dies).
 */
export function useDialer(agentState: AgentState | null) {
  const [queue, setQueue] = useState<DialerQueue | null>(null);
  const [phase, setPhase] = useState<DialerPhase>({ kind: 'off' });
  const [error, setError] = useState<string | null>(null);
  const working = useRef(false);

  const show = useCallback((n: DialerNext) => {
    if (!working.current) return;
    setPhase(n.card ? { kind: 'card', card: n.card } : { kind: 'idle', why: n.why, opensAt: n.opensAt, waiting: n.waiting });
  }, []);
  const fail = useCallback((e: unknown) => {
    setError(errorText(e));
    if (working.current) setPhase({ kind: 'idle', why: 'empty' });
  }, []);

  const next = useCallback(
    (q: DialerQueue) => {
      setError(null);
      setPhase({ kind: 'loading' });
      call('dialer.next', { queue: q }).then(show, fail);
    },
    [show, fail],
  );

  const start = useCallback(
    (q: DialerQueue) => {
      working.current = true;
      setQueue(q);
      next(q);
    },
    [next],
  );
  const stop = useCallback(() => {
    working.current = false;
    setPhase({ kind: 'off' });
    call('dialer.stop', {}).catch(() => undefined);
  }, []);
  const skip = useCallback(
    (card: DialerCard, reason: SkipReason, note: string) => {
      setPhase({ kind: 'loading' });
      call('dialer.skip', { source: card.row.source, taskId: card.row.id, reason, note }).then(show, fail);
    },
    [show, fail],
  );

  // The screen closing ends the work (the claim goes back to the queue at once).
  useEffect(() => () => void (working.current && call('dialer.stop', {}).catch(() => undefined)), []);

  // Holding a task: renew its claim well before it runs out.
  const holding = phase.kind === 'card' || phase.kind === 'calling' || phase.kind === 'after';
  useEffect(() => {
    if (!holding) return;
    const timer = setInterval(() => void call('dialer.renew', {}).catch(() => undefined), DIALER_LEASE_MS / 3);
    return () => clearInterval(timer);
  }, [holding]);

  // After the call: once the outcome is saved and the wrap-up is over (就绪), the next task.
  // Idle because not 就绪: going 就绪 carries on.
  useEffect(() => {
    if (!queue || agentState !== 'ready') return;
    if ((phase.kind === 'after' && phase.saved) || (phase.kind === 'idle' && phase.why === 'notReady')) next(queue);
  }, [agentState, phase, queue, next]);

  // Nothing to call now: ask again in a while (a retry falls due, the calling hours open).
  useEffect(() => {
    if (phase.kind !== 'idle' || phase.why === 'notReady' || !queue) return;
    const timer = setTimeout(() => next(queue), IDLE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [phase, queue, next]);

  return { queue, phase, setPhase, error, setError, start, stop, next, skip };
}
