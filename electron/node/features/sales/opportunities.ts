import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { activities, opportunities, stageHistory } from '../../../../db/schema';
import { FIELD_TEXTS, type FieldMessageKey, type Locale } from '../../../common/i18n/errors';
import type { ActivityBrief, DeliveryInfo, OpportunityBrief, OpportunityDetail, PurchaseIntent, StageHistoryEntry } from '../../../common/api/sales';
import { STAGES, isStageCode, stageIndex, stageProbability, type StageCode } from '../../../common/stages';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { FieldProblems } from '../../field-problems';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { Dictionaries, primaryPhoneExpr } from '../customers';
import { isDate, todayIn } from '../../../common/dates';
import { dmsFileName } from './dms-export';
import { formatPhone } from '../../../common/phone';

export type OpportunitySource = 'market' | 'phone' | 'outbound' | 'showroom';
export const OPPORTUNITY_SOURCES: readonly OpportunitySource[] = ['market', 'phone', 'outbound', 'showroom'];

export interface NextActivityInput {
  type: string;
  plannedAt: number;
  subject: string;
}

export interface CreateOpportunityInput {
  customerId: number;
  consultantId?: number; // default: the acting user
  source: OpportunitySource;
  stage?: StageCode; // default 'initial_contact'
  model?: string | null;
  price?: number | null;
  expectedPurchaseDate?: string | null;
  nextActivity: NextActivityInput; // an open opportunity always has a next planned activity
}

export interface UpdateOpportunityInput {
  id: number;
  patch: {
    source?: OpportunitySource;
    model?: string | null;
    price?: number | null;
    expectedPurchaseDate?: string | null;
  };
  /** Needed only when the opportunity has no planned activity left. */
  nextActivity?: NextActivityInput | null;
  /** The version the user's form loaded; omitted only by background writes (issue 15). */
  expectedVersion?: number;
}

export interface ChangeStageInput {
  id: number;
  /** The version the user's form loaded; omitted only by background writes and the deal's own move. */
  expectedVersion?: number;
  stage: StageCode;
  /** Required when the stage moves backwards. */
  reason?: string | null;
  /** Needed only when the opportunity has no planned activity left. */
  nextActivity?: NextActivityInput | null;
}

export type OpportunityRow = typeof opportunities.$inferSelect;

/** A planned activity may be entered for "now"; this much slack absorbs the time the form was open. */
const PLANNED_SLACK_MS = 10 * 60_000;

const stageName = (code: string, locale: Locale) => {
  const st = STAGES.find((x) => x.code === code);
  return st ? (locale === 'en' ? st.en : st.zh) : code;
};

/** Field problems of the sales forms (FIELD_MESSAGES), in the user's language, thrown at once. */
export class SalesProblems extends FieldProblems<FieldMessageKey> {
  constructor(locale: Locale) {
    super(locale, FIELD_TEXTS);
  }
}

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';

/**
 * 销售机会: create, edit and stage moves. Every write is audited and grouped in one transaction
 * (the caller's `tx` when given, so the showroom can create the customer, visit and opportunity
 * together). Record-level rule: a user acts only on opportunities whose consultant is within
 * their widest scope (mine / their teams' / all), checked in SQL; anything else is NOT_FOUND.
 */
export class OpportunityService {
  readonly writer: AuditedWriter;
  readonly dict: Dictionaries;

  constructor(private core: Pick<Core, 'clock' | 'db' | 'settings' | 'sqlite' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
    this.dict = new Dictionaries(core.sqlite);
  }

  today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /** SQL: the opportunity row aliased `o` may be acted on by this user. */
  ownedSql(s: SessionCtx) {
    return this.core.visibility.visibleOwned(s, 'o.consultant_id');
  }

  /** The opportunity if this user may act on it; NOT_FOUND otherwise, exactly like a missing one. */
  mine(s: SessionCtx, id: number, db: Db = this.core.db): OpportunityRow {
    const row = db.get<Record<string, unknown> | undefined>(sql`SELECT o.id FROM opportunities o WHERE o.id = ${id} AND ${this.ownedSql(s)}`);
    if (!row) throw new AppError('NOT_FOUND');
    return db.select().from(opportunities).where(sql`${opportunities.id} = ${id}`).get()!;
  }

