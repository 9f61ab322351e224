import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { ALL_IMPORTS_ROLES, IMPORT_FIELDS, importKindsOf, MATCH_MODES_OF, type ImportBatchRow, type ImportKind, type ImportMapping, type ImportPreview, type ImportStatus, type MatchMode } from '../../../common/api/data-import';
import { dayStartMs } from '../../../common/dates';
import type { Locale } from '../../../common/i18n/texts';
import type { Core } from '../../core';
import { makePrivateFolder } from '../../data-folder/permissions';
import { longWritesIdle } from '../../data-folder/long-write';
import { AppError, notFound } from '../../errors';
import { FileImportError, type EncodingChoice, type SheetRow } from '../../file-import';
import type { SessionCtx } from '../auth';
import { maskName, pauseGroupCounts } from '../customers';
import { rowContext } from './context';
import { CustomerStore } from './customer-store';
import { CustomerRows } from './customer-kind';
import type { ImportKindRows, RunEnv, TrailEntry, ImportAudit } from './kinds';
import { OpportunityRows } from './opportunity-kind';
import { RepairOrderRows } from './repair-order-kind';
import { guessMapping } from '../../../common/import-headers';
import { importRows, readAsLabel } from './read-rows';
import { IMPORT_TEXTS, type ImportTextKey } from './texts';

/** A file larger than this is split first: an import runs as one job with one undo. */
export const MAX_IMPORT_ROWS = 200_000;
/** Rows per transaction: small enough that a cancel or a crash loses at most this much work, large enough to be fast. */
export const IMPORT_CHUNK = 1000;
/** The longest one transaction of the run holds the app's connection. */
const SLICE_MS = 200;
/** Page cache while an import runs: negative = KiB (128 MB). */
export const IMPORT_CACHE_KIB = -131_072;
const MAX_LISTED = 1000;
const SAMPLE_ROWS = 20;

export const importsDir = (dataDir: string) => path.join(dataDir, 'imports');
const sourceFile = (dataDir: string, batchId: number) => path.join(importsDir(dataDir), `${batchId}.src`);

type ImportCore = Pick<Core, 'dataDir' | 'sqlite' | 'db' | 'clock' | 'events' | 'settings' | 'services' | 'visibility' | 'uploads'>;

interface BatchRecord {
  id: number;
  kind: ImportKind;
  fileName: string;
  encoding: EncodingChoice;
  status: ImportStatus;
  createdBy: number;
}

const refuse = (locale: Locale, key: ImportTextKey, params?: Record<string, string | number>) => {
  const message = IMPORT_TEXTS.text(key, locale, params);
  return new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'file', message }] });
};


/**
 * Startup: an import the app was running when it stopped is 'interrupted' (its committed batches
 * stay and can be undone); drafts and their files are gone with the upload that made them.
 */
export function settleImportsAtStart(sqlite: Core['sqlite'], dataDir: string, now: number): void {
  sqlite.prepare("UPDATE import_batches SET status = 'interrupted', finished_at = ? WHERE status = 'running'").run(now);
  sqlite.prepare("DELETE FROM import_batches WHERE status = 'draft'").run();
  fs.rmSync(importsDir(dataDir), { recursive: true, force: true });
}

/**
 * 系统管理 → 数据导入 for customers (phones and a vehicle each), sales opportunities and repair orders:
 * preview without writing, then a run in chunks of up to 1,000 rows, each one transaction (a crash or
 * a cancel keeps the finished chunks and nothing of the one in hand: never half a row), progress to
 * the importing user after each. What a row is and does is its kind's (customer-kind.ts,
 * opportunity-kind.ts, repair-order-kind.ts); the batch's life is the same for all.
 */
export class DataImports {
  private running = new Map<number, { cancel: boolean; done: Promise<void> }>();
  private store: CustomerStore;

  constructor(private core: ImportCore) {
    this.store = new CustomerStore(core.sqlite);
  }

  /** An import is writing now (a restore waits for it to end: its rows would be in neither copy). */
  get importing(): boolean {
    return this.running.size > 0;
  }

