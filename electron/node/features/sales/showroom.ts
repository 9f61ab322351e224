import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { customers, showroomVisits } from '../../../../db/schema';
import type { ParsedInputOf } from '../../../common/api/contract';
import { isFirstVisitMode, LATE_AFTER_MS, type showroomApi, type VisitRegistered, type VisitView } from '../../../common/api/showroom';
import type { Locale } from '../../../common/i18n/errors';
import { stageIndex, type StageCode } from '../../../common/stages';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { FieldProblems } from '../../field-problems';
import { OPPORTUNITY_TEXTS } from './opportunity-texts';
import { SHOWROOM_TEXTS } from './showroom-texts';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { CustomerEditService, Dictionaries, maskName } from '../customers';
import { isPhoneError, normalizePhone } from '../../../common/phone';
import { addDays, dayStartMs, isDate, todayIn } from '../../../common/dates';

type Api = typeof showroomApi;
export type RegisterInput = ParsedInputOf<Api['showroom.visits.register']>;
export type VisitPatch = ParsedInputOf<Api['showroom.visits.update']>['patch'];

export type ShowroomMessageKey = keyof typeof SHOWROOM_TEXTS.table;

/** Field problems of the showroom forms (SHOWROOM_TEXTS), thrown at once as INVALID_INPUT with `fields`. */
export class ShowroomProblems extends FieldProblems<ShowroomMessageKey> {
  constructor(locale: Locale) {
    super(locale, SHOWROOM_TEXTS);
  }
}

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';
export const textOrNull = (v: string | null | undefined): string | null => (blank(v) ? null : v!.trim());

/** Whether a visit was entered late: more than 24 hours after it happened. */
export function isLateEntry(visitAt: number, createdAt: number): boolean {
  return createdAt - visitAt > LATE_AFTER_MS;
}

/** Epoch ms of a local 'HH:MM' on a day in the dealer's time zone. */
export function localTime(day: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return dayStartMs(day, timeZone) + (h * 60 + m) * 60_000;
}

/**
 * Parts shared by the showroom services: the dealer's day, the consultant a record is for, and the
 * SQL rule of which records (by their consultant) the user may see and act on.
 */
export class ShowroomBase {
  readonly writer: AuditedWriter;
  readonly dict: Dictionaries;

  constructor(readonly core: Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'sqlite' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
    this.dict = new Dictionaries(core.sqlite);
  }

  get timeZone(): string {
    return this.core.settings.get('dealer.timeZone');
  }

  today(): string {
    return todayIn(this.timeZone, this.core.clock.now());
  }

  /** SQL: the record whose consultant column is `expr` is within the user's widest scope. */
  owned(s: SessionCtx, expr: string) {
    return this.core.visibility.visibleOwned(s, expr);
  }

  /**
   * The consultant a record is for: the user by default; a manager may name an active user within
   * their scope (their teams, or anyone with customers.viewAll). A consultant naming someone else is refused.
   */
  consultant(s: SessionCtx, p: ShowroomProblems, wanted: number | undefined, db: Db = this.core.db): number {
    if (wanted === undefined || wanted === s.user.id) return s.user.id;
    if (this.core.visibility.widest(s) === 'mine') throw new AppError('FORBIDDEN');
    if (!db.get(sql`SELECT 1 FROM users u WHERE u.id = ${wanted} AND u.active = 1 AND ${this.owned(s, 'u.id')}`)) p.add('consultantId', 'showroom.consultant.invalid');
    return wanted;
  }
}

const TEST_DRIVE_INDEX = stageIndex('test_drive');

/**
 * 登记来访: a registered showroom visit. In ONE transaction: the customer found by normalised phone
 * (or created through the customer service), the opportunity linked (the customer's open one) or
 * created with source 'showroom', and the visit row with the audit's fields and the late flag.
 */
export class ShowroomService extends ShowroomBase {
  private customers: CustomerEditService;

  constructor(core: Pick<Core, 'auth' | 'clock' | 'db' | 'services' | 'settings' | 'sqlite' | 'visibility'>) {
    super(core);
    this.customers = new CustomerEditService(core);
  }