  /** The opportunity panel: details, stage history, activities summary, the customer's intents, the deal. */
  get(s: SessionCtx, id: number): OpportunityDetail {
    const o = this.mine(s, id);
    const db = this.core.db;
    const head = db.get<{ customerName: string; customerKind: 'individual' | 'company'; customerIdNumber: string | null; customerPhone: string | null; consultantName: string | null }>(sql`
      SELECT c.name AS customerName, c.kind AS customerKind, c.id_number AS customerIdNumber,
             ${sql.raw(primaryPhoneExpr('c.id'))} AS customerPhone,
             (SELECT u.display_name FROM users u WHERE u.id = ${o.consultantId}) AS consultantName
        FROM customers c WHERE c.id = ${o.customerId}`)!;
    const history = db.all<StageHistoryEntry>(sql`
      SELECT h.id, h.from_stage AS fromStage, h.to_stage AS toStage, h.reason, u.display_name AS userName, h.at
        FROM stage_history h LEFT JOIN users u ON u.id = h.user_id
       WHERE h.opportunity_id = ${id} ORDER BY h.at, h.id`);
    const brief = sql`SELECT id, type, status, planned_at AS plannedAt, done_at AS doneAt, subject, result FROM activities`;
    const counts = db.get<{ planned: number; done: number; overdue: number }>(sql`
      SELECT coalesce(sum(status = 'planned'), 0) AS planned, coalesce(sum(status = 'done'), 0) AS done,
             coalesce(sum(status = 'planned' AND planned_at < ${this.core.clock.now()}), 0) AS overdue
        FROM activities WHERE opportunity_id = ${id}`)!;
    const next = db.get<ActivityBrief | undefined>(sql`${brief} WHERE opportunity_id = ${id} AND status = 'planned' ORDER BY planned_at, id LIMIT 1`) ?? null;
    const recent = db.all<ActivityBrief>(sql`${brief} WHERE opportunity_id = ${id} ORDER BY coalesce(done_at, planned_at) DESC, id DESC LIMIT 10`);
    const d = db.get<Omit<DeliveryInfo, 'dmsFile'> | undefined>(sql`
      SELECT id, vin, model, price, delivery_date AS deliveryDate, buyer_id_number AS buyerIdNumber, vehicle_id AS vehicleId,
             dms_status AS dmsStatus, dms_attempts AS dmsAttempts, dms_last_error AS dmsLastError, dms_exported_at AS dmsExportedAt
        FROM deliveries WHERE opportunity_id = ${id} ORDER BY id DESC LIMIT 1`);
    const stage = (isStageCode(o.stage) ? o.stage : 'initial_contact') as StageCode;
    return {
      id: o.id,
      customerId: o.customerId,
      ...head,
      customerPhone: formatPhone(head.customerPhone),
      consultantId: o.consultantId,
      source: o.source,
      stage,
      probability: stageProbability(stage),
      status: o.status,
      model: o.model,
      price: o.price,
      expectedPurchaseDate: o.expectedPurchaseDate,
      abandonReason: o.abandonReason,
      competitorBrand: o.competitorBrand,
      lastStageChangeAt: o.lastStageChangeAt,
      closedAt: o.closedAt,
      createdAt: o.createdAt,
      version: o.version,
      history,
      activities: { ...counts, next, recent },
      intents: this.intentsOf(o.customerId),
      delivery: d ? { ...d, dmsFile: dmsFileName(d.id, this.core.settings.get('dms.format') === 'csv' ? 'csv' : 'json') } : null,
    };
  }

  intentsOf(customerId: number): PurchaseIntent[] {
    return this.core.db.all<PurchaseIntent>(sql`
      SELECT id, customer_id AS customerId, opportunity_id AS opportunityId, model, quantity, budget, expected_date AS expectedDate, notes, created_at AS createdAt
        FROM purchase_intents WHERE customer_id = ${customerId} ORDER BY created_at DESC, id DESC`);
  }

  /** The customer's opportunities this user may act on, newest first. */
  ofCustomer(s: SessionCtx, customerId: number): OpportunityBrief[] {
    // A customer the user may not see is not found (not an empty list that confirms it exists).
    this.core.visibility.requireVisible(s, customerId);
    return this.core.db.all<OpportunityBrief>(sql`
      SELECT o.id, o.stage, o.status, o.model, u.display_name AS consultantName, o.created_at AS createdAt
        FROM opportunities o LEFT JOIN users u ON u.id = o.consultant_id
       WHERE o.customer_id = ${customerId} AND ${this.ownedSql(s)} ORDER BY o.created_at DESC, o.id DESC`);
  }

