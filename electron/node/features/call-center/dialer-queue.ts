import type { DialerQueue } from '../../../common/api/dialer';
import { OPEN_SOLICITATION_STATUSES, OPEN_TASK_STATUSES, openDueTaskText } from '../service';

/**
 * 作业模式's queue as SQL: the first task of one agent's queue that may be called now. Read in due
 * order (within a day the more urgent first: tasks.priority; 招揽 by its window's end) from the
 * open-task indexes (tasks_open_queue_idx, solicitation_open_queue_idx) and stopped at the first that
 * passes every rule, so the cost is the tasks passed over, not the agent's list.
 *
 * A task passes when: it is the agent's, open and due (the rule of service/task-queues.ts: a 低分跟进
 * from 3 days before its deadline, a 招揽任务 from its window's start); its customer is neither
 * 免打扰 (call) nor has withdrawn consent;
 * no other seat (another agent, or the same agent signed in on another PC) holds a live claim on it
 * or on another task of the same customer; it has had fewer
 * unreached calls (未接通 / 忙 / 失败) than the queue's max; nothing was tried on it (a call or 跳过)
 * within the retry wait; and no other agent called the customer today.
 *
 * Binds: @me @session (the caller's session) @queue @due @today @now @retryAfter @maxAttempts @dayStart @exclude (a JSON array of ids
 * lost to another seat in this same request).
 */
export type QueueSource = 'task' | 'solicitation';

const rulesFor = (source: QueueSource, id: string, customer: string) => `
     and ${id} not in (select value from json_each(@exclude))
     and not exists (select 1 from customers cu where cu.id = ${customer} and (cu.dnd_call = 1 or cu.consent_status = 'withdrawn'))
     and not exists (select 1 from dialer_claims c where (c.source = '${source}' and c.task_id = ${id} or c.customer_id = ${customer}) and c.session_hash <> @session and c.expires_at > @now)
     and (select count(*) from dialer_attempts a where a.source = '${source}' and a.task_id = ${id} and a.result in ('noAnswer', 'busy', 'failed')) < @maxAttempts
     and not exists (select 1 from dialer_attempts a where a.source = '${source}' and a.task_id = ${id} and a.at > @retryAfter)
     and not exists (select 1 from calls k where k.customer_id = ${customer} and k.started_at >= @dayStart and k.direction = 'outbound' and k.user_id <> @me)`;

export const sourceOf = (queue: DialerQueue): QueueSource => (queue === 'solicitation' ? 'solicitation' : 'task');

/**
 * The next callable task's id and customer (binds as above; @today only for 招揽, @queue and @due only
 * for tasks — @due is dueLimitOf(queue, today): the queue's kind is known, so the due day is a range
 * on the index, not service's CASE over kinds).
 */
export const NEXT_SQL: Record<QueueSource, string> = {
  task: `select t.id, t.customer_id as customerId from tasks t
          where t.assignee_id = @me and t.kind = @queue and t.status in ${OPEN_TASK_STATUSES} and t.due_date <= @due ${rulesFor('task', 't.id', 't.customer_id')}
          order by t.due_date, t.priority desc, t.id limit 1`,
  solicitation: `select t.id, t.customer_id as customerId from solicitation_tasks t
          where t.assignee_id = @me and t.status in ${OPEN_SOLICITATION_STATUSES} and t.window_start <= @today ${rulesFor('solicitation', 't.id', 't.customer_id')}
          order by t.window_end, t.id limit 1`,
};

/** Open tasks due per queue of one agent (binds @me @due @lowScoreDue @today). */
export const DUE_COUNTS_SQL = `
  select kind as queue, count(*) as n from tasks
   where assignee_id = @me and ${openDueTaskText('tasks', '@lowScoreDue', '@due')}
   group by kind
  union all
  select 'solicitation', count(*) from solicitation_tasks where assignee_id = @me and status in ${OPEN_SOLICITATION_STATUSES} and window_start <= @today`;