  /** Resolves when the import has stopped (tests, shutdown). */
  async idle(batchId?: number): Promise<void> {
    for (const [id, r] of this.running) if (batchId === undefined || id === batchId) await r.done;
  }

  /** The rows of one kind, read against this user's lists and what they may see. */
  private rowsOf(kind: ImportKind, s: SessionCtx, locale: Locale): { ctx: ReturnType<typeof rowContext>; rows: ImportKindRows; canSee: (id: number) => boolean } {
    const ctx = rowContext(this.core, s, locale);
    const visible = this.core.visibility.visibleCustomers(s, 'c');
    const canSee = (id: number) => !!this.core.db.get(sql`SELECT 1 AS ok FROM customers c WHERE c.id = ${id} AND ${visible}`);
    const tz = this.core.settings.get('dealer.timeZone');
    const rows: ImportKindRows =
      kind === 'opportunities'
        ? new OpportunityRows(ctx, this.store, this.core.sqlite, (day) => dayStartMs(day, tz), canSee)
        : kind === 'repairOrders'
          ? new RepairOrderRows(this.core, locale, ctx.today)
          : new CustomerRows(ctx, this.store);
    return { ctx, rows, canSee };
  }

  /** An import this user may see: their own, or any for the general manager and the administrator (others' are "not found"). */
  batch(s: SessionCtx, id: number): BatchRecord {
    const b = this.core.sqlite
      .prepare<[number], BatchRecord>('SELECT id, kind, file_name AS fileName, encoding, status, created_by AS createdBy FROM import_batches WHERE id = ?')
      .get(id);
    if (!b || (b.createdBy !== s.user.id && !ALL_IMPORTS_ROLES.includes(s.user.role))) throw notFound();
    return b;
  }

  /** FORBIDDEN for a kind this role does not import (a sales manager's repair orders). */
  assertKind(s: SessionCtx, kind: ImportKind): void {
    if (!importKindsOf(s.user.role).includes(kind)) throw new AppError('FORBIDDEN');
  }