  /** Whether the opportunity still has a planned activity (the "next activity" rule). */
  hasPlannedActivity(id: number, db: Db = this.core.db): boolean {
    return !!db.get(sql`SELECT 1 FROM activities WHERE opportunity_id = ${id} AND status = 'planned' LIMIT 1`);
  }

  checkNextActivity(p: SalesProblems, a: NextActivityInput | null | undefined, field = 'nextActivity'): void {
    if (!a) {
      p.add(field, 'sales.nextActivity.required');
      return;
    }
    if (blank(a.type)) p.add(`${field}.type`, 'required');
    else if (!this.dict.accepts('activity_type', a.type)) p.add(`${field}.type`, 'dict.unknown', { code: a.type });
    if (blank(a.subject)) p.add(`${field}.subject`, 'required');
    if (!Number.isFinite(a.plannedAt)) p.add(`${field}.plannedAt`, 'required');
    else if (a.plannedAt < this.core.clock.now() - PLANNED_SLACK_MS) p.add(`${field}.plannedAt`, 'sales.nextActivity.past');
  }

  insertActivity(tx: Db, actor: number, opp: { id: number; customerId: number; consultantId: number | null }, a: NextActivityInput): number {
    const now = this.core.clock.now();
    return this.writer.insert(
      actor,
      'activity',
      activities,
      {
        customerId: opp.customerId,
        opportunityId: opp.id,
        ownerId: opp.consultantId,
        type: a.type,
        status: 'planned',
        plannedAt: a.plannedAt,
        subject: a.subject.trim(),
        createdAt: now,
        updatedAt: now,
      },
      tx,
    ).id;
  }

  private checkCommon(p: SalesProblems, v: { source?: string; model?: string | null; price?: number | null; expectedPurchaseDate?: string | null }, before?: OpportunityRow): void {
    if (v.source !== undefined && !OPPORTUNITY_SOURCES.includes(v.source as OpportunitySource) && v.source !== before?.source) p.add('source', 'sales.source.invalid');
    if (v.model != null && !blank(v.model) && !this.dict.accepts('model', v.model, before?.model)) p.add('model', 'dict.unknown', { code: v.model });
    if (v.price != null && (!Number.isFinite(v.price) || v.price <= 0)) p.add('price', 'sales.price.invalid');
    if (v.expectedPurchaseDate != null && !blank(v.expectedPurchaseDate) && v.expectedPurchaseDate !== before?.expectedPurchaseDate) {
      if (!isDate(v.expectedPurchaseDate)) p.add('expectedPurchaseDate', 'date.format');
      else if (v.expectedPurchaseDate < this.today()) p.add('expectedPurchaseDate', 'sales.date.tooEarly');
    }
  }

  /** Opportunity + first stage_history row + its next planned activity, audited, in `tx` if given. */
  create(s: SessionCtx, input: CreateOpportunityInput, tx?: Db): { id: number; activityId: number } {
    const db = tx ?? this.core.db;
    const p = new SalesProblems(s.user.locale);
    const stage = input.stage ?? 'initial_contact';
    if (!isStageCode(stage)) p.add('stage', 'dict.unknown', { code: stage });
    else if (stage === 'delivery') p.add('stage', 'sales.stage.dealRequired');
    this.checkCommon(p, input);
    this.checkNextActivity(p, input.nextActivity);
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    if (!db.get(sql`SELECT 1 FROM customers c WHERE c.id = ${input.customerId} AND ${visible}`)) throw new AppError('NOT_FOUND');
    const consultantId = input.consultantId ?? s.user.id;
    if (consultantId !== s.user.id) {
      const scope = this.core.visibility.visibleOwned(s, 'u.id');
      if (!db.get(sql`SELECT 1 FROM users u WHERE u.id = ${consultantId} AND u.active = 1 AND ${scope}`)) p.add('consultantId', 'sales.consultant.invalid');
    }
    p.throwIfAny();

    const now = this.core.clock.now();
    const actor = s.user.id;
    return db.transaction((t) => {
      const row = this.writer.insert(
        actor,
        'opportunity',
        opportunities,
        {
          customerId: input.customerId,
          consultantId,
          source: input.source,
          stage,
          status: 'open',
          model: blank(input.model) ? null : input.model!.trim(),
          price: input.price ?? null,
          expectedPurchaseDate: blank(input.expectedPurchaseDate) ? null : input.expectedPurchaseDate!,
          lastStageChangeAt: now,
          createdAt: now,
          updatedAt: now,
        },
        t,
      );
      this.writer.insert(actor, 'stage_history', stageHistory, { opportunityId: row.id, fromStage: null, toStage: stage, reason: null, userId: actor, at: now }, t);
      const activityId = this.insertActivity(t, actor, row, input.nextActivity);
      return { id: row.id, activityId };
    });
  }

