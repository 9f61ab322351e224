import type { EventMessage, EventName } from '../common/api/events';
import type { Core } from './core';

/** The session's own lock / unlock / end: the lock screen needs these while locked. */
const LIFECYCLE: ReadonlySet<EventName> = new Set(['session.locked', 'session.unlocked', 'session.ended']);
/** Past this a locked seat's held events are dropped oldest first (a weekend behind the lock). */
const MAX_HELD = 200;

/**
 * Pushed events for a locked session wait until it is unlocked. A notification naming a customer,
 * or an SMS batch's progress, must not reach a screen behind the program lock (someone else may be
 * at the desk); after unlock the user gets them in order, as if they had just arrived. Progress
 * events keep only their latest state. Both hosts use it: the web host per WebSocket, Electron
 * main per window; `K` is that recipient.
 */
export class LockedPushHold<K> {
  private held = new Map<K, EventMessage[]>();

  constructor(private readonly core: Pick<Core, 'auth'>) {}

  /** The messages to send `to` now for one event aimed at it (possibly none, possibly held ones too). */
  route(to: K, tokenHash: string, msg: EventMessage): EventMessage[] {
    if (msg.event === 'session.unlocked') {
      const waiting = this.held.get(to) ?? [];
      this.held.delete(to);
      return [msg, ...waiting];
    }
    if (msg.event === 'session.ended') this.held.delete(to);
    if (LIFECYCLE.has(msg.event) || !this.core.auth.lockedNow(tokenHash)) return [msg];
    const queue = this.held.get(to) ?? [];
    const key = progressKey(msg);
    const kept = key ? queue.filter((m) => progressKey(m) !== key) : queue;
    kept.push(msg);
    this.held.set(to, kept.slice(-MAX_HELD));
    return [];
  }

  /** The recipient is gone (socket closed, window closed). */
  forget(to: K): void {
    this.held.delete(to);
  }
}

/** Progress events of one job replace each other: only the latest state is worth showing. */
function progressKey(msg: EventMessage): string | null {
  const p = msg.payload as Record<string, unknown>;
  if (msg.event === 'export.progress') return `export:${String(p.exportId)}`;
  if (msg.event === 'import.progress') return `import:${String(p.kind)}`;
  if (msg.event === 'sms.batch') return `sms:${String(p.batchId)}`;
  return null;
}
