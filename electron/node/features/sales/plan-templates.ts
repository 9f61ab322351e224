import { eq, sql } from 'drizzle-orm';
import type { Db, Sqlite } from '../../../../db/client';
import { planTemplates, planTemplateSteps } from '../../../../db/schema';
import { PLAN_TEMPLATE_MIN_STEPS, type ActivityView, type PlanTemplateStep, type PlanTemplateView } from '../../../common/api/activities';
import { FIELD_MESSAGES, fieldMessage, type Locale } from '../../../common/i18n/errors';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { AuditedWriter, writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import { addDays, dayStartMs, isDate } from '../../../common/dates';
import type { ActivityService } from './activities';

/**
 * Default follow-up plans every database gets (when it has no template at all, so an admin's later
 * edits and deactivations are kept). Day offsets count from the day the plan is applied.
 */
export const DEFAULT_PLAN_TEMPLATES: { name: string; steps: PlanTemplateStep[] }[] = [
  {
    name: '标准跟进',
    steps: [
      { type: 'call', subject: '电话回访:确认需求与购车时间', offsetDays: 1, stage: 'needs_analysis' },
      { type: 'call', subject: '邀约到店:新车展示', offsetDays: 3, stage: 'presentation' },
      { type: 'test_drive', subject: '试乘试驾', offsetDays: 7, stage: 'test_drive' },
      { type: 'quote', subject: '报价与方案', offsetDays: 10, stage: 'quote_to_close' },
    ],
  },
  {
    name: '展厅首访跟进',
    steps: [
      { type: 'sms', subject: '当天短信致谢', offsetDays: 0, stage: 'initial_contact' },
      { type: 'call', subject: '次日电话回访', offsetDays: 1, stage: 'needs_analysis' },
      { type: 'wechat', subject: '微信发送车型资料与配置', offsetDays: 2, stage: 'presentation' },
      { type: 'visit', subject: '邀约再次到店试驾', offsetDays: 5, stage: 'test_drive' },
      { type: 'quote', subject: '报价跟进', offsetDays: 8, stage: 'quote_to_close' },
    ],
  },
];

/** Called once from ensureReferenceData: the default templates for a database that has none. Idempotent. */
export function ensurePlanTemplates(sqlite: Sqlite): void {
  const { n } = sqlite.prepare('SELECT COUNT(*) AS n FROM plan_templates').get() as { n: number };
  if (n > 0) return;
  const now = Date.now();
  const tpl = sqlite.prepare('INSERT INTO plan_templates (name, active, created_at) VALUES (?, 1, ?)');
  const step = sqlite.prepare('INSERT INTO plan_template_steps (template_id, sort, type, subject, offset_days, stage) VALUES (?, ?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const t of DEFAULT_PLAN_TEMPLATES) {
      const id = tpl.run(t.name, now).lastInsertRowid;
      t.steps.forEach((s, i) => step.run(id, i + 1, s.type, s.subject, s.offsetDays, s.stage ?? null));
    }
  })();
}

/** Plan templates: managers and admins edit them, everyone applies them to an opportunity. */
export class PlanTemplateService {
  private writer: AuditedWriter;

  constructor(
    private core: Pick<Core, 'clock' | 'db' | 'settings'>,
    private acts: ActivityService,
  ) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  list(s: SessionCtx, includeInactive = false): PlanTemplateView[] {
    const all = includeInactive && MANAGER_ROLES.includes(s.user.role);
    const tpls = this.core.db.all<{ id: number; name: string; active: number }>(
      sql`select id, name, active from plan_templates ${all ? sql`` : sql`where active = 1`} order by id`,
    );
    return tpls.map((t) => this.withSteps(t));
  }

  get(id: number): PlanTemplateView {
    const t = this.core.db.all<{ id: number; name: string; active: number }>(sql`select id, name, active from plan_templates where id = ${id}`)[0];
    if (!t) throw new AppError('NOT_FOUND');
    return this.withSteps(t);
  }

  private withSteps(t: { id: number; name: string; active: number }): PlanTemplateView {
    const steps = this.core.db.all<PlanTemplateStep>(
      sql`select type, subject, offset_days as offsetDays, stage from plan_template_steps where template_id = ${t.id} order by sort, id`,
    );
    return { id: t.id, name: t.name, active: Boolean(t.active), steps };
  }