  /** Model, price, expected date, source. An open opportunity must still have a planned activity after the save. */
  update(s: SessionCtx, input: UpdateOpportunityInput, tx?: Db): void {
    const db = tx ?? this.core.db;
    const before = this.mine(s, input.id, db);
    assertVersion(before, input.expectedVersion, 'opportunity');
    const p = new SalesProblems(s.user.locale);
    if (before.status !== 'open') p.add('status', 'sales.closed', { status: before.status });
    this.checkCommon(p, input.patch, before);
    const needsActivity = before.status === 'open' && !this.hasPlannedActivity(before.id, db);
    if (needsActivity || input.nextActivity) this.checkNextActivity(p, input.nextActivity);
    p.throwIfAny();

    const patch: Partial<typeof opportunities.$inferInsert> = {};
    const { source, model, price, expectedPurchaseDate } = input.patch;
    if (source !== undefined) patch.source = source;
    if (model !== undefined) patch.model = blank(model) ? null : model!.trim();
    if (price !== undefined) patch.price = price;
    if (expectedPurchaseDate !== undefined) patch.expectedPurchaseDate = blank(expectedPurchaseDate) ? null : expectedPurchaseDate;
    db.transaction((t) => {
      this.writer.update(s.user.id, 'opportunity', opportunities, before.id, { ...patch, updatedAt: this.core.clock.now() }, t, { expectedVersion: input.expectedVersion });
      if (input.nextActivity) this.insertActivity(t, s.user.id, before, input.nextActivity);
    });
  }

  /**
   * Stage change with stage_history (time, user, reason); backwards needs a reason; 'delivery'
   * only via the deal (INVALID_INPUT 'sales.stage.dealRequired' otherwise) unless opts.viaDeal.
   * Moving to the stage it already has is a no-op (no history row). The opportunity stays open,
   * so it must keep a planned activity: pass `nextActivity` if none is left.
   */
  changeStage(s: SessionCtx, input: ChangeStageInput, tx?: Db, opts?: { viaDeal?: boolean }): void {
    const db = tx ?? this.core.db;
    const before = this.mine(s, input.id, db);
    assertVersion(before, input.expectedVersion, 'opportunity');
    const p = new SalesProblems(s.user.locale);
    if (before.status !== 'open') p.add('stage', 'sales.closed', { status: before.status });
    if (!isStageCode(input.stage)) p.add('stage', 'dict.unknown', { code: input.stage });
    p.throwIfAny();
    if (input.stage === before.stage) return;
    if (input.stage === 'delivery' && !opts?.viaDeal) p.add('stage', 'sales.stage.dealRequired');
    const from = before.stage as StageCode;
    if (isStageCode(from) && stageIndex(input.stage) < stageIndex(from) && blank(input.reason)) {
      p.add('reason', 'sales.stage.reasonRequired', { from: stageName(from, p.locale), to: stageName(input.stage, p.locale) });
    }
    const closing = input.stage === 'delivery';
    if (!closing && (input.nextActivity || !this.hasPlannedActivity(before.id, db))) this.checkNextActivity(p, input.nextActivity);
    p.throwIfAny();

    const now = this.core.clock.now();
    const actor = s.user.id;
    db.transaction((t) => {
      this.writer.update(actor, 'opportunity', opportunities, before.id, { stage: input.stage, lastStageChangeAt: now, updatedAt: now }, t, { expectedVersion: input.expectedVersion });
      this.writer.insert(
        actor,
        'stage_history',
        stageHistory,
        { opportunityId: before.id, fromStage: before.stage, toStage: input.stage, reason: blank(input.reason) ? null : input.reason!.trim(), userId: actor, at: now },
        t,
      );
      if (!closing && input.nextActivity) this.insertActivity(t, actor, before, input.nextActivity);
    });
  }
}