  register(s: SessionCtx, input: RegisterInput): VisitRegistered {
    const p = new ShowroomProblems(s.user.locale);
    const now = this.core.clock.now();
    const tz = this.timeZone;
    const today = todayIn(tz, now);
    const consultantId = this.consultant(s, p, input.consultantId);

    let visitAt: number | null = null;
    if (!isDate(input.visitDate)) p.add('visitDate', 'date.format');
    else if (input.visitDate > today) p.add('visitDate', 'showroom.visit.future');
    else if (input.visitTime) {
      visitAt = localTime(input.visitDate, input.visitTime, tz);
      // A minute of slack: the form's clock and ours may differ a little.
      if (visitAt > now + 60_000) p.add('visitTime', 'showroom.visit.future');
    } else if (input.visitDate === today) visitAt = now;
    else p.add('visitTime', 'showroom.visit.timeRequired');

    const firstVisit = isFirstVisitMode(input.mode);
    if (input.firstVisit !== undefined && input.firstVisit !== firstVisit) {
      const kind = SHOWROOM_TEXTS.text(firstVisit ? 'kind.firstVisit' : 'kind.returnVisit', p.locale);
      p.add('firstVisit', 'showroom.mode.firstVisit', { mode: input.mode, kind });
    }

    // A local landline typed without its area code is one in the dealer's area (系统设置 本地区号).
    const phone = normalizePhone(input.phone, { areaCode: this.core.settings.areaCode() });
    if (isPhoneError(phone)) p.addText('phone', phone.error);

    const interestedModel = textOrNull(input.interestedModel);
    if (interestedModel && !this.dict.accepts('model', interestedModel)) p.add('interestedModel', 'dict.unknown', { code: interestedModel });
    let testDriveModel = input.testDrive ? (textOrNull(input.testDriveModel) ?? interestedModel) : null;
    if (input.testDrive && !testDriveModel) p.add('testDriveModel', 'required');
    else if (testDriveModel && !this.dict.accepts('model', testDriveModel)) p.add('testDriveModel', 'dict.unknown', { code: testDriveModel });
    if (!input.testDrive) testDriveModel = null;
    const competitorBrand = textOrNull(input.competitorBrand);
    if (competitorBrand && !this.dict.accepts('brand', competitorBrand)) p.add('competitorBrand', 'dict.unknown', { code: competitorBrand });
    const expected = textOrNull(input.expectedPurchaseDate);
    if (expected && !isDate(expected)) p.add('expectedPurchaseDate', 'date.format');
    else if (expected && isDate(input.visitDate) && expected < input.visitDate) p.add('expectedPurchaseDate', 'showroom.expected.beforeVisit');
    p.throwIfAny();
    const normalized = (phone as { normalized: string }).normalized;

    // Who already has this number. One the user may see is linked (their own first, then the
    // newest); one they may not see belongs to a colleague: refused with who to talk to, so the
    // lead is neither duplicated nor silently taken over.
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    const holders = this.core.db.all<{ id: number; name: string; ownerId: number | null; ownerName: string | null; canOpen: number }>(sql`
      SELECT c.id, c.name, c.owner_id AS ownerId, u.display_name AS ownerName, (${visible}) AS canOpen
        FROM customers c LEFT JOIN users u ON u.id = c.owner_id
       WHERE c.id IN (SELECT customer_id FROM customer_phones WHERE normalized = ${normalized})
       ORDER BY canOpen DESC, (c.owner_id = ${consultantId}) DESC, c.id DESC LIMIT 10`);
    const hit = holders.find((h) => h.canOpen === 1);
    if (!hit && holders.length) {
      const other = holders[0]!;
      p.add('phone', 'showroom.phone.otherConsultant', { owner: other.ownerName ?? '—', name: maskName(other.name) });
    }
    if (!hit && !firstVisit) p.add('mode', 'showroom.mode.returnNeedsCustomer');
    p.throwIfAny();

    const opps = this.core.services.sales.opportunities;
    const nextActivity = input.nextActivity ?? {
      type: 'call',
      plannedAt: dayStartMs(addDays(today, 1), tz) + 10 * 3_600_000,
      subject: OPPORTUNITY_TEXTS.text('subject.showroomVisit', s.user.locale),
    };
    const actor = s.user.id;
    return this.core.db.transaction((tx) => {
      let customerId: number;
      let customerCreated = false;
      if (hit) customerId = hit.id;
      else {
        customerId = this.createCustomer(s, input, consultantId);
        customerCreated = true;
      }

      // A visit of a customer with an open opportunity belongs to it (a return visit, or a DCC
      // lead's first visit); a second open opportunity for the same interest would split the funnel.
      const open = tx.get<{ id: number; stage: string } | undefined>(sql`
        SELECT o.id, o.stage FROM opportunities o
         WHERE o.customer_id = ${customerId} AND o.status = 'open' AND ${this.owned(s, 'o.consultant_id')}
         ORDER BY (o.consultant_id = ${consultantId}) DESC, o.id DESC LIMIT 1`);
      let opportunityId: number;
      let opportunityCreated = false;
      if (open) {
        opportunityId = open.id;
        if (input.testDrive && stageIndex(open.stage as StageCode) < TEST_DRIVE_INDEX) {
          const needsPlan = !opps.hasPlannedActivity(open.id, tx);
          opps.changeStage(s, { id: open.id, stage: 'test_drive', nextActivity: needsPlan ? nextActivity : null }, tx);
        }
      } else {
        opportunityId = opps.create(
          s,
          {
            customerId,
            consultantId,
            source: 'showroom',
            stage: input.testDrive ? 'test_drive' : 'initial_contact',
            model: interestedModel,
            expectedPurchaseDate: expected && expected >= today ? expected : null,
            nextActivity,
          },
          tx,
        ).id;
        opportunityCreated = true;
      }

      // Consent signed at the visit goes on the customer (the audit's check 4 reads it there); one given
      // before stays as it was, one withdrawn is given again.
      if (input.consentMethod) {
        const c = tx.get<{ status: string | null }>(sql`SELECT consent_status AS status FROM customers WHERE id = ${customerId}`);
        if (c?.status !== 'given') {
          this.writer.update(actor, 'customer', customers, customerId, { consentStatus: 'given', consentDate: input.visitDate, consentMethod: input.consentMethod, consentWithdrawnDate: null }, tx);
        }
      }

      const row = this.writer.insert(
        actor,
        'showroom_visit',
        showroomVisits,
        {
          customerId,
          opportunityId,
          name: input.name.trim(),
          gender: input.gender,
          phone: input.phone.trim(),
          consultantId,
          visitDate: input.visitDate,
          visitAt: visitAt!,
          firstVisit,
          visitMode: input.mode,
          testDrive: input.testDrive,
          testDriveModel,
          // Delivered implies ordered.
          ordered: input.ordered || input.delivered,
          delivered: input.delivered,
          interestedModel,
          competitorBrand,
          expectedPurchaseDate: expected,
          late: isLateEntry(visitAt!, now),
          createdAt: now,
          createdBy: actor,
        },
        tx,
      );
      return { visitId: row.id, customerId, customerCreated, opportunityId, opportunityCreated, firstVisit, late: row.late };
    });
  }

