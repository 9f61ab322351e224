import type { AgentLoad, Workbench, WorkbenchAppointment, WorkbenchKind, WorkbenchRow } from '../../../common/api/workbench';
import { WORKBENCH_MANAGER_ROLES } from '../../../common/api/workbench';
import { FIELD_MESSAGES, type FieldMessageKey, type Locale } from '../../../common/i18n/errors';
import type { Role } from '../../../common/roles';
import { tasks } from '../../../../db/schema';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { AuditedWriter, writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import { todayIn } from '../../../common/dates';
import { isRealDescription, LowScoreService } from './low-score';
import { CareProblems } from './service-visits-messages';
import { primaryPhoneExpr } from '../customers';
import { formatPhone } from '../../../common/phone';
import { publishTaskMoves } from './task-events';
import { dueLimitOf, OPEN_SOLICITATION_STATUSES, OPEN_TASK_STATUSES, openDueTaskText } from './task-queues';

/** Rows per workbench page unless the caller asks for another size (the contract caps it). */
export const WORKBENCH_PAGE = 100;
/** An open agent task on the list by its due day (task-queues.ts): binds dueLimitOf('low_score', today), then today. */
const OPEN_DUE = openDueTaskText('t', '?', '?');
/** A workbench row's own columns from tasks (t); the customer's are added per page. */
const TASK_KEYS = `select 'task' as source, t.id, t.kind, t.customer_id as customerId, t.due_date as dueDate, t.reason, t.status, t.ref_type as refType, t.ref_id as refId,
       t.version, t.vehicle_id as vehicleId, t.priority from tasks t`;
/** A 招揽任务's row columns (t: solicitation_tasks), due at the window's end, in TASK_KEYS' order. */
const SOLICITATION_ROW = `select 'solicitation' as source, t.id, 'solicitation' as kind, t.customer_id as customerId, t.window_end as dueDate,
       coalesce('厂家活动 ' || t.campaign, '常规保养') || ' · 招揽期 ' || t.window_start || ' 至 ' || t.window_end as reason, t.status,
       null as refType, null as refId, null as version, t.vehicle_id as vehicleId, 0 as priority
  from solicitation_tasks t`;
/** An agent's open 招揽任务 from the window's start (binds agent and today). */
const SOLICITATION_KEYS = `${SOLICITATION_ROW} where t.assignee_id = ? and t.status in ${OPEN_SOLICITATION_STATUSES} and t.window_start <= ?`;
/** Who takes agent tasks. */
const AGENT_ROLES = "('serviceAgent', 'serviceManager')";

export const isWorkbenchManager = (role: Role) => WORKBENCH_MANAGER_ROLES.includes(role);

/** Pure: is a due day overdue on the dealer's `today` (both YYYY-MM-DD)? */
export const isOverdue = (dueDate: string, today: string) => dueDate < today;

/**
 * Pure: a low-score follow-up needs a real description, not only a stock phrase — the same rule as
 * the follow-up form (low-score.ts), so both doors refuse "已跟进" / "未接通" alike.
 */
export const isRealFollowUpNote = isRealDescription;

function refuse(key: FieldMessageKey, locale: Locale, field: string, code: 'INVALID_INPUT' | 'CONFLICT' | 'FORBIDDEN' = 'INVALID_INPUT'): AppError {
  const message = FIELD_MESSAGES[key][locale];
  return code === 'INVALID_INPUT' ? new AppError(code, { issues: message, fields: [{ field, message }] }) : new AppError(code, { reason: message });
}

type DbRow = Omit<WorkbenchRow, 'overdue' | 'dnd'> & { dndCall: number; dndSms: number };

const toRow = ({ dndCall, dndSms, ...r }: DbRow, today: string): WorkbenchRow => ({
  ...r,
  phone: formatPhone(r.phone),
  overdue: isOverdue(r.dueDate, today),
  dnd: { call: dndCall === 1, sms: dndSms === 1 },
});

/**
 * 客服工作台: an agent's tasks due today or earlier (overdue) in the dealer's day, by kind — agent
 * tasks (tasks) and 招揽任务 (solicitation_tasks, due from the window's start, overdue after its end)
 * — with the outcome of a task, each agent's load and reassigning tasks (managers).
 */
export class WorkbenchService {
  private writer: AuditedWriter;

  constructor(private core: Pick<Core, 'clock' | 'db' | 'events' | 'settings' | 'sqlite' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /**
   * A 低分跟进's due date is a deadline (3 days after the survey or revisit), not a start: it is on
   * the list from the day it is within those 3 days, so it can be done before it falls due.
   * One page (`offset`, `limit`) of the list, due day first; the counts and `total` are the whole list's.
   */
  list(s: SessionCtx, agentId?: number, unassigned = false, page: { offset?: number; limit?: number } = {}): Workbench {
    // An agent only ever sees their own work; a manager may open any agent's, or the unassigned
    // tasks (a survey import's follow-ups wait there until a manager hands them out).
    const manager = isWorkbenchManager(s.user.role);
    const today = this.today();
    const offset = page.offset ?? 0;
    const limit = page.limit ?? WORKBENCH_PAGE;
    const due = [dueLimitOf('low_score', today), today];
    const pool = unassigned && manager;
    const who = pool ? null : agentId !== undefined && manager ? agentId : s.user.id;
    // The page's keys come from the indexes alone; only its rows look up customer, phone and plate
    // (a long-used database holds thousands of overdue tasks per agent).
    const keys =
      who === null
        ? { sql: `${TASK_KEYS} where t.assignee_id is null and ${OPEN_DUE}`, params: due }
        : { sql: `${TASK_KEYS} where t.assignee_id = ? and ${OPEN_DUE} union all ${SOLICITATION_KEYS}`, params: [who, ...due, who, today] };
    const rows = this.core.sqlite
      .prepare(
        `select x.*, cu.name as customerName, cu.dnd_call as dndCall, cu.dnd_sms as dndSms, ${primaryPhoneExpr('cu.id')} as phone,
                (select v.plate from vehicles v where v.id = x.vehicleId) as plate
           from (${keys.sql} order by 5, 12 desc, 1, 2 limit ? offset ?) x join customers cu on cu.id = x.customerId
          order by x.dueDate, x.priority desc, x.source, x.id`, // due day, the more urgent first, then 招揽 before tasks ('solicitation' < 'task'), then id
      )
      .all(...keys.params, limit, offset) as (DbRow & { vehicleId: number | null })[];
    const c = this.core.sqlite.prepare(`select count(*) as n, coalesce(sum(dueDate < ?), 0) as overdue from (${keys.sql})`).get(today, ...keys.params) as { n: number; overdue: number };
    const appointments =
      who === null
        ? []
        : (this.core.sqlite
            .prepare(
              `select a.id, a.slot, a.customer_id as customerId, cu.name as customerName, ${primaryPhoneExpr('cu.id')} as phone,
                      (select v.plate from vehicles v where v.id = a.vehicle_id) as plate, a.status, a.notes
                 from appointments a join customers cu on cu.id = a.customer_id
                where a.advisor_id = ? and a.date = ? and a.status <> 'cancelled' order by a.slot, a.id`,
            )
            .all(who, today) as WorkbenchAppointment[]);
    return {
      today,
      agentId: who,
      rows: rows.map(({ vehicleId: _v, ...r }) => toRow(r, today)),
      counts: { today: c.n - c.overdue, overdue: c.overdue },
      total: c.n,
      offset,
      appointments: appointments.map((a) => ({ ...a, phone: formatPhone(a.phone) })),
    };
  }

  /**
   * One agent task (or, with source 'solicitation', one 招揽任务) as a workbench row, whatever its
   * status: what a stale outcome is answered with, and the task the dialer's card opens.
   */
  taskRow(taskId: number, source: 'task' | 'solicitation' = 'task'): WorkbenchRow {
    const r = this.core.sqlite
      .prepare(
        `select x.*, cu.name as customerName, cu.dnd_call as dndCall, cu.dnd_sms as dndSms, ${primaryPhoneExpr('cu.id')} as phone,
                (select v.plate from vehicles v where v.id = x.vehicleId) as plate
           from (${source === 'task' ? TASK_KEYS : SOLICITATION_ROW} where t.id = ?) x join customers cu on cu.id = x.customerId`,
      )
      .get(taskId) as (DbRow & { vehicleId: number | null }) | undefined;
    if (!r) throw new AppError('NOT_FOUND');
    const { vehicleId: _v, ...row } = r;
    return toRow(row, this.today());
  }

  /** `expectedVersion`: the version of the task the user's workbench loaded (issue 15); omitted only by background writes. */
  outcome(
    s: SessionCtx,
    locale: Locale,
    input: { taskId: number; expectedVersion?: number; outcome: 'done' | 'failed' | 'reschedule' | 'repairing'; note: string; dueDate?: string },
  ): { id: number; status: string; dueDate: string; nextTaskId?: number | null } {
    const t = this.core.sqlite.prepare('select id, kind, status, assignee_id as assigneeId, due_date as dueDate, notes, version from tasks where id = ?').get(input.taskId) as
      | { id: number; kind: string; status: string; assigneeId: number | null; dueDate: string; notes: string | null; version: number }
      | undefined;
    if (!t) throw new AppError('NOT_FOUND');
    if (t.assigneeId !== s.user.id && !isWorkbenchManager(s.user.role)) throw refuse('workbench.notYours', locale, 'taskId', 'FORBIDDEN');
    // Before the state rules: a colleague who closed or moved it meanwhile is shown, not just refused.
    assertVersion(t, input.expectedVersion, 'task');
    if (t.status !== 'open' && t.status !== 'in_progress') throw refuse('workbench.notOpen', locale, 'taskId', 'CONFLICT');
    const note = input.note.trim();
    if (input.outcome === 'repairing') {
      // 修复中: only a low-score follow-up; the follow-up form's rule closes it and plans the next one.
      if (t.kind !== 'low_score') new CareProblems(locale).add('outcome', 'workbench.repairingLowScoreOnly').throwIfAny();
      const r = new LowScoreService(this.core).close(s, { taskId: t.id, expectedVersion: input.expectedVersion, outcome: 'repairing', description: note, nextDueDate: input.dueDate });
      return { id: t.id, status: 'done', dueDate: t.dueDate, nextTaskId: r.nextTaskId };
    }
    const now = this.core.clock.now();
    const notes = note ? (t.notes ? `${t.notes}\n${note}` : note) : t.notes;
    if (input.outcome === 'reschedule') {
      if (!input.dueDate || input.dueDate < this.today()) throw refuse('workbench.dueDate.invalid', locale, 'dueDate');
      this.writer.update(s.user.id, 'task', tasks, t.id, { dueDate: input.dueDate, notes, updatedAt: now }, undefined, { expectedVersion: input.expectedVersion });
      return { id: t.id, status: t.status, dueDate: input.dueDate };
    }
    if (input.outcome === 'failed' && !note) throw refuse('workbench.noteRequired', locale, 'note');
    if (input.outcome === 'done' && t.kind === 'low_score' && !isRealFollowUpNote(note)) throw refuse('workbench.realNote', locale, 'note');
    const status = input.outcome === 'done' ? 'done' : 'failed';
    this.writer.update(s.user.id, 'task', tasks, t.id, { status, result: input.outcome, notes, closedAt: now, updatedAt: now }, undefined, { expectedVersion: input.expectedVersion });
    return { id: t.id, status, dueDate: t.dueDate };
  }

  agents(): { id: number; name: string }[] {
    return this.core.sqlite.prepare(`select id, display_name as name from users where active = 1 and role in ${AGENT_ROLES} order by role = 'serviceManager', display_name, id`).all() as {
      id: number;
      name: string;
    }[];
  }

  /** Open and overdue counts per agent and kind; unassigned work shows under agentId null. */
  load(): { today: string; rows: AgentLoad[] } {
    const today = this.today();
    const rows = this.core.sqlite
      .prepare(
        `select x.agentId, u.display_name as agentName, x.kind, count(*) as open, sum(x.due < ?) as overdue from (
           select assignee_id as agentId, kind, due_date as due from tasks where status in ${OPEN_TASK_STATUSES}
           union all
           select assignee_id, 'solicitation', window_end from solicitation_tasks where status in ${OPEN_SOLICITATION_STATUSES}
         ) x left join users u on u.id = x.agentId
         group by x.agentId, x.kind order by u.display_name is null, u.display_name, x.kind`,
      )
      .all(today) as (Omit<AgentLoad, 'kind'> & { kind: WorkbenchKind })[];
    return { today, rows };
  }

  /**
   * Moves open tasks to another agent in one transaction: one 'reassign' audit row per task (before /
   * after assignee) and one summary row, so each task's trail shows every agent it had.
   */
  reassign(s: SessionCtx, locale: Locale, input: { taskIds?: number[]; fromAgentId?: number; toAgentId: number }): { moved: number; toAgentId: number } {
    if (!isWorkbenchManager(s.user.role)) throw new AppError('FORBIDDEN');
    if (!this.core.sqlite.prepare(`select 1 from users where id = ? and active = 1 and role in ${AGENT_ROLES}`).get(input.toAgentId)) {
      throw refuse('workbench.agent.invalid', locale, 'toAgentId');
    }
    const picked = (
      input.taskIds
        ? this.core.sqlite
            .prepare(`select id, assignee_id as a from tasks where id in (select value from json_each(?)) and status in ${OPEN_TASK_STATUSES}`)
            .all(JSON.stringify([...new Set(input.taskIds)]))
        : this.core.sqlite.prepare(`select id, assignee_id as a from tasks where assignee_id = ? and status in ${OPEN_TASK_STATUSES}`).all(input.fromAgentId)
    ) as { id: number; a: number | null }[];
    const moving = picked.filter((p) => p.a !== input.toAgentId);
    const now = this.core.clock.now();
    this.core.db.transaction((tx) => {
      // A background move (no version asked for) still makes an open outcome form's copy stale.
      const upd = this.core.sqlite.prepare('update tasks set assignee_id = ?, updated_at = ?, version = version + 1 where id = ?');
      writeAudit(tx, this.core.clock, {
        userId: s.user.id,
        action: 'reassign',
        entity: 'task_reassignment',
        entityId: null,
        after: { toAgentId: input.toAgentId, fromAgentId: input.fromAgentId ?? null, mode: input.taskIds ? 'ids' : 'agent', tasks: moving.length },
      });
      for (const m of moving) {
        upd.run(input.toAgentId, now, m.id);
        writeAudit(tx, this.core.clock, { userId: s.user.id, action: 'reassign', entity: 'task', entityId: m.id, before: { assigneeId: m.a }, after: { assigneeId: input.toAgentId } });
      }
    });
    // Committed: both agents' workbenches reload at once, wherever they sit.
    publishTaskMoves(this.core, moving.map((m) => ({ from: m.a, to: input.toAgentId })));
    return { moved: moving.length, toAgentId: input.toAgentId };
  }
}
