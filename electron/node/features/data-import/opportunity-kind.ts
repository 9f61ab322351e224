import type { ImportField, ImportMapping } from '../../../common/api/data-import';
import { STAGE } from '../../../common/api/sales-texts';
import { STAGES, type StageCode } from '../../../common/stages';
import type { Sqlite } from '../../../../db/client';
import { fromDictionary, modelCode, type CustomerValues, type RowContext } from './customer-row';
import type { CustomerStore } from './customer-store';
import type { FileKey, ImportAudit, ImportKindRows, ParsedRow, RunEnv, Verdict } from './kinds';
import { RowReader, type PhoneValues } from './row-reader';
import { IMPORT_TEXTS } from './texts';
import { addDays } from '../../../common/dates';

type Channel = 'market' | 'phone' | 'outbound' | 'showroom';
/** 来源方式 as the DMS and the form write it (the form's labels: 市场 / 电话 / 主动出击 / 展厅). */
const CHANNELS: [RegExp, Channel][] = [
  [/^(展厅|来店|到店|自然到店|showroom|walk-?in)$/i, 'showroom'],
  [/^(电话|来电|热线|phone|call)$/i, 'phone'],
  [/^(主动出击|外拓|外展|陌拜|outbound)$/i, 'outbound'],
  [/^(市场|市场活动|活动|网络|网络线索|车展|market|marketing)$/i, 'market'],
];

/** A stage from its code, its name in either language, or its probability (25% / 25). */
function parseStage(text: string): StageCode | null {
  const v = text.trim().toLowerCase().replace(/\s+/g, '');
  for (const s of STAGES) {
    if (v === s.code || v === s.zh.toLowerCase() || v === s.en.toLowerCase().replace(/\s+/g, '') || v === `${s.probability}%` || v === String(s.probability)) return s.code;
  }
  return null;
}

export interface ParsedOpportunityRow extends ParsedRow {
  name: string;
  phones: PhoneValues[];
  source: string | null;
  consultantId: number | undefined;
  model: string | null;
  stage: StageCode;
  channel: Channel;
  createdDate: string | null;
  expectedPurchaseDate: string | null;
  price: number | null;
  nextFollowUp: string | null;
}

/**
 * 销售机会 (a DMS's 潜客 export): each row is one open opportunity of the customer its phone finds
 * (a customer not here yet is created with it, as a prospect of the row's consultant), with its
 * stage, intended model, and a planned follow-up (the file's 下次跟进日期, else tomorrow) — an open
 * opportunity always has one. A customer with an open opportunity already: skip, or add another.
 */
export class OpportunityRows implements ImportKindRows<ParsedOpportunityRow> {
  private q;

  constructor(
    private ctx: RowContext,
    private store: CustomerStore,
    sqlite: Sqlite,
    private dayStart: (day: string) => number,
    private canSee: (customerId: number) => boolean,
  ) {
    this.q = {
      openOf: sqlite.prepare<[number], { id: number }>("SELECT id FROM opportunities WHERE customer_id = ? AND status = 'open' LIMIT 1"),
      customer: sqlite.prepare<[number], { ownerId: number | null; version: number }>('SELECT owner_id AS ownerId, version FROM customers WHERE id = ?'),
      insert: sqlite.prepare(
        `INSERT INTO opportunities (customer_id, consultant_id, source, stage, status, model, price, expected_purchase_date, last_stage_change_at, created_at, updated_at)
         VALUES (@customerId, @consultantId, @channel, @stage, 'open', @model, @price, @expectedPurchaseDate, @createdAt, @createdAt, @now) RETURNING id, version`,
      ),
      history: sqlite.prepare('INSERT INTO stage_history (opportunity_id, from_stage, to_stage, reason, user_id, at) VALUES (?, NULL, ?, NULL, ?, ?)'),
      activity: sqlite.prepare(
        `INSERT INTO activities (customer_id, opportunity_id, owner_id, type, status, planned_at, subject, created_at, updated_at)
         VALUES (?, ?, ?, 'call', 'planned', ?, ?, ?, ?) RETURNING id, version`,
      ),
    };
  }

  missing(mapping: ImportMapping): ImportField[] {
    const out: ImportField[] = [];
    if (mapping.name === undefined) out.push('name');
    if (mapping.mobile === undefined && mapping.phone2 === undefined) out.push('mobile');
    return out;
  }

