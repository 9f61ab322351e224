import { sql } from 'drizzle-orm';
import { SERVICE_TASK_KIND_CODES } from '../../../common/service-tasks';
import { addDays } from '../../../common/dates';
import { type NewNotification, NotificationService } from '../sales';
import { BackupService } from '../backup';
import { plannedLabel } from './cron';
import type { JobDef } from './job';
import { JOB_LABELS } from './texts';

/** Tasks overdue longer than this are not escalated any more (the list stays cheap every minute). */
const ESCALATE_WITHIN_DAYS = 30;
/** At most this many tasks per minute; the rest follow in the next minutes. */
const ESCALATE_BATCH = 2_000;
/**
 * The day whose overdue tasks were all escalated, one per core in its service container
 * (core.services.escalatedDay): a task only becomes overdue when the day changes, so the other
 * minutes of the day skip the scan (hundreds of thousands of index entries at 1M customers). A
 * task dated in the past later that day is escalated the next morning.
 */
export class EscalatedDay {
  day: string | null = null;
}

/**
 * 逾期任务升级: an open task past its due day is reported once to the manager of its agent's team
 * (teams.manager_id), or to every service manager when the agent has none or it is unassigned.
 * One notification per manager and run ("N 个任务逾期"), each task marked in task_escalations in
 * the same transaction, so it is never reported twice.
 */
export const overdueEscalation: JobDef = {
  id: 'tasks.overdueEscalation',
  label: JOB_LABELS.pair('tasks.overdueEscalation'),
  cron: '* * * * *',
  catchUp: false,
  transactional: true,
  run(ctx) {
    const escalated = ctx.core.services.escalatedDay;
    if (escalated.day === ctx.day) return { created: 0, skipped: {} };
    const from = addDays(ctx.day, -ESCALATE_WITHIN_DAYS);
    const kinds = sql.join(
      SERVICE_TASK_KIND_CODES.map((k) => sql`${k}`),
      sql`, `,
    );
    // By kind and due date (tasks_kind_due_idx), not a scan of every task ever made.
    const rows = ctx.tx.all<{ id: number; manager: number | null }>(sql`
      SELECT t.id, (SELECT tm.manager_id FROM users u JOIN teams tm ON tm.id = u.team_id WHERE u.id = t.assignee_id) AS manager
        FROM tasks t
       WHERE t.kind IN (${kinds}) AND t.due_date >= ${from} AND t.due_date < ${ctx.day} AND t.status IN ('open', 'in_progress')
         AND NOT EXISTS (SELECT 1 FROM task_escalations e WHERE e.task_id = t.id)
       LIMIT ${ESCALATE_BATCH}`);
    // The run's transaction commits or the memo is not trusted: set it after commit.
    if (rows.length < ESCALATE_BATCH) {
      ctx.afterCommit(() => {
        escalated.day = ctx.day;
      });
    }
    if (rows.length === 0) return { created: 0, skipped: {} };
    const managers = ctx.tx.all<{ id: number }>(sql`SELECT id FROM users WHERE role = 'serviceManager' AND active = 1 ORDER BY id`).map((r) => r.id);
    const per = new Map<number, number>();
    let noManager = 0;
    const mark = ctx.core.sqlite.prepare('INSERT OR IGNORE INTO task_escalations (task_id, escalated_at) VALUES (?, ?)');
    const now = ctx.core.clock.now();
    for (const r of rows) {
      const to = r.manager != null ? [r.manager] : managers;
      if (to.length === 0) noManager++;
      for (const m of to) per.set(m, (per.get(m) ?? 0) + 1);
      mark.run(r.id, now);
    }
    const notes = new NotificationService(ctx.core);
    for (const [userId, n] of per) {
      const note: NewNotification = { userId, kind: 'tasks.overdue', title: `${n} 个任务已逾期未完成`, body: `截至 ${ctx.day},请在回访工作台查看并重新分配`, refType: null, refId: null };
      const id = notes.insert(note, ctx.tx);
      ctx.afterCommit(() => notes.publish(id, note));
    }
    return { created: rows.length, skipped: noManager ? { noManager } : ({} as Record<string, number>) };
  },
};

/**
 * 数据库完整性检查: PRAGMA integrity_check (every page, every index against its table) in a worker
 * with its own connection, before the backup: a damaged file stops writing (dispatch refuses
 * changes, every screen shows the banner) and is not backed up over the good backups.
 */
export const integrityCheck: JobDef = {
  id: 'maintenance.integrity',
  label: JOB_LABELS.pair('maintenance.integrity'),
  cron: '30 2 * * *',
  catchUp: false,
  transactional: false,
  async run(ctx) {
    const r = await ctx.core.health.check('integrity_check', 'nightly');
    if (r.failed) throw new Error(`integrity_check could not run: ${r.problems.join('; ')}`);
    if (!r.ok) throw new Error(`数据库已损坏 / database damaged: ${r.problems.slice(0, 3).join('; ')}`);
    return { created: 0, skipped: {} };
  },
};

/**
 * 数据库备份: a verified online backup into the administrator's backup folder, kept by
 * grandfather-father-son retention, the recordings copied beside it (backup/service.ts). A failed
 * attempt fails the job (the job log and the administrator's home screen show it).
 */
export const databaseBackup: JobDef = {
  id: 'maintenance.backup',
  label: JOB_LABELS.pair('maintenance.backup'),
  cron: '0 3 * * *',
  catchUp: false,
  transactional: false,
  async run(ctx) {
    const label = plannedLabel(ctx.plannedAt, ctx.core.settings.get('dealer.timeZone')).replace(' ', '-').replace(':', '');
    const r = await new BackupService(ctx.core).run('nightly', null, label);
    if (r.status !== 'ok') throw new Error(r.error ?? 'backup failed');
    return { created: 1, skipped: {} as Record<string, number> };
  },
};

/** 会话清理: sessions idle longer than 'security.sessionIdleHours' are deleted (they can no longer be used). */
export const sessionCleanup: JobDef = {
  id: 'maintenance.sessions',
  label: JOB_LABELS.pair('maintenance.sessions'),
  cron: '15 3 * * *',
  catchUp: false,
  transactional: true,
  run(ctx) {
    const cutoff = ctx.core.clock.now() - ctx.core.settings.get('security.sessionIdleHours') * 3_600_000;
    const r = ctx.core.sqlite.prepare('DELETE FROM sessions WHERE last_seen_at < ?').run(cutoff);
    // For a clean-up, 'created' is the rows it removed (the job log has one count of work done).
    return { created: r.changes, skipped: {} };
  },
};

/**
 * 客户去重's nightly scan: the duplicate groups the screen lists are at most a day old without
 * anyone pressing 重新查找 (the scan reads every phone: 18 s at 1M, on the read pool).
 */
export const duplicateScan: JobDef = {
  id: 'maintenance.dedupe',
  label: JOB_LABELS.pair('maintenance.dedupe'),
  cron: '45 3 * * *',
  catchUp: false,
  transactional: false,
  async run(ctx) {
    await ctx.core.services.dedupe.scan();
    return { created: ctx.core.services.dedupe.status().groups, skipped: {} as Record<string, number> };
  },
};