  /** The customer service's create, inside our transaction; its field names mapped onto this form's. */
  private createCustomer(s: SessionCtx, input: RegisterInput, consultantId: number): number {
    try {
      // Called inside our transaction: better-sqlite3 runs the service's own transaction as a
      // savepoint of ours on the same connection, so a later failure rolls the customer back too.
      return this.customers.create(s, s.user.locale, {
        kind: 'individual',
        name: input.name,
        gender: input.gender,
        phones: [{ raw: input.phone, isPrimary: true }],
        vehicles: [],
        source: 'showroom',
        ownerId: consultantId,
      }).id;
    } catch (err) {
      if (err instanceof AppError && err.code === 'INVALID_INPUT' && Array.isArray(err.details.fields)) {
        const rename: Record<string, string> = { 'phones.0.raw': 'phone', ownerId: 'consultantId', source: 'phone' };
        const fields = (err.details.fields as { field: string; message: string }[]).map((f) => ({ ...f, field: rename[f.field] ?? f.field }));
        throw new AppError('INVALID_INPUT', { ...err.details, fields });
      }
      throw err;
    }
  }

  /** One visit for its correction form: the user's own (a manager's teams'); NOT_FOUND otherwise. */
  get(s: SessionCtx, id: number): VisitView {
    const row = this.core.db.get<Omit<VisitView, 'firstVisit' | 'testDrive' | 'ordered' | 'delivered'> & { firstVisit: number; testDrive: number; ordered: number; delivered: number } | undefined>(sql`
      SELECT c.id, c.name, c.phone, c.consultant_id AS consultantId, u.display_name AS consultantName, c.visit_date AS visitDate, c.visit_at AS visitAt,
             c.visit_mode AS mode, c.first_visit AS firstVisit, c.interested_model AS interestedModel, c.test_drive AS testDrive, c.ordered, c.delivered, c.version
        FROM showroom_visits c LEFT JOIN users u ON u.id = c.consultant_id
       WHERE c.id = ${id} AND ${this.owned(s, 'c.consultant_id')}`);
    if (!row) throw new AppError('NOT_FOUND');
    return { ...row, firstVisit: row.firstVisit === 1, testDrive: row.testDrive === 1, ordered: row.ordered === 1, delivered: row.delivered === 1 };
  }

