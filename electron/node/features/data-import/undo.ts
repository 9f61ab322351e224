import type { Statement } from 'better-sqlite3';
import type { ImportUndoResult } from '../../../common/api/data-import';
import type { Locale } from '../../../common/i18n/texts';
import type { Core } from '../../core';
import { yieldingTransaction } from '../../data-folder/long-write';
import { AppError, notFound } from '../../errors';
import { IMPORT_CACHE_KIB } from './service';
import type { TrailRecords } from './kinds';
import { IMPORT_TEXTS, RECORD_TABLE_TEXTS, type ImportTextKey } from './texts';

const MAX_BLOCKED_LISTED = 200;
const UNDOABLE = ['done', 'cancelled', 'interrupted', 'failed'];
/** Tables whose rows belong to the import itself (or to its trail), not records added since. */
const OWN_TABLES = new Set(['customer_phones', 'vehicles', 'import_batch_rows']);

interface TrailRow {
  customerId: number;
  action: 'created' | 'updated' | 'attached';
  version: number;
  before: string | null;
  phoneIds: string;
  vehicleIds: string;
  records: string | null;
}

class Blocked extends Error {}

/** Every (table, column) with a foreign key to `target`: where records added since the import would be. */
function referencing(sqlite: Core['sqlite'], target: string, own: ReadonlySet<string> = OWN_TABLES): { table: string; column: string }[] {
  return sqlite
    .prepare<[string], { table: string; column: string }>(
      `SELECT m.name AS "table", p."from" AS "column" FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND p."table" = ?`,
    )
    .all(target)
    .filter((r) => !own.has(r.table));
}

/** Tables an imported opportunity's own rows are in (its first stage and its planned follow-up). */
const OPPORTUNITY_OWN = new Set(['stage_history', 'activities']);
/** The 招揽 tasks a visit marked successful are put back by the undo itself. */
const VISIT_OWN = new Set(['solicitation_tasks']);

/**
 * Undoes a whole import in one transaction (run in slices so the app answers meanwhile): customers
 * it created are deleted with their phones and vehicles, customers it filled in get their empty
 * fields back and lose the phones and vehicles it added; opportunities it added go with their first
 * stage and planned follow-up; repair orders it added go, and their vehicle's service fields and the
 * 招揽 tasks they marked successful are put back. Refused — nothing undone — when any of them was
 * changed since (its version moved, its phones or vehicles were edited, the opportunity moved on, the
 * repair order got a revisit) or has records of its own now (an opportunity, a call, a repair order
 * …): undoing would lose someone's work. The refusal lists those customers and why; each change is
 * audited under the import's batch id.
 */