  /** Reads and checks the whole file; writes nothing but the draft (the file and its settings). */
  async preview(s: SessionCtx, locale: Locale, input: { kind: ImportKind; uploadId?: string; batchId?: number; encoding?: EncodingChoice; mapping?: ImportMapping }): Promise<ImportPreview> {
    const encoding = input.encoding ?? 'auto';
    this.assertKind(s, input.kind);
    let batch: BatchRecord;
    if (input.uploadId !== undefined) {
      makePrivateFolder(importsDir(this.core.dataDir));
      const now = this.core.clock.now();
      const id = Number(
        this.core.sqlite
          .prepare("INSERT INTO import_batches (kind, file_name, encoding, status, created_by, created_at) VALUES (?, '', ?, 'draft', ?, ?)")
          .run(input.kind, encoding, s.user.id, now).lastInsertRowid,
      );
      try {
        const { fileName } = this.core.uploads.takeFile(s.user.id, input.uploadId, sourceFile(this.core.dataDir, id));
        this.core.sqlite.prepare('UPDATE import_batches SET file_name = ? WHERE id = ?').run(fileName, id);
      } catch (err) {
        this.core.sqlite.prepare('DELETE FROM import_batches WHERE id = ?').run(id);
        throw err;
      }
      batch = this.batch(s, id);
    } else {
      batch = this.batch(s, input.batchId!);
      this.assertKind(s, batch.kind);
      if (batch.status !== 'draft') throw refuse(locale, 'batch.notDraft');
      this.core.sqlite.prepare('UPDATE import_batches SET encoding = ? WHERE id = ?').run(encoding, batch.id);
    }
    const file = sourceFile(this.core.dataDir, batch.id);
    if (!fs.existsSync(file)) throw refuse(locale, 'batch.fileGone');

    const { rows: kindRows, canSee: canOpen } = this.rowsOf(batch.kind, s, locale);
    const out: ImportPreview = {
      batchId: batch.id,
      kind: batch.kind,
      fileName: batch.fileName,
      readAs: '',
      header: [],
      mapping: {},
      missing: [],
      rows: 0,
      sample: [],
      bad: [],
      badRows: 0,
      matches: [],
      matchRows: 0,
      newRows: 0,
      ...(batch.kind === 'opportunities' ? { newCustomers: 0 } : {}),
    };
    // Keys of the good rows so far (VIN, ID number, phone, RO number): a later row with the same key
    // is the same record, exactly as the run will find it (the earlier row is stored by then).
    const seen = new Map<string, number>();
    try {
      out.readAs = await readAsLabel(file, encoding);
      for await (const r of importRows(file, batch.fileName, encoding)) {
        if ('header' in r) {
          out.header = r.header;
          out.mapping = input.mapping ? ownFields(batch.kind, input.mapping) : guessMapping(r.header, batch.kind);
          out.missing = kindRows.missing(out.mapping);
          if (out.missing.length) break;
          continue;
        }
        if (++out.rows > MAX_IMPORT_ROWS) throw refuse(locale, 'file.tooMany', { max: MAX_IMPORT_ROWS });
        const p = kindRows.parse(out.mapping, r.row, r.cells);
        if (out.sample.length < SAMPLE_ROWS) out.sample.push({ row: r.row, values: p.shown });
        if (p.problems.length) {
          out.badRows++;
          for (const problem of p.problems) if (out.bad.length < MAX_LISTED) out.bad.push(problem);
          continue;
        }
        const keys = kindRows.keys(p);
        const match = kindRows.existing(p);
        const inFile = match ? undefined : keys.find((k) => seen.has(k.key));
        if (match || inFile) {
          out.matchRows++;
          if (out.matches.length < MAX_LISTED) {
            if (match) {
              const open = canOpen(match.customerId);
              const name = this.store.nameOf(match.customerId);
              out.matches.push({ row: r.row, by: match.by, value: match.value, customerId: match.customerId, name: open ? name : maskName(name), canOpen: open, fileRow: null });
            } else out.matches.push({ row: r.row, by: inFile!.by, value: inFile!.value, fileRow: seen.get(inFile!.key)!, customerId: null, name: p.shown.name ?? '', canOpen: false });
          }
        } else {
          out.newRows++;
          if (out.newCustomers !== undefined && kindRows.createsCustomer?.(p, seen)) out.newCustomers++;
          kindRows.previewed?.(p);
        }
        for (const k of keys) if (!seen.has(k.key)) seen.set(k.key, p.row);
      }
    } catch (err) {
      if (err instanceof FileImportError) throw err.toAppError(locale);
      throw err;
    }
    if (!out.header.length) throw new FileImportError('empty').toAppError(locale);
    if (!out.missing.length && out.rows === 0) throw refuse(locale, 'file.noData');
    this.core.sqlite.prepare('UPDATE import_batches SET rows_total = ?, mapping = ? WHERE id = ?').run(out.rows, JSON.stringify(out.mapping), batch.id);
    return out;
  }

  /** Starts the draft in the background and answers with it running; the end comes as a dataImport.progress event. */
  start(s: SessionCtx, locale: Locale, input: { batchId: number; mapping: ImportMapping; matchMode: MatchMode; defaultOwnerId: number | null }): ImportBatchRow {
    const batch = this.batch(s, input.batchId);
    this.assertKind(s, batch.kind);
    if (batch.status !== 'draft') throw refuse(locale, 'batch.notDraft');
    if (this.running.size) throw refuse(locale, 'batch.busy');
    if (!MATCH_MODES_OF[batch.kind].includes(input.matchMode)) throw new AppError('INVALID_INPUT', { issues: 'matchMode' });
    const kind = this.rowsOf(batch.kind, s, locale);
    const mapping = ownFields(batch.kind, input.mapping);
    const missing = kind.rows.missing(mapping);
    if (missing.length) throw refuse(locale, 'file.mapping', { fields: missing.join(', ') });
    if (input.defaultOwnerId !== null && ![...kind.ctx.owners.values()].includes(input.defaultOwnerId)) throw new AppError('FORBIDDEN');
    this.core.sqlite
      .prepare("UPDATE import_batches SET status = 'running', mapping = ?, match_mode = ?, default_owner_id = ?, started_at = ?, rows_done = 0 WHERE id = ?")
      .run(JSON.stringify(mapping), input.matchMode, input.defaultOwnerId, this.core.clock.now(), batch.id);
    const state = { cancel: false, done: Promise.resolve() };
    state.done = this.run(s, kind, batch, { ...input, mapping }, state).finally(() => this.running.delete(batch.id));
    this.running.set(batch.id, state);
    return this.get(batch.id);
  }