  parse(mapping: ImportMapping, row: number, cells: readonly string[]): ParsedOpportunityRow {
    const ctx = this.ctx;
    const r = new RowReader(ctx.locale, ctx.today, mapping, row, cells);
    const name = r.text('name') ?? '';
    if (!name) r.problem('name', r.t('row.name'));
    const phones = r.phones(['mobile', 'phone2'], ctx.areaCode);
    if (!phones.length && !r.hasProblem('mobile', 'phone2')) r.problem('mobile', r.t('row.phoneNeeded'));
    const source = fromDictionary(r, ctx, 'source', ctx.sources);
    const consultantId = r.user('owner', ctx.owners, 'row.owner');

    const modelText = r.cell('model');
    let model: string | null = null;
    if (modelText) {
      model = modelCode(ctx, modelText) || null;
      if (!model) r.problem('model', r.t('row.oppModel', { value: modelText }));
      else r.shown.model = ctx.names?.get(model) ?? model;
    }

    const stageText = r.cell('stage');
    let stage: StageCode = 'initial_contact';
    const parsed = stageText ? parseStage(stageText) : stage;
    if (parsed === null) r.problem('stage', r.t('row.stage', { value: stageText }));
    else if (parsed === 'delivery') r.problem('stage', r.t('row.stageDelivery'));
    else {
      stage = parsed;
      r.shown.stage = STAGE.text(stage, ctx.locale);
    }

    const channelText = r.cell('channel');
    let channel: Channel = 'showroom';
    if (channelText) {
      const hit = CHANNELS.find(([re]) => re.test(channelText));
      if (!hit) r.problem('channel', r.t('row.channel', { value: channelText }));
      else channel = hit[1];
      r.shown.channel = channelText;
    }

    const createdDate = r.day('createdDate');
    const expectedPurchaseDate = r.day('expectedPurchaseDate', { future: true });
    const price = r.money('price');
    if (price === 0) r.problem('price', r.t('row.price', { value: r.cell('price') }));
    const nextFollowUp = r.day('nextFollowUp', { future: true });
    return { row, problems: r.problems, shown: r.shown, name, phones, source, consultantId, model, stage, channel, createdDate, expectedPurchaseDate, price, nextFollowUp };
  }

  /** The customer a row's phones find; the preview asks twice per row (existing, createsCustomer), the database once. */
  private found = new WeakMap<ParsedOpportunityRow, number | null>();
  private customerOf(p: ParsedOpportunityRow): number | null {
    if (!this.found.has(p)) this.found.set(p, this.store.match(null, p.phones, null)?.customerId ?? null);
    return this.found.get(p)!;
  }

  existing(p: ParsedOpportunityRow) {
    const customerId = this.customerOf(p);
    if (customerId === null) return null;
    const phone = p.phones[0]!.raw;
    // A customer the importer may not see is listed (masked) and skipped by the run.
    if (!this.canSee(customerId)) return { by: 'phone' as const, value: phone, customerId };
    return this.q.openOf.get(customerId) ? { by: 'openOpportunity' as const, value: phone, customerId } : null;
  }

  keys(p: ParsedOpportunityRow): FileKey[] {
    return p.phones.map((ph) => ({ by: 'openOpportunity' as const, value: ph.raw, key: `phone:${ph.normalized}` }));
  }

  createsCustomer(p: ParsedOpportunityRow, seen: { has(key: string): boolean }): boolean {
    return this.customerOf(p) === null && !this.keys(p).some((k) => seen.has(k.key));
  }

  apply(p: ParsedOpportunityRow, env: RunEnv): Verdict {
    const audits: ImportAudit[] = [];
    let customerId = this.customerOf(p);
    let created = false;
    let phoneIds: number[] = [];
    let consultantId = p.consultantId ?? null;
    if (customerId === null) {
      const values: CustomerValues = {
        name: p.name,
        kind: 'individual',
        gender: 'other',
        idNumber: null,
        birthday: null,
        birthdayMd: null,
        email: null,
        province: null,
        city: null,
        address: null,
        wechat: null,
        source: p.source ?? 'other',
        occupation: null,
        notes: null,
        ownerId: undefined,
      };
      consultantId ??= env.defaultOwnerId;
      const w = this.store.create(env.actor, env.now, env.today, values, consultantId, p.phones, null);
      customerId = w.customerId;
      phoneIds = w.phoneIds;
      created = true;
      audits.push({ entity: 'customer', entityId: w.customerId, before: null, after: w.after });
    } else {
      if (!env.canSee(customerId)) return 'skipped';
      if (env.matchMode === 'skip' && this.q.openOf.get(customerId)) return 'skipped';
      env.touch(customerId);
      consultantId ??= this.q.customer.get(customerId)!.ownerId ?? env.defaultOwnerId;
    }
    // The DMS's 建档日期 keeps the funnel's history where it was (a prospect of March stays one of March).
    const createdAt = p.createdDate ? Math.min(this.dayStart(p.createdDate), env.now) : env.now;
    const opp = this.q.insert.get({ customerId, consultantId, channel: p.channel, stage: p.stage, model: p.model, price: p.price, expectedPurchaseDate: p.expectedPurchaseDate, createdAt, now: env.now }) as {
      id: number;
      version: number;
    };
    this.q.history.run(opp.id, p.stage, env.actor, createdAt);
    // 10:00 on the follow-up day, else tomorrow's: an overdue plan in the DMS stays overdue here.
    const plannedAt = this.dayStart(p.nextFollowUp ?? addDays(env.today, 1)) + 10 * 3600_000;
    const act = this.q.activity.get(customerId, opp.id, consultantId, plannedAt, IMPORT_TEXTS.text('followUp.subject', this.ctx.locale), env.now, env.now) as { id: number; version: number };
    audits.push({ entity: 'opportunity', entityId: opp.id, before: null, after: { customerId, consultantId, stage: p.stage, model: p.model, source: p.channel, plannedAt } });
    return {
      kind: 'created',
      audits,
      trail: {
        customerId,
        action: created ? 'created' : 'attached',
        version: this.q.customer.get(customerId)!.version,
        before: null,
        phoneIds,
        vehicleIds: [],
        records: { opportunity: { id: opp.id, version: opp.version, activityId: act.id, activityVersion: act.version } },
      },
    };
  }
}