export async function undoImport(core: Pick<Core, 'sqlite' | 'clock'>, actor: number, locale: Locale, batchId: number): Promise<ImportUndoResult> {
  const sqlite = core.sqlite;
  const batch = sqlite.prepare<[number], { status: string }>('SELECT status FROM import_batches WHERE id = ?').get(batchId);
  if (!batch) throw notFound();
  if (!UNDOABLE.includes(batch.status)) {
    const message = IMPORT_TEXTS.text('batch.notUndoable', locale);
    throw new AppError('CONFLICT', { reason: message });
  }
  const rows = sqlite
    .prepare<[number], TrailRow>(
      'SELECT customer_id AS customerId, action, version, before, phone_ids AS phoneIds, vehicle_ids AS vehicleIds, records FROM import_batch_rows WHERE batch_id = ? ORDER BY id DESC',
    )
    .all(batchId);
  const t = (key: Parameters<typeof IMPORT_TEXTS.text>[0], params?: Record<string, string>) => IMPORT_TEXTS.text(key, locale, params);
  const now = core.clock.now();
  const q = {
    customer: sqlite.prepare<[number], { name: string; version: number }>('SELECT name, version FROM customers WHERE id = ?'),
    phoneIds: sqlite.prepare<[number], { id: number }>('SELECT id FROM customer_phones WHERE customer_id = ? ORDER BY id'),
    vehicle: sqlite.prepare<[number], { same: number }>('SELECT updated_at = created_at AS same FROM vehicles WHERE id = ?'),
    vehicleIds: sqlite.prepare<[number], { id: number }>('SELECT id FROM vehicles WHERE customer_id = ? ORDER BY id'),
    deletePhone: sqlite.prepare('DELETE FROM customer_phones WHERE id = ?'),
    deleteVehicle: sqlite.prepare('DELETE FROM vehicles WHERE id = ?'),
    deleteCustomer: sqlite.prepare('DELETE FROM customers WHERE id = ?'),
    audit: sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, 'import_undo', 'customer', ?, ?, ?)"),
  };
  const records = new ImportedRecords(sqlite, now, actor, batchId);
  // Records added since, found per table in one pass each (a lookup per customer would scan the
  // tables whose reference has no index of its own, 87,500 times): customer id / vehicle id → tables.
  const addedSince = (target: 'customers' | 'vehicles', ids: string): Map<number, Set<string>> => {
    const out = new Map<number, Set<string>>();
    for (const r of referencing(sqlite, target)) {
      const hits = sqlite.prepare<[number], { id: number }>(`SELECT DISTINCT "${r.column}" AS id FROM "${r.table}" WHERE "${r.column}" IN (${ids})`).all(batchId);
      for (const h of hits) {
        const set = out.get(h.id) ?? new Set<string>();
        set.add(r.table);
        out.set(h.id, set);
      }
    }
    return out;
  };
  let toCustomer = new Map<number, Set<string>>();
  let toVehicle = new Map<number, Set<string>>();

  // One statement per set of filled columns (an import fills the same few), not one per customer.
  const restores = new Map<string, Statement<unknown[]>>();
  const restoreStatement = (cols: string[]) => {
    const key = cols.join(',');
    let stmt = restores.get(key);
    if (!stmt) restores.set(key, (stmt = sqlite.prepare(`UPDATE customers SET version = version + 1, updated_at = ?${cols.map((col) => `, ${col} = ?`).join('')} WHERE id = ?`)));
    return stmt;
  };
  const blocked: ImportUndoResult['blocked'] = [];
  let blockedCount = 0;
  const check = (r: TrailRow, current: number, rec: TrailRecords | null): string | null => {
    const recordReason = rec ? records.check(rec) : null;
    if (recordReason) return t(recordReason);
    if (r.action === 'attached') return null;
    if (current !== r.version) return t('undo.changed');
    const phones: number[] = JSON.parse(r.phoneIds);
    const vehicles: number[] = JSON.parse(r.vehicleIds);
    const phoneNow = new Set(q.phoneIds.all(r.customerId).map((x) => x.id));
    if (phones.some((id) => !phoneNow.has(id)) || (r.action === 'created' && phoneNow.size !== phones.length)) return t('undo.phones');
    if (vehicles.some((id) => q.vehicle.get(id)?.same !== 1)) return t('undo.vehicles');
    if (r.action === 'created' && q.vehicleIds.all(r.customerId).length !== vehicles.length) return t('undo.vehicles');
    const tables = new Set<string>(r.action === 'created' ? toCustomer.get(r.customerId) : []);
    // A customer created with its opportunity: that opportunity and its follow-up are the import's own.
    if (rec?.opportunity && records.onlyOwnOpportunity(r.customerId)) for (const own of ['opportunities', 'activities']) tables.delete(own);
    for (const id of vehicles) for (const table of toVehicle.get(id) ?? []) tables.add(table);
    const label = (table: string) => (Object.hasOwn(RECORD_TABLE_TEXTS.table, table) ? RECORD_TABLE_TEXTS.text(table as keyof typeof RECORD_TABLE_TEXTS.table, locale) : table);
    return tables.size ? t('undo.related', { tables: [...tables].map(label).join(t('separator')) }) : null;
  };

  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  try {
    await yieldingTransaction(sqlite, rows.length + 2, (step) => {
      // Step 0, inside the transaction (nothing can be added between this look and the undo): what was added since.
      if (step === 0) {
        toCustomer = addedSince('customers', "SELECT customer_id FROM import_batch_rows WHERE batch_id = ? AND action = 'created'");
        toVehicle = addedSince('vehicles', 'SELECT j.value FROM import_batch_rows r, json_each(r.vehicle_ids) j WHERE r.batch_id = ?');
        return;
      }
      const i = step - 1;
      if (i === rows.length) {
        if (blockedCount) throw new Blocked();
        sqlite.prepare("UPDATE import_batches SET status = 'undone', undone_at = ?, undone_by = ? WHERE id = ?").run(now, actor, batchId);
        sqlite
          .prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, after) VALUES (?, ?, 'import_undo', 'import_batch', ?, ?)")
          .run(now, actor, String(batchId), JSON.stringify({ customers: rows.length }));
        return;
      }
      const r = rows[i]!;
      const c = q.customer.get(r.customerId);
      if (!c) return; // deleted since (merged away): nothing of it left to undo
      const rec = r.records ? (JSON.parse(r.records) as TrailRecords) : null;
      const reason = check(r, c.version, rec);
      if (reason) {
        blockedCount++;
        if (blocked.length < MAX_BLOCKED_LISTED) blocked.push({ customerId: r.customerId, name: c.name, reason });
        return;
      }
      if (blockedCount) return; // refused anyway: only the list is still wanted
      if (rec) records.undo(rec);
      if (r.action === 'attached') return;
      for (const id of JSON.parse(r.vehicleIds) as number[]) q.deleteVehicle.run(id);
      for (const id of JSON.parse(r.phoneIds) as number[]) q.deletePhone.run(id);
      if (r.action === 'created') {
        q.deleteCustomer.run(r.customerId);
        q.audit.run(now, actor, String(r.customerId), JSON.stringify({ importBatch: batchId, name: c.name }), null);
      } else {
        const before = (r.before ? JSON.parse(r.before) : {}) as Record<string, unknown>;
        const cols = Object.keys(before).map((k) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`));
        restoreStatement(cols).run(now, ...Object.values(before), r.customerId);
        q.audit.run(now, actor, String(r.customerId), JSON.stringify({ importBatch: batchId }), JSON.stringify(before));
      }
    });
  } catch (err) {
    if (err instanceof Blocked) return { undone: false, customers: 0, blocked, blockedCount };
    throw err;
  } finally {
    if (sqlite.open) sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return { undone: true, customers: rows.length, blocked: [], blockedCount: 0 };
}

/**
 * The opportunities and repair orders an import added: whether each is still as the import left it,
 * and taking it back. Checked and undone inside the undo's one transaction.
 */
class ImportedRecords {
  private q;
  private oppRefs: { table: string; column: string }[];
  private visitRefs: { table: string; column: string }[];
  /** Vehicles whose last imported visit has been looked at (undo walks the trail newest first). */
  private vehicleSeen = new Set<number>();

  constructor(
    private sqlite: Core['sqlite'],
    private now: number,
    private actor: number,
    private batchId: number,
  ) {
    this.oppRefs = referencing(sqlite, 'opportunities', OPPORTUNITY_OWN);
    this.visitRefs = referencing(sqlite, 'service_visits', VISIT_OWN);
    this.q = {
      opp: sqlite.prepare<[number], { version: number; status: string }>('SELECT version, status FROM opportunities WHERE id = ?'),
      oppActivities: sqlite.prepare<[number], { id: number; version: number }>('SELECT id, version FROM activities WHERE opportunity_id = ?'),
      oppStages: sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM stage_history WHERE opportunity_id = ?'),
      customerOpps: sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM opportunities WHERE customer_id = ?'),
      customerActivities: sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM activities WHERE customer_id = ?'),
      visit: sqlite.prepare<[number], { id: number }>('SELECT id FROM service_visits WHERE id = ?'),
      vehicleAt: sqlite.prepare<[number], { updatedAt: number }>('SELECT updated_at AS updatedAt FROM vehicles WHERE id = ?'),
      task: sqlite.prepare<[number], { status: string; visitId: number | null }>('SELECT status, success_visit_id AS visitId FROM solicitation_tasks WHERE id = ?'),
      deleteActivity: sqlite.prepare('DELETE FROM activities WHERE opportunity_id = ?'),
      deleteStages: sqlite.prepare('DELETE FROM stage_history WHERE opportunity_id = ?'),
      deleteOpp: sqlite.prepare('DELETE FROM opportunities WHERE id = ?'),
      deleteVisit: sqlite.prepare('DELETE FROM service_visits WHERE id = ?'),
      restoreTask: sqlite.prepare('UPDATE solicitation_tasks SET status = ?, success_visit_id = NULL, updated_at = ? WHERE id = ?'),
      restoreVehicle: sqlite.prepare(
        'UPDATE vehicles SET last_service_date = @last_service_date, mileage = @mileage, mileage_date = @mileage_date, avg_km_per_day = @avg_km_per_day, next_service_date = @next_service_date, updated_at = @now WHERE id = @id',
      ),
      audit: sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, 'import_undo', ?, ?, ?, NULL)"),
    };
  }

  /** Prepared once per (table, column): asked for every row of an undo (each led by an index: tests/foreign-key-indexes.test.ts). */
  private refStatements = new Map<string, Statement<[number]>>();

  private referenced(refs: { table: string; column: string }[], id: number): boolean {
    return refs.some((r) => {
      const key = `${r.table}.${r.column}`;
      let stmt = this.refStatements.get(key);
      if (!stmt) this.refStatements.set(key, (stmt = this.sqlite.prepare<[number]>(`SELECT 1 FROM "${r.table}" WHERE "${r.column}" = ? LIMIT 1`)));
      return stmt.get(id) !== undefined;
    });
  }

  /** Why this row's records cannot be taken back, or null. */
  check(rec: TrailRecords): ImportTextKey | null {
    if (rec.opportunity) {
      const o = rec.opportunity;
      const opp = this.q.opp.get(o.id);
      const acts = this.q.oppActivities.all(o.id);
      const moved = !opp || opp.version !== o.version || opp.status !== 'open' || acts.length !== 1 || acts[0]!.id !== o.activityId || acts[0]!.version !== o.activityVersion;
      if (moved || this.q.oppStages.get(o.id)!.n !== 1 || this.referenced(this.oppRefs, o.id)) return 'undo.opportunity';
    }
    if (rec.visit) {
      const v = rec.visit;
      if (!this.q.visit.get(v.id) || this.referenced(this.visitRefs, v.id)) return 'undo.visit';
      if (v.solicitation.some((s) => this.q.task.get(s.id)?.visitId !== v.id)) return 'undo.visit';
      // The vehicle's service fields are the import's only while its last imported visit is the last thing that wrote them.
      if (!this.vehicleSeen.has(v.vehicleId)) {
        this.vehicleSeen.add(v.vehicleId);
        if (this.q.vehicleAt.get(v.vehicleId)?.updatedAt !== v.vehicleAfter) return 'undo.vehicles';
      }
    }
    return null;
  }

  /** The customer's only opportunity and activity are the ones the import made with it. */
  onlyOwnOpportunity(customerId: number): boolean {
    return this.q.customerOpps.get(customerId)!.n === 1 && this.q.customerActivities.get(customerId)!.n === 1;
  }

  undo(rec: TrailRecords): void {
    const by = JSON.stringify({ importBatch: this.batchId });
    if (rec.opportunity) {
      const id = rec.opportunity.id;
      this.q.deleteActivity.run(id);
      this.q.deleteStages.run(id);
      this.q.deleteOpp.run(id);
      this.q.audit.run(this.now, this.actor, 'opportunity', String(id), by);
    }
    if (rec.visit) {
      const v = rec.visit;
      for (const s of v.solicitation) this.q.restoreTask.run(s.status, this.now, s.id);
      this.q.deleteVisit.run(v.id);
      // Newest first: the oldest imported visit of a vehicle puts back what it held before the import.
      this.q.restoreVehicle.run({ ...v.vehicleBefore, now: this.now, id: v.vehicleId });
      this.q.audit.run(this.now, this.actor, 'service_visit', String(v.id), by);
    }
  }
}