  private checkSteps(locale: Locale, steps: PlanTemplateStep[]): void {
    if (steps.length < PLAN_TEMPLATE_MIN_STEPS) {
      const message = fieldMessage('planTemplate.minSteps', locale, { min: PLAN_TEMPLATE_MIN_STEPS });
      throw new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'steps', message }] });
    }
  }

  create(s: SessionCtx, locale: Locale, input: { name: string; steps: PlanTemplateStep[] }): PlanTemplateView {
    this.checkSteps(locale, input.steps);
    const id = this.core.db.transaction((tx) => {
      const t = this.writer.insert(s.user.id, 'plan_template', planTemplates, { name: input.name, active: true, createdAt: this.core.clock.now() }, tx);
      this.writeSteps(t.id, input.steps, tx);
      writeAudit(tx, this.core.clock, { userId: s.user.id, action: 'update', entity: 'plan_template', entityId: t.id, after: { steps: input.steps } });
      return t.id;
    });
    return this.get(id);
  }

  update(s: SessionCtx, locale: Locale, input: { id: number; name: string; steps: PlanTemplateStep[] }): PlanTemplateView {
    this.checkSteps(locale, input.steps);
    const before = this.get(input.id);
    this.core.db.transaction((tx) => {
      this.writer.update(s.user.id, 'plan_template', planTemplates, input.id, { name: input.name }, tx);
      tx.delete(planTemplateSteps).where(eq(planTemplateSteps.templateId, input.id)).run();
      this.writeSteps(input.id, input.steps, tx);
      writeAudit(tx, this.core.clock, { userId: s.user.id, action: 'update', entity: 'plan_template', entityId: input.id, before: { steps: before.steps }, after: { steps: input.steps } });
    });
    return this.get(input.id);
  }

  /** Deactivated templates are no longer offered; activities already planned from them stay. */
  deactivate(s: SessionCtx, input: { id: number; active?: boolean }): PlanTemplateView {
    this.writer.update(s.user.id, 'plan_template', planTemplates, input.id, { active: input.active ?? false });
    return this.get(input.id);
  }

  private writeSteps(templateId: number, steps: PlanTemplateStep[], tx: Db): void {
    steps.forEach((st, i) =>
      tx.insert(planTemplateSteps).values({ templateId, sort: i + 1, type: st.type, subject: st.subject, offsetDays: st.offsetDays, stage: st.stage ?? null }).run(),
    );
  }

  /**
   * The template's steps as planned activities of the opportunity: step k at startDate + offsetDays
   * at `time` (default 10:00) in the dealer's time zone, owned by the opportunity's consultant. One
   * transaction: all steps or none; each activity audited, plus one 'apply' row naming the template.
   */
  apply(s: SessionCtx, locale: Locale, input: { templateId: number; opportunityId: number; startDate: string; time?: string }): ActivityView[] {
    if (!isDate(input.startDate)) {
      const message = FIELD_MESSAGES['date.format'][locale];
      throw new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'startDate', message }] });
    }
    const tpl = this.get(input.templateId);
    if (!tpl.active) throw new AppError('CONFLICT', { reason: FIELD_MESSAGES['planTemplate.inactive'][locale] });
    const tz = this.core.settings.get('dealer.timeZone');
    const [hh, mm] = (input.time ?? '10:00').split(':').map(Number) as [number, number];
    return this.core.db.transaction((tx) => {
      const o = tx.all<{ customerId: number; consultantId: number | null; status: string }>(
        sql`select o.customer_id as customerId, o.consultant_id as consultantId, o.status from opportunities o
            where o.id = ${input.opportunityId} and ${this.acts.writableSql(s, 'o.consultant_id')}`,
      )[0];
      if (!o) throw new AppError('NOT_FOUND');
      if (o.status !== 'open') throw new AppError('CONFLICT', { reason: FIELD_MESSAGES['planTemplate.oppClosed'][locale] });
      const ids = tpl.steps.map((st) =>
        this.acts.insertPlanned(
          s.user.id,
          {
            customerId: o.customerId,
            opportunityId: input.opportunityId,
            ownerId: o.consultantId ?? s.user.id,
            type: st.type,
            // The day's local midnight plus the local clock time (a DST day shifts by its hour, as a wall clock would not: fine for planning).
            plannedAt: dayStartMs(addDays(input.startDate, st.offsetDays), tz) + (hh * 60 + mm) * 60_000,
            subject: st.subject,
          },
          tx,
        ),
      );
      writeAudit(tx, this.core.clock, { userId: s.user.id, action: 'apply', entity: 'plan_template', entityId: tpl.id, after: { opportunityId: input.opportunityId, startDate: input.startDate, activityIds: ids } });
      return ids.map((id) => this.acts.view(id, tx));
    });
  }
}
