import { sql, type SQL } from 'drizzle-orm';
import type { DialerQueue } from '../../../common/api/dialer';
import { isServiceTaskKind } from '../../../common/service-tasks';
import { todayIn } from '../../../common/dates';
import { presetsByName, type DatasetDef } from '../grid';
import { lowScoreDueDate } from './low-score';

/**
 * "An open task due by today" — the rule the workbench lists, 作业模式 dials and 坐席监控 counts by,
 * written here once in the forms they need:
 * - an agent task (tasks) is open while 待处理 / 处理中 and due by the dealer's `today`, a 低分跟进
 *   from 3 days before its deadline (its due date is a deadline, so it can be done before);
 * - a 招揽任务 (solicitation_tasks) is open while 已分配 / 招揽中 and due from its window's start.
 */
export const OPEN_TASK_STATUSES = "('open', 'in_progress')";
export const OPEN_SOLICITATION_STATUSES = "('assigned', 'in_progress')";

/** The last due day on today's list for a task of `kind` (a range on the due date when the kind is known). */
export const dueLimitOf = (kind: string, today: string): string => (kind === 'low_score' ? lowScoreDueDate(today) : today);

/**
 * The rule over tasks of any kind as SQL text for prepared statements, `alias` the tasks table, the
 * two days bound the caller's way ('?' — then bind dueLimitOf('low_score', today) first, then today —
 * or named '@lowScoreDue' / '@due').
 */
export const openDueTaskText = (alias: string, lowScoreDue: string, due: string): string =>
  `${alias}.status in ${OPEN_TASK_STATUSES} and ${alias}.due_date <= case when ${alias}.kind = 'low_score' then ${lowScoreDue} else ${due} end`;

/**
 * A queue of the call centre (作业模式, 坐席监控) over the task tables aliased `c`, as drizzle SQL: the
 * rule above for tasks an agent holds. The wall board counts by it and the task lists' preset
 * 'queue:<queue>' lists by it, so a depth's drill-down has exactly its count.
 */
export function openDueTasksSql(today: string): SQL {
  return sql`c.assignee_id is not null and c.status in ${sql.raw(OPEN_TASK_STATUSES)} and c.due_date <= case when c.kind = 'low_score' then ${dueLimitOf('low_score', today)} else ${today} end`;
}
export function openDueSolicitationSql(today: string): SQL {
  return sql`c.status in ${sql.raw(OPEN_SOLICITATION_STATUSES)} and c.assignee_id is not null and c.window_start <= ${today}`;
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