  cancel(s: SessionCtx, batchId: number): ImportBatchRow {
    this.batch(s, batchId);
    const r = this.running.get(batchId);
    if (r) r.cancel = true;
    return this.get(batchId);
  }

  /** One import as the list shows it, after `batch(s, id)` said the user may see it (or from the run itself). */
  get(batchId: number): ImportBatchRow {
    const row = this.list(null, batchId)[0];
    if (!row) throw notFound();
    return row;
  }

  /** The last 50 imports the user may see (`s` null: any, for the run's own progress). */
  list(s: SessionCtx | null, batchId?: number): ImportBatchRow[] {
    const mine = s && !ALL_IMPORTS_ROLES.includes(s.user.role) ? ` AND b.created_by = ${Number(s.user.id)}` : '';
    const where = (batchId === undefined ? "b.status <> 'draft'" : 'b.id = ?') + mine;
    const rows = this.core.sqlite
      .prepare(
        `SELECT b.id, b.kind, b.file_name AS fileName, b.status, b.match_mode AS matchMode, b.rows_total AS rowsTotal, b.rows_done AS rowsDone,
                b.created, b.updated, b.skipped, b.bad, b.error, u.display_name AS createdBy, b.created_at AS createdAt,
                b.finished_at AS finishedAt, b.undone_at AS undoneAt
           FROM import_batches b JOIN users u ON u.id = b.created_by
          WHERE ${where} ORDER BY b.id DESC LIMIT 50`,
      )
      .all(...(batchId === undefined ? [] : [batchId])) as ImportBatchRow[];
    return rows;
  }

