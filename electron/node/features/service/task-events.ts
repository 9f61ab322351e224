import type { Core } from '../../core';

/** One task that changed hands: from whom (null: the unassigned pool) to whom. */
export interface TaskMove {
  from: number | null;
  to: number;
}

/**
 * Tells every agent whose open task list changed (tasks handed to them, or taken away) so their
 * 客服工作台 reloads at once, on whichever seat they work (issue 15: events reach the right seat
 * within a second). Called after the transaction committed, like notifications: an event for a
 * rolled-back assignment would show the agent tasks they do not have.
 */
export function publishTaskMoves(core: Pick<Core, 'events'>, moves: readonly TaskMove[]): void {
  const per = new Map<number, { gained: number; lost: number }>();
  const of = (userId: number) => {
    let p = per.get(userId);
    if (!p) per.set(userId, (p = { gained: 0, lost: 0 }));
    return p;
  };
  for (const m of moves) {
    if (m.from === m.to) continue;
    of(m.to).gained++;
    if (m.from !== null) of(m.from).lost++;
  }
  for (const [userId, counts] of per) core.events.publish({ userId }, 'tasks.reassigned', counts);
}

/** Tells each agent how many of their open tasks got another priority (their 客服工作台 reorders). */
export function publishTaskPriorities(core: Pick<Core, 'events'>, perAgent: ReadonlyMap<number, number>): void {
  for (const [userId, n] of perAgent) core.events.publish({ userId }, 'tasks.reassigned', { gained: 0, lost: 0, reprioritized: n });
}
