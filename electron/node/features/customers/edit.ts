import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { customerPhones, customers, vehicles } from '../../../../db/schema';
import type { ParsedInputOf } from '../../../common/api/contract';
import type { customersEditApi, PhoneCheck } from '../../../common/api/customers';
import { FIELD_MESSAGES, FIELD_TEXTS, type FieldMessageKey, type Locale } from '../../../common/i18n/errors';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { FieldProblems } from '../../field-problems';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { isDate, todayIn } from '../../../common/dates';
import { Dictionaries } from './dictionaries';
import { isPhoneError, normalizePhone } from '../../../common/phone';
import { normalizePlate } from './plate';
import { birthdayOfIdNumber, genderOfIdNumber, idNumberProblem, isPlausibleEmail, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { teamOwnerIdsSql } from './visibility';

type Api = typeof customersEditApi;
export type CreateInput = ParsedInputOf<Api['customers.create']>;
export type UpdateInput = ParsedInputOf<Api['customers.update']>;
type PhoneIn = CreateInput['phones'][number];
type VehicleIn = CreateInput['vehicles'][number];
type CustomerRow = typeof customers.$inferSelect;
type CustomerValues = Partial<typeof customers.$inferInsert>;
/** A stored phone as read with better-sqlite3 (isPrimary is 0 / 1 there). */
type StoredPhone = { id: number; raw: string; normalized: string; kind: 'mobile' | 'landline' | 'other'; isPrimary: number };
type PhoneValues = Omit<typeof customerPhones.$inferInsert, 'customerId'>;

/** Field problems of the customer form (FIELD_MESSAGES), all shown at once. */
type Problems = FieldProblems<FieldMessageKey>;

/** 张三 → 张*; shown for a customer the user may not open, so a colleague's customer is recognisable but not exposed. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

const blank = (v: string | null | undefined): boolean => v == null || v.trim() === '';
const textOrNull = (v: string | null | undefined): string | null => (blank(v) ? null : v!.trim());

/**
 * Create and edit of customers (profile, phones, vehicles) with the checks a dealer's staff need
 * explained in their language, each save in one transaction together with its audit rows.
 */
export class CustomerEditService {
  private writer: AuditedWriter;
  private dict: Dictionaries;
  private q;

  constructor(private core: Pick<Core, 'auth' | 'clock' | 'db' | 'settings' | 'sqlite' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
    this.dict = new Dictionaries(core.sqlite);
    const s = core.sqlite;
    this.q = {
      vinOwner: s.prepare<[string], { customerId: number }>('SELECT customer_id AS customerId FROM vehicles WHERE vin = ?'),
      user: s.prepare<[number], { id: number; active: number }>('SELECT id, active FROM users WHERE id = ?'),
      phonesOf: s.prepare<[number], StoredPhone>('SELECT id, raw, normalized, kind, is_primary AS isPrimary FROM customer_phones WHERE customer_id = ? ORDER BY id'),
    };
  }

  dictionary(kind: string) {
    return this.dict.list(kind);
  }

  private today(): string {
    return todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
  }

  /** Other customers with this normalised number, each with whether the user may open them. */
  private owners(s: SessionCtx, normalized: string, exceptId: number | undefined): PhoneCheck['owners'] {
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    const rows = this.core.db.all<{ id: number; name: string; ownerName: string | null; canOpen: number }>(sql`
      SELECT c.id, c.name, u.display_name AS ownerName, (${visible}) AS canOpen
        FROM customers c LEFT JOIN users u ON u.id = c.owner_id
       WHERE c.id IN (SELECT customer_id FROM customer_phones WHERE normalized = ${normalized}) AND c.id <> ${exceptId ?? 0}
       ORDER BY c.id LIMIT 10`);
    return rows.map((r) => ({
      id: r.id,
      name: r.canOpen ? r.name : maskName(r.name),
      canOpen: r.canOpen === 1,
      ownerName: r.ownerName,
    }));
  }

  checkPhone(s: SessionCtx, locale: Locale, raw: string, exceptCustomerId?: number): PhoneCheck {
    const n = normalizePhone(raw, { areaCode: this.core.settings.areaCode() });
    if (isPhoneError(n)) {
      const p = new FieldProblems(locale, FIELD_TEXTS);
      p.addText('raw', n.error);
      return { normalized: null, kind: null, error: p.list[0]!.message, owners: [] };
    }
    return { normalized: n.normalized, kind: n.kind, error: null, owners: this.owners(s, n.normalized, exceptCustomerId) };
  }

  create(s: SessionCtx, locale: Locale, input: CreateInput): { id: number; duplicatePhones: PhoneCheck[] } {
    const problems = new FieldProblems(locale, FIELD_TEXTS);
    const values = this.checkProfile(problems, input, null);
    const phones = this.checkPhones(problems, input.phones, []);
    const cars = this.checkVehicles(problems, input.vehicles, null);
    values.ownerId = this.checkOwner(s, problems, input.ownerId ?? s.user.id);
    problems.throwIfAny();

    const now = this.core.clock.now();
    const actor = s.user.id;
    let id: number;
    try {
      id = this.core.db.transaction((tx) => {
        const row = this.writer.insert(actor, 'customer', customers, { ...(values as typeof customers.$inferInsert), name: values.name!, createdAt: now, updatedAt: now, createdBy: actor }, tx);
        for (const p of phones) this.writer.insert(actor, 'customer_phone', customerPhones, { ...p, customerId: row.id }, tx);
        for (const v of cars) this.writer.insert(actor, 'vehicle', vehicles, { ...v, customerId: row.id, createdAt: now, updatedAt: now }, tx);
        return row.id;
      });
    } catch (err) {
      // Another user saved the same VIN between our check and this insert: the unique index refused
      // it and the transaction rolled back; say so under the field like the check would have.
      const msg = String((err as Error)?.message ?? '');
      if ((err as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE' && msg.includes('vehicles.vin')) {
        const taken = cars.findIndex((v) => this.q.vinOwner.get(v.vin));
        problems.add(`vehicles.${Math.max(0, taken)}.vin`, 'vin.taken');
        problems.throwIfAny();
      }
      throw err;
    }
    return { id, duplicatePhones: this.duplicates(s, phones, id) };
  }

  update(s: SessionCtx, locale: Locale, input: UpdateInput): { id: number; duplicatePhones: PhoneCheck[] } {
    const before = this.visibleCustomer(s, input.id);
    // A copy older than the stored record is refused before its fields are checked: the user first
    // needs to see what the other save changed (the handler adds the current card).
    assertVersion(before, input.expectedVersion, 'customer');
    const problems = new FieldProblems(locale, FIELD_TEXTS);
    const values = this.checkProfile(problems, input.patch, before);
    const oldPhones = this.q.phonesOf.all(before.id);
    const phones = input.phones ? this.checkPhones(problems, input.phones, oldPhones) : null;
    if (input.patch.ownerId !== undefined && (input.patch.ownerId ?? null) !== before.ownerId) {
      // Moving a customer to another consultant is a reassignment: its own permission, on the server.
      if (!this.core.auth.hasPermission(s, 'customers.reassign')) throw new AppError('FORBIDDEN');
      values.ownerId = input.patch.ownerId === null ? null : this.checkOwner(s, problems, input.patch.ownerId);
    }
    problems.throwIfAny();

    const actor = s.user.id;
    this.core.db.transaction((tx) => {
      this.writer.update(actor, 'customer', customers, before.id, { ...values, updatedAt: this.core.clock.now() }, tx, { expectedVersion: input.expectedVersion });
      if (phones) this.replacePhones(tx, actor, before.id, oldPhones, phones);
    });
    return { id: before.id, duplicatePhones: phones ? this.duplicates(s, phones, before.id) : [] };
  }

  /** The users checkOwner accepts for this session, by name, the user first. */
  assignableOwners(s: SessionCtx): { id: number; name: string }[] {
    const self = { id: s.user.id, name: s.user.displayName };
    if (!MANAGER_ROLES.includes(s.user.role)) return [self];
    const scope = this.core.visibility.widest(s);
    if (scope === 'mine') return [self];
    const within = scope === 'team' ? sql`AND u.id IN ${teamOwnerIdsSql(s.user.id)}` : sql``;
    const others = this.core.db.all<{ id: number; name: string }>(
      sql`SELECT u.id, u.display_name AS name FROM users u WHERE u.active = 1 AND u.id <> ${s.user.id} ${within} ORDER BY u.display_name, u.id`,
    );
    return [self, ...others];
  }

  /** The customer if this user may see it; NOT_FOUND otherwise, exactly like a missing one. */
  private visibleCustomer(s: SessionCtx, id: number): CustomerRow {
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    const hit = this.core.db.get<{ id: number } | undefined>(sql`SELECT c.id FROM customers c WHERE c.id = ${id} AND ${visible}`);
    if (!hit) throw new AppError('NOT_FOUND');
    return this.core.db.select().from(customers).where(eq(customers.id, id)).get()!;
  }

  /**
   * Profile fields → column values. On create every field is checked; on update only the fields
   * sent, and a value equal to the stored one is not re-checked, so an old record with a legacy
   * problem can still be edited elsewhere (a changed value must be valid).
   */
  private checkProfile(p: Problems, input: UpdateInput['patch'], before: CustomerRow | null): CustomerValues {
    const out: CustomerValues = {};
    const has = (k: keyof UpdateInput['patch']) => before === null || input[k] !== undefined;
    const changed = (k: keyof CustomerRow, v: unknown) => before === null || before[k] !== v;
    const today = this.today();

    if (has('name') && input.name !== undefined) out.name = input.name.trim();
    if (has('kind')) out.kind = input.kind ?? 'individual';
    const kind = out.kind ?? before?.kind ?? 'individual';

    // Blank enumerations are stored as 其它 ('other'): DS-CRM's data-completeness rule.
    if (has('gender')) out.gender = input.gender ?? 'other';
    if (has('source')) {
      const source = textOrNull(input.source) ?? 'other';
      if (changed('source', source) && !this.dict.accepts('source', source, before?.source)) p.add('source', 'dict.unknown', { code: source });
      out.source = source;
    }
    // 职业 blank stays unknown (NULL): 其他 is an answer of its own, so no 'other' default here.
    if (has('occupation')) {
      const occupation = textOrNull(input.occupation);
      if (occupation !== null && changed('occupation', occupation) && !this.dict.accepts('occupation', occupation, before?.occupation)) p.add('occupation', 'dict.unknown', { code: occupation });
      out.occupation = occupation;
    }

    if (has('idNumber')) {
      const id = textOrNull(input.idNumber)?.toUpperCase() ?? null;
      out.idNumber = id;
      if (id !== null && changed('idNumber', id)) {
        if (kind === 'company') {
          if (!isValidUscc(id)) p.add('idNumber', 'uscc.invalid');
        } else {
          const problem = idNumberProblem(id, today);
          if (problem) p.add('idNumber', problem.key, { date: problem.date });
        }
      }
    }

    if (has('birthday')) {
      const b = textOrNull(input.birthday);
      out.birthday = b;
      if (b !== null && changed('birthday', b)) {
        if (!isDate(b)) p.add('birthday', 'date.format');
        else if (b > today) p.add('birthday', 'date.future');
        else if (b < '1900-01-01') p.add('birthday', 'date.tooOld');
      }
    }

    // A person's valid ID number fixes birthday and gender: fill them in when blank, and point out a
    // contradiction when one of the three was changed (an old contradiction sent back unchanged does
    // not block saving other fields, like any unchanged value).
    const idNumber = out.idNumber !== undefined ? out.idNumber : (before?.idNumber ?? null);
    const touched = (['idNumber', 'birthday', 'gender'] as const).some((k) => out[k] !== undefined && changed(k, out[k]));
    if (kind === 'individual' && idNumber && idNumberProblem(idNumber, today) === null && touched) {
      const born = birthdayOfIdNumber(idNumber);
      const birthday = out.birthday !== undefined ? out.birthday : (before?.birthday ?? null);
      if (birthday === null) out.birthday = born;
      else if (birthday !== born && !p.list.some((x) => x.field === 'birthday')) p.add('birthday', 'birthday.mismatch', { date: born });
      const g = genderOfIdNumber(idNumber)!;
      const gender = out.gender ?? before?.gender ?? 'other';
      if (gender === 'other') out.gender = g;
      else if (gender !== g) p.add('gender', 'gender.mismatch', { gender: FIELD_MESSAGES[`gender.${g}`][p.locale] });
    }
    if (out.birthday !== undefined) out.birthdayMd = out.birthday && isDate(out.birthday) ? out.birthday.slice(5) : null;

    if (has('email')) {
      const e = textOrNull(input.email);
      out.email = e;
      if (e !== null && changed('email', e) && !isPlausibleEmail(e)) p.add('email', 'email.invalid');
    }
    for (const k of ['province', 'city', 'address', 'wechat', 'notes'] as const) if (has(k)) out[k] = textOrNull(input[k]);
    for (const k of ['dndCall', 'dndSms', 'dndRevisit'] as const) if (has(k)) out[k] = input[k] ?? false;
    this.checkConsent(p, input, before, out, today);
    return out;
  }

  /**
   * 同意接收商业信息: checked as one whole when any of its fields is sent (the stored values fill the
   * rest). Given: the day (not after today) and how; withdrawn: the day, not before it was given.
   * Not recorded (null) clears all four.
   */
  private checkConsent(p: Problems, input: UpdateInput['patch'], before: CustomerRow | null, out: CustomerValues, today: string): void {
    const keys = ['consentStatus', 'consentDate', 'consentMethod', 'consentWithdrawnDate'] as const;
    if (before !== null && !keys.some((k) => input[k] !== undefined)) return;
    const pick = <K extends (typeof keys)[number]>(k: K) => (input[k] !== undefined ? input[k] : (before?.[k] ?? null));
    const status = pick('consentStatus') ?? null;
    const day = (field: 'consentDate' | 'consentWithdrawnDate', v: string | null, missing: FieldMessageKey): string | null => {
      const d = textOrNull(v);
      if (d === null) p.add(field, missing);
      else if (!isDate(d)) p.add(field, 'date.format');
      else if (d > today) p.add(field, 'date.future');
      return d;
    };
    if (status === null) {
      Object.assign(out, { consentStatus: null, consentDate: null, consentMethod: null, consentWithdrawnDate: null });
      return;
    }
    const given = status === 'given' ? day('consentDate', pick('consentDate'), 'consent.date') : textOrNull(pick('consentDate'));
    const method = pick('consentMethod') ?? null;
    if (status === 'given' && method === null) p.add('consentMethod', 'consent.method');
    let withdrawn: string | null = null;
    if (status === 'withdrawn') {
      withdrawn = day('consentWithdrawnDate', pick('consentWithdrawnDate'), 'consent.withdrawnDate');
      if (withdrawn && given && isDate(withdrawn) && withdrawn < given) p.add('consentWithdrawnDate', 'consent.withdrawnBefore');
    }
    Object.assign(out, { consentStatus: status, consentDate: given, consentMethod: method, consentWithdrawnDate: withdrawn });
  }

  /**
   * Phones → rows to store. Exactly one primary: the one marked (the first when none is); a second
   * mark is a field error. A number typed exactly as already stored keeps its stored form.
   */
  private checkPhones(p: Problems, input: PhoneIn[], stored: StoredPhone[]): PhoneValues[] {
    const out: PhoneValues[] = [];
    const seen = new Set<string>();
    let primary = -1;
    // A local landline typed without its area code is one in the dealer's area (系统设置 本地区号).
    const areaCode = this.core.settings.areaCode();
    input.forEach((ph, i) => {
      const raw = ph.raw.trim();
      if (ph.isPrimary) {
        if (primary >= 0) p.add(`phones.${i}.isPrimary`, 'phone.onePrimary');
        else primary = i;
      }
      const kept = stored.find((x) => x.raw === raw);
      const n = kept ? { normalized: kept.normalized, kind: kept.kind } : normalizePhone(raw, { areaCode });
      if ('error' in n) {
        p.addText(`phones.${i}.raw`, n.error);
        return;
      }
      if (seen.has(n.normalized)) {
        p.add(`phones.${i}.raw`, 'phone.repeated');
        return;
      }
      seen.add(n.normalized);
      out.push({ raw, normalized: n.normalized, kind: n.kind, isPrimary: primary === i });
    });
    // None marked (or the marked one was rejected, and then the save fails anyway): the first is primary.
    if (out.length && !out.some((x) => x.isPrimary)) out[0]!.isPrimary = true;
    return out;
  }

  private checkVehicles(p: Problems, input: VehicleIn[], customerId: number | null): Omit<typeof vehicles.$inferInsert, 'customerId' | 'createdAt' | 'updatedAt'>[] {
    const today = this.today();
    const seen = new Set<string>();
    return input.map((v, i) => {
      const vin = v.vin.replace(/[\s\u3000]/g, '').toUpperCase();
      if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) p.add(`vehicles.${i}.vin`, vin ? 'vin.format' : 'required');
      else if (!isValidVin(vin)) p.add(`vehicles.${i}.vin`, 'vin.check');
      else if (seen.has(vin)) p.add(`vehicles.${i}.vin`, 'vin.repeated');
      else {
        const owner = this.q.vinOwner.get(vin);
        if (owner && owner.customerId !== customerId) p.add(`vehicles.${i}.vin`, 'vin.taken');
      }
      seen.add(vin);
      let plate: string | null = null;
      if (!blank(v.plate)) {
        plate = normalizePlate(v.plate!);
        if (plate === null) p.add(`vehicles.${i}.plate`, 'plate.invalid');
      }
      if (!this.dict.accepts('model', v.model)) p.add(`vehicles.${i}.model`, 'dict.unknown', { code: v.model });
      const purchaseDate = textOrNull(v.purchaseDate);
      if (purchaseDate !== null) {
        if (!isDate(purchaseDate)) p.add(`vehicles.${i}.purchaseDate`, 'date.format');
        else if (purchaseDate > today) p.add(`vehicles.${i}.purchaseDate`, 'date.future');
      }
      return { vin, plate, model: v.model, colour: textOrNull(v.colour), purchaseDate, mileage: v.mileage ?? null };
    });
  }

  /**
   * Who owns the customer. A consultant's customers are their own (asking for another owner is
   * refused, not silently changed); a manager may name an active user within what they see —
   * their teams, or anyone with customers.viewAll.
   */
  private checkOwner(s: SessionCtx, p: Problems, wanted: number): number {
    const self = s.user.id;
    if (wanted === self) return wanted;
    if (!MANAGER_ROLES.includes(s.user.role)) throw new AppError('FORBIDDEN');
    const scope = this.core.visibility.widest(s);
    const user = this.q.user.get(wanted);
    let ok = !!user && user.active === 1 && scope !== 'mine';
    if (ok && scope === 'team') {
      ok = !!this.core.db.get(sql`SELECT 1 AS ok WHERE ${wanted} IN ${teamOwnerIdsSql(self)}`);
    }
    if (!ok) p.add('ownerId', 'owner.invalid');
    return wanted;
  }

  /** Replace-set by normalised number: unchanged numbers keep their row (and id), others are deleted or added. */
  private replacePhones(tx: Db, actor: number, customerId: number, stored: StoredPhone[], next: PhoneValues[]): void {
    const byNumber = new Map(stored.map((r) => [r.normalized, r]));
    const keep = new Set(next.map((n) => n.normalized));
    for (const r of stored) if (!keep.has(r.normalized)) this.writer.delete(actor, 'customer_phone', customerPhones, r.id, tx);
    for (const n of next) {
      const old = byNumber.get(n.normalized);
      if (!old) this.writer.insert(actor, 'customer_phone', customerPhones, { ...n, customerId }, tx);
      else if (old.raw !== n.raw || Boolean(old.isPrimary) !== n.isPrimary || old.kind !== n.kind) {
        this.writer.update(actor, 'customer_phone', customerPhones, old.id, { raw: n.raw, kind: n.kind, isPrimary: n.isPrimary }, tx);
      }
    }
  }

  private duplicates(s: SessionCtx, phones: PhoneValues[], customerId: number): PhoneCheck[] {
    const out: PhoneCheck[] = [];
    for (const ph of phones) {
      const owners = this.owners(s, ph.normalized, customerId);
      if (owners.length) out.push({ normalized: ph.normalized, kind: ph.kind === 'landline' ? 'landline' : 'mobile', error: null, owners });
    }
    return out;
  }
}
