import { EventEmitter } from 'node:events';
import type { ApiEvents, EventName } from '../common/api/events';

/** Whom an event is for: one session, every session of a user, or everyone. */
export type EventTarget = { sessionHash: string } | { userId: number } | 'all';

/** Whether an event aimed at `target` is for this recipient (a session of a user). */
export function isFor(target: EventTarget, who: { tokenHash: string; userId: number }): boolean {
  return target === 'all' || ('sessionHash' in target ? target.sessionHash === who.tokenHash : target.userId === who.userId);
}

export interface EventEnvelope {
  target: EventTarget;
  event: EventName;
  payload: unknown;
}

/** In-process bus the hosts subscribe to and forward to their renderers. */
export class EventBus {
  private emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish<E extends EventName>(target: EventTarget, event: E, payload: ApiEvents[E]): void {
    this.emitter.emit('event', { target, event, payload } satisfies EventEnvelope);
  }
  /**
   * A listener that throws (a closed socket, a bug in a host) is logged and the others still get
   * the event: publishing happens after data was saved, so the publisher must not fail with it.
   */
  subscribe(listener: (e: EventEnvelope) => void): () => void {
    const safe = (e: EventEnvelope) => {
      try {
        listener(e);
      } catch (err) {
        console.error(`[events] a listener of ${e.event} failed:`, err);
      }
    };
    this.emitter.on('event', safe);
    return () => this.emitter.off('event', safe);
  }
}
