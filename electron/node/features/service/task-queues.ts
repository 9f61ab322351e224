import { sql, type SQL } from 'drizzle-orm';
import type { DialerQueue } from '../../../common/api/dialer';
import { isServiceTaskKind } from '../../../common/service-tasks';
import { todayIn } from '../../../common/dates';
import { presetsByName, type DatasetDef } from '../grid';
import { lowScoreDueDate } from './low-score';

/**
 * A queue of the call centre (作业模式, 坐席监控) over the task tables aliased `c`: the open tasks
 * held by an agent and due by the dealer's `today` — a 低分跟进 from 3 days before its deadline (as
 * on the workbench), a 招揽任务 from its window's start (due at its end). Written once: the wall
 * board counts by it and the task lists' preset 'queue:<queue>' lists by it, so a depth's drill-down
 * has exactly its count.
 */
export function openDueTasksSql(today: string): SQL {
  return sql`c.status in ('open', 'in_progress') and c.assignee_id is not null and c.due_date <= case when c.kind = 'low_score' then ${lowScoreDueDate(today)} else ${today} end`;
}
export function openDueSolicitationSql(today: string): SQL {
  return sql`c.status in ('assigned', 'in_progress') and c.assignee_id is not null and c.window_start <= ${today}`;
}
/** One queue's rule (`c` is tasks, or solicitation_tasks for 招揽). */
export const queueDueSql = (queue: DialerQueue, today: string): SQL =>
  queue === 'solicitation' ? openDueSolicitationSql(today) : sql`c.kind = ${queue} and ${openDueTasksSql(today)}`;

/** The preset name of a queue's due tasks on the task lists (客服任务, 招揽任务单). */
export const queuePreset = (queue: DialerQueue) => `queue:${queue}`;

/** 'queue:<kind>' on 客服任务 (tasks), 'queue:solicitation' on 招揽任务单, with the dealer's today. */
export function queuePresets(source: 'task' | 'solicitation'): NonNullable<DatasetDef['presets']> {
  return presetsByName(
    (name) => {
      const q = /^queue:([a-z_]{1,30})$/.exec(name)?.[1];
      if (!q) return null;
      if (source === 'solicitation') return q === 'solicitation' ? (q as DialerQueue) : null;
      return isServiceTaskKind(q) ? q : null;
    },
    (queue, ctx) => queueDueSql(queue, todayIn(ctx.timeZone, ctx.now)),
  );
}