  /**
   * Later facts about a visit and corrections of its audit fields: the user's own visits (a manager's
   * teams'). Reassigning to another consultant is a manager's (consultant(): FORBIDDEN for a
   * consultant). The date and time are not in the patch at all.
   */
  update(s: SessionCtx, id: number, patch: VisitPatch, expectedVersion?: number): { id: number } {
    const p = new ShowroomProblems(s.user.locale);
    const before = this.core.db.get<{ id: number; customerId: number | null; testDrive: number; testDriveModel: string | null; interestedModel: string | null; ordered: number; visitDate: string; visitMode: number } | undefined>(sql`
      SELECT c.id, c.customer_id AS customerId, c.test_drive AS testDrive, c.test_drive_model AS testDriveModel, c.interested_model AS interestedModel, c.ordered, c.visit_date AS visitDate, c.visit_mode AS visitMode
        FROM showroom_visits c WHERE c.id = ${id} AND ${this.owned(s, 'c.consultant_id')}`);
    if (!before) throw new AppError('NOT_FOUND');
    const out: Partial<typeof showroomVisits.$inferInsert> = {};
    this.corrections(s, p, patch, before, out);
    for (const k of ['interestedModel', 'testDriveModel'] as const) {
      if (patch[k] === undefined) continue;
      const v = textOrNull(patch[k]);
      if (v && !this.dict.accepts('model', v, before[k])) p.add(k, 'dict.unknown', { code: v });
      out[k] = v;
    }
    if (patch.competitorBrand !== undefined) {
      const v = textOrNull(patch.competitorBrand);
      if (v && !this.dict.accepts('brand', v)) p.add('competitorBrand', 'dict.unknown', { code: v });
      out.competitorBrand = v;
    }
    if (patch.expectedPurchaseDate !== undefined) {
      const v = textOrNull(patch.expectedPurchaseDate);
      if (v && !isDate(v)) p.add('expectedPurchaseDate', 'date.format');
      else if (v && v < before.visitDate) p.add('expectedPurchaseDate', 'showroom.expected.beforeVisit');
      out.expectedPurchaseDate = v;
    }
    if (patch.testDrive !== undefined) {
      out.testDrive = patch.testDrive;
      if (!patch.testDrive) out.testDriveModel = null;
      else if (!(out.testDriveModel ?? before.testDriveModel ?? before.interestedModel)) p.add('testDriveModel', 'required');
      else out.testDriveModel = out.testDriveModel ?? before.testDriveModel ?? before.interestedModel;
    }
    if (patch.ordered !== undefined) out.ordered = patch.ordered;
    if (patch.delivered !== undefined) {
      out.delivered = patch.delivered;
      if (patch.delivered) out.ordered = true;
    }
    p.throwIfAny();
    this.writer.update(s.user.id, 'showroom_visit', showroomVisits, id, out, this.core.db, { expectedVersion });
    return { id };
  }

  /** 审核自查 checks 1–3's fields: name, phone, mode with its first-visit flag, consultant — checked as at registration. */
  private corrections(s: SessionCtx, p: ShowroomProblems, patch: VisitPatch, before: { customerId: number | null; visitMode: number }, out: Partial<typeof showroomVisits.$inferInsert>): void {
    if (patch.name !== undefined) out.name = patch.name.trim();
    if (patch.phone !== undefined) {
      const phone = normalizePhone(patch.phone, { areaCode: this.core.settings.areaCode() });
      if (isPhoneError(phone)) p.addText('phone', phone.error);
      else {
        // Another customer's number is refused, never merged: the visit stays its own customer's.
        const other = this.core.db.get<{ name: string } | undefined>(sql`
          SELECT c.name FROM customers c WHERE c.id IN (SELECT customer_id FROM customer_phones WHERE normalized = ${phone.normalized})
             AND c.id IS NOT ${before.customerId} LIMIT 1`);
        if (other) p.add('phone', 'showroom.phone.otherCustomer', { name: maskName(other.name) });
        out.phone = patch.phone.trim();
      }
    }
    const mode = patch.mode ?? before.visitMode;
    const firstVisit = isFirstVisitMode(mode);
    if (patch.firstVisit !== undefined && patch.firstVisit !== firstVisit) {
      p.add('firstVisit', 'showroom.mode.firstVisit', { mode, kind: SHOWROOM_TEXTS.text(firstVisit ? 'kind.firstVisit' : 'kind.returnVisit', p.locale) });
    }
    if (patch.mode !== undefined || patch.firstVisit !== undefined) {
      out.visitMode = mode;
      out.firstVisit = firstVisit;
    }
    if (patch.consultantId !== undefined) out.consultantId = this.consultant(s, p, patch.consultantId);
  }
}
