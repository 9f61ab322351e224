import type { Statement } from 'better-sqlite3';
import type { ImportUndoResult } from '../../../common/api/data-import';
import type { Locale } from '../../../common/i18n/texts';
import type { Core } from '../../core';
import { yieldingTransaction } from '../../data-folder/long-write';
import { AppError, notFound } from '../../errors';
import { IMPORT_CACHE_KIB } from './service';
import { IMPORT_TEXTS, RECORD_TABLE_TEXTS } from './texts';

const MAX_BLOCKED_LISTED = 200;
const UNDOABLE = ['done', 'cancelled', 'interrupted', 'failed'];
/** Tables whose rows belong to the import itself (or to its trail), not records added since. */
const OWN_TABLES = new Set(['customer_phones', 'vehicles', 'import_batch_rows']);

interface TrailRow {
  customerId: number;
  action: 'created' | 'updated';
  version: number;
  before: string | null;
  phoneIds: string;
  vehicleIds: string;
}

class Blocked extends Error {}

/** Every (table, column) with a foreign key to `target`: where records added since the import would be. */
function referencing(sqlite: Core['sqlite'], target: string): { table: string; column: string }[] {
  return sqlite
    .prepare<[string], { table: string; column: string }>(
      `SELECT m.name AS "table", p."from" AS "column" FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND p."table" = ?`,
    )
    .all(target)
    .filter((r) => !OWN_TABLES.has(r.table));
}

/**
 * Undoes a whole import in one transaction (run in slices so the app answers meanwhile): customers
 * it created are deleted with their phones and vehicles, customers it filled in get their empty
 * fields back and lose the phones and vehicles it added. Refused — nothing undone — when any of them
 * was changed since (its version moved, its phones or vehicles were edited) or has records of its
 * own now (an opportunity, a call, a repair order …): undoing would lose someone's work. The refusal
 * lists those customers and why; each change is audited under the import's batch id.
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
      'SELECT customer_id AS customerId, action, version, before, phone_ids AS phoneIds, vehicle_ids AS vehicleIds FROM import_batch_rows WHERE batch_id = ? ORDER BY id DESC',
    )
    .all(batchId);
  const t = (key: Parameters<typeof IMPORT_TEXTS.text>[0], params?: Record<string, string>) => IMPORT_TEXTS.text(key, locale, params);
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
  const now = core.clock.now();
  const check = (r: TrailRow, current: number): string | null => {
    if (current !== r.version) return t('undo.changed');
    const phones: number[] = JSON.parse(r.phoneIds);
    const vehicles: number[] = JSON.parse(r.vehicleIds);
    const phoneNow = new Set(q.phoneIds.all(r.customerId).map((x) => x.id));
    if (phones.some((id) => !phoneNow.has(id)) || (r.action === 'created' && phoneNow.size !== phones.length)) return t('undo.phones');
    if (vehicles.some((id) => q.vehicle.get(id)?.same !== 1)) return t('undo.vehicles');
    if (r.action === 'created' && q.vehicleIds.all(r.customerId).length !== vehicles.length) return t('undo.vehicles');
    const tables = new Set<string>(r.action === 'created' ? toCustomer.get(r.customerId) : []);
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
      const reason = check(r, c.version);
      if (reason) {
        blockedCount++;
        if (blocked.length < MAX_BLOCKED_LISTED) blocked.push({ customerId: r.customerId, name: c.name, reason });
        return;
      }
      if (blockedCount) return; // refused anyway: only the list is still wanted
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