  private async run(
    s: SessionCtx,
    kind: ReturnType<DataImports['rowsOf']>,
    batch: BatchRecord,
    input: { mapping: ImportMapping; matchMode: MatchMode; defaultOwnerId: number | null },
    state: { cancel: boolean },
  ): Promise<void> {
    const file = sourceFile(this.core.dataDir, batch.id);
    const sqlite = this.core.sqlite;
    const actor = s.user.id;
    const { ctx, rows: kindRows, canSee } = kind;
    const audit = sqlite.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, 'import', ?, ?, ?, ?)");
    const trail = sqlite.prepare(
      'INSERT INTO import_batch_rows (batch_id, customer_id, action, version, before, phone_ids, vehicle_ids, records, file_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const tally = sqlite.prepare('UPDATE import_batches SET rows_done = rows_done + ?, created = created + ?, updated = updated + ?, skipped = skipped + ?, bad = bad + ? WHERE id = ?');
    const finish = sqlite.prepare('UPDATE import_batches SET status = ?, error = ?, finished_at = ? WHERE id = ?');

    const record = (t: TrailEntry, audits: ImportAudit[], row: number, now: number) => {
      for (const a of audits) audit.run(now, actor, a.entity, String(a.entityId), a.before ? JSON.stringify(a.before) : null, JSON.stringify({ importBatch: batch.id, ...a.after }));
      const json = (v: unknown) => (v ? JSON.stringify(v) : null);
      trail.run(batch.id, t.customerId, t.action, t.version, json(t.before), JSON.stringify(t.phoneIds), JSON.stringify(t.vehicleIds), json(t.records), row);
    };
    // One transaction: rows from `from` until IMPORT_CHUNK rows or SLICE_MS have gone (the app answers
    // other requests between two), and the counts with them. Returns where the next one starts.
    const writeChunk = sqlite.transaction((rows: SheetRow[], from: number): number => {
      const now = this.core.clock.now();
      const n = { created: 0, updated: 0, skipped: 0, bad: 0 };
      // The group counts of the batch's customers are added once at its end (not by 46 trigger statements a row).
      const counts = pauseGroupCounts(sqlite);
      const written = new Set<number>();
      const beforeChange = (id: number) => {
        if (!written.has(id)) counts.uncount([id]);
        written.add(id);
      };
      const until = performance.now() + SLICE_MS;
      const env: RunEnv = { actor, now, today: ctx.today, matchMode: input.matchMode, defaultOwnerId: input.defaultOwnerId, canSee, touch: beforeChange };
      let i = from;
      for (; i < rows.length && i - from < IMPORT_CHUNK && performance.now() < until; i++) {
        const r = rows[i]!;
        const p = kindRows.parse(input.mapping, r.row, r.cells);
        if (p.problems.length) {
          n.bad++;
          continue;
        }
        const verdict = kindRows.apply(p, env);
        if (verdict === 'bad' || verdict === 'skipped') n[verdict]++;
        else {
          written.add(verdict.trail.customerId);
          record(verdict.trail, verdict.audits, r.row, now);
          n[verdict.kind]++;
        }
      }
      counts.count([...written]);
      counts.done();
      tally.run(i - from, n.created, n.updated, n.skipped, n.bad, batch.id);
      return i;
    });

    let status: ImportStatus = 'done';
    let error: string | null = null;
    // Each row adds to some twenty indexes spread over a 1M-customer file: with SQLite's default 2 MB
    // page cache nearly every one is a read from disk. A larger cache while the import runs (back
    // to what it was after) halves the time.
    const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
    sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    try {
      let chunk: SheetRow[] = [];
      const flush = async () => {
        for (let i = 0; i < chunk.length; ) {
          // A long write of another import holds the connection's transaction between its slices: ours waits.
          await longWritesIdle(sqlite);
          i = writeChunk(chunk, i);
          this.core.events.publish({ userId: actor }, 'dataImport.progress', this.get(batch.id));
          await new Promise((r) => setImmediate(r));
        }
        chunk = [];
      };
      for await (const r of importRows(file, batch.fileName, batch.encoding)) {
        if ('header' in r) continue;
        chunk.push(r);
        if (chunk.length >= IMPORT_CHUNK) await flush();
        if (state.cancel) break;
        if (!sqlite.open) return;
      }
      if (state.cancel) status = 'cancelled';
      else if (chunk.length) await flush();
      if (state.cancel) status = 'cancelled';
    } catch (err) {
      status = 'failed';
      error = err instanceof FileImportError ? err.text(ctx.locale) : String((err as Error)?.message ?? err);
    } finally {
      if (sqlite.open) sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    if (!sqlite.open) return;
    const now = this.core.clock.now();
    sqlite.transaction(() => {
      finish.run(status, error, now, batch.id);
      const b = this.get(batch.id);
      sqlite
        .prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, after) VALUES (?, ?, 'import', 'import_batch', ?, ?)")
        .run(now, actor, String(batch.id), JSON.stringify({ fileName: b.fileName, status, rows: b.rowsDone, created: b.created, updated: b.updated, skipped: b.skipped, bad: b.bad }));
    })();
    fs.rmSync(file, { force: true });
    this.core.events.publish({ userId: actor }, 'dataImport.progress', this.get(batch.id));
  }
}

/** The mapping's fields of this kind only (a saved or hand-made mapping may name others). */
function ownFields(kind: ImportKind, mapping: ImportMapping): ImportMapping {
  const own = new Set<string>(IMPORT_FIELDS[kind]);
  return Object.fromEntries(Object.entries(mapping).filter(([f]) => own.has(f))) as ImportMapping;
}
