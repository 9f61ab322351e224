import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { GridSelection } from '../../../common/api/grid';
import type { TaskPoolAssignResult, TaskPoolPrioritizeResult } from '../../../common/api/task-pool';
import type { TaskPriority } from '../../../common/api/service-texts';
import { FIELD_MESSAGES, type FieldMessageKey, type Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import { and, datasetDef, filterSql } from '../grid';
import { publishTaskMoves, publishTaskPriorities, type TaskMove } from './task-events';
import { OPEN_TASK_STATUSES } from './task-queues';
import { isWorkbenchManager } from './workbench';

/** Who takes agent tasks (the same people the workbench's 分配给 offers). */
const AGENT_ROLES = "('serviceAgent', 'serviceManager')";

/**
 * Pure: spreads tasks (already in the order they should be worked: earliest due first) over the
 * agents in turn, so each gets the same number ±1 and a similar mix of due dates.
 */
export function spreadEvenly<T>(items: readonly T[], agents: readonly number[]): Map<number, T[]> {
  const out = new Map<number, T[]>(agents.map((a) => [a, []]));
  items.forEach((item, i) => out.get(agents[i % agents.length]!)!.push(item));
  return out;
}

function refuse(key: FieldMessageKey, locale: Locale, field: string, code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT'): AppError {
  const message = FIELD_MESSAGES[key][locale];
  return code === 'INVALID_INPUT' ? new AppError(code, { issues: message, fields: [{ field, message }] }) : new AppError(code, { reason: message });
}

/**
 * 任务分配: hands out agents' tasks chosen on the 客服任务 grid (serviceTasks data set) — the ticked
 * ids or every row matching the grid's query, within what the manager's scope shows — to one or
 * several agents, in one transaction with an audit row per task.
 */
export class TaskPoolService {
  private dialect = new SQLiteSyncDialect();

  constructor(private core: Pick<Core, 'clock' | 'db' | 'events' | 'settings' | 'sqlite' | 'visibility'>) {}

  assign(s: SessionCtx, locale: Locale, input: { selection: GridSelection; agentIds: number[] }): TaskPoolAssignResult {
    if (!isWorkbenchManager(s.user.role)) throw new AppError('FORBIDDEN');
    const agentIds = [...new Set(input.agentIds)];
    const agents = this.core.sqlite
      .prepare(`select id, display_name as name from users where active = 1 and role in ${AGENT_ROLES} and id in (select value from json_each(?))`)
      .all(JSON.stringify(agentIds)) as { id: number; name: string }[];
    if (agents.length !== agentIds.length) throw refuse('workbench.agent.invalid', locale, 'agentIds');
    const names = new Map(agents.map((a) => [a.id, a.name]));

    const { where, expected } = this.source(s, locale, input.selection);
    const now = this.core.clock.now();
    const moves: TaskMove[] = [];
    const result = this.core.sqlite.transaction((): TaskPoolAssignResult => {
      // Read and write in one transaction: what is counted is what is handed out.
      const picked = this.all<{ id: number; a: number | null; open: number }>(
        sql`select c.id as id, c.assignee_id as a, (c.status in ${sql.raw(OPEN_TASK_STATUSES)}) as open from tasks c where ${where} order by c.due_date, c.priority desc, c.id`,
      );
      if (expected !== null && picked.length !== expected) throw refuse('taskPool.selection.changed', locale, 'selection', 'CONFLICT');
      const open = picked.filter((p) => p.open === 1);
      const upd = this.core.sqlite.prepare('update tasks set assignee_id = ?, updated_at = ?, version = version + 1 where id = ?');
      const perAgent: TaskPoolAssignResult['perAgent'] = [];
      for (const [agentId, share] of spreadEvenly(open, agentIds)) {
        let n = 0;
        for (const t of share) {
          if (t.a === agentId) continue;
          upd.run(agentId, now, t.id);
          moves.push({ from: t.a, to: agentId });
          writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'assign', entity: 'task', entityId: t.id, before: { assigneeId: t.a }, after: { assigneeId: agentId } });
          n++;
        }
        perAgent.push({ agentId, name: names.get(agentId) ?? String(agentId), assigned: n });
      }
      const assigned = perAgent.reduce((n, p) => n + p.assigned, 0);
      writeAudit(this.core.db, this.core.clock, {
        userId: s.user.id,
        action: 'assign',
        entity: 'task_assignment',
        entityId: null,
        after: { agents: agentIds, selected: picked.length, assigned, mode: 'ids' in input.selection ? 'ids' : 'query' },
      });
      return { perAgent, assigned, skippedClosed: picked.length - open.length };
    })();
    // Committed: the agents' workbenches (and the one whose tasks moved away) reload now.
    publishTaskMoves(this.core, moves);
    return result;
  }

  /**
   * 设优先级: the selected open tasks get `priority` (普通 0 / 优先 1 / 紧急 2), in one transaction with
   * an audit row per task; closed ones are left alone and counted. Within a due day the higher goes
   * first on the agent's workbench and in 作业模式.
   */
  prioritize(s: SessionCtx, locale: Locale, input: { selection: GridSelection; priority: TaskPriority }): TaskPoolPrioritizeResult {
    if (!isWorkbenchManager(s.user.role)) throw new AppError('FORBIDDEN');
    const { where, expected } = this.source(s, locale, input.selection);
    const now = this.core.clock.now();
    const perAgent = new Map<number, number>();
    const result = this.core.sqlite.transaction((): TaskPoolPrioritizeResult => {
      const picked = this.all<{ id: number; a: number | null; open: number; p: number }>(
        sql`select c.id as id, c.assignee_id as a, (c.status in ${sql.raw(OPEN_TASK_STATUSES)}) as open, c.priority as p from tasks c where ${where}`,
      );
      if (expected !== null && picked.length !== expected) throw refuse('taskPool.selection.changed', locale, 'selection', 'CONFLICT');
      const upd = this.core.sqlite.prepare('update tasks set priority = ?, updated_at = ?, version = version + 1 where id = ?');
      let changed = 0;
      for (const t of picked) {
        if (t.open !== 1 || t.p === input.priority) continue;
        upd.run(input.priority, now, t.id);
        writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'update', entity: 'task', entityId: t.id, before: { priority: t.p }, after: { priority: input.priority } });
        if (t.a !== null) perAgent.set(t.a, (perAgent.get(t.a) ?? 0) + 1);
        changed++;
      }
      writeAudit(this.core.db, this.core.clock, {
        userId: s.user.id,
        action: 'update',
        entity: 'task_priority',
        entityId: null,
        after: { priority: input.priority, selected: picked.length, changed, mode: 'ids' in input.selection ? 'ids' : 'query' },
      });
      return { changed, skippedClosed: picked.filter((p) => p.open !== 1).length };
    })();
    publishTaskPriorities(this.core, perAgent);
    return result;
  }

  /** The WHERE on tasks `c` a selection names, always within what the manager's scope shows. */
  private source(s: SessionCtx, locale: Locale, sel: GridSelection): { where: SQL; expected: number | null } {
    const widest = this.core.visibility.widest(s);
    if ('ids' in sel) {
      const ids = [...new Set(sel.ids)];
      return { where: and([sql`c.id in (select value from json_each(${JSON.stringify(ids)}))`, this.core.visibility.ownedSql(s, widest, 'c.assignee_id')]), expected: null };
    }
    const q = sel.query;
    if (q.dataset !== 'serviceTasks') throw refuse('taskPool.selection.notTasks', locale, 'selection');
    if (!this.core.visibility.scopesOf(s).includes(q.scope)) throw new AppError('FORBIDDEN');
    const ctx = { def: datasetDef('serviceTasks'), timeZone: this.core.settings.get('dealer.timeZone'), now: this.core.clock.now() };
    return { where: and([this.core.visibility.ownedSql(s, q.scope, 'c.assignee_id'), ...filterSql(ctx, q.filter)]), expected: sel.expectedCount };
  }

  private all<T>(q: SQL): T[] {
    const { sql: text, params } = this.dialect.sqlToQuery(q);
    return this.core.sqlite.prepare(text).all(...(params as unknown[])) as T[];
  }
}
