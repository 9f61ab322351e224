import type { UploadedFile } from '../../uploads/upload-store';
import { sql } from 'drizzle-orm';
import type { ImportReport } from '../../../common/api/service-visits';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { yieldingTransaction } from '../../data-folder/long-write';
import { cleanPlate } from '../customers';
import { CARE_TEXTS } from './care-texts';
import { CareProblems, type CareMessageKey } from './service-visits-messages';
import { checkVisit, saveVisit } from './service-visits';
import { parseVisitType } from './service-visits-rules';
import { parseLooseDay } from '../../../common/dates';
import { REPAIR_ORDER_HEADER_ALIASES } from '../../../common/import-headers';
import { FileImportError, readImportTable, type EncodingChoice, type ImportTable } from '../../file-import';

export const MAX_IMPORT_ROWS = 20_000;

/** An uploaded import file with the user's choice of encoding for a CSV (default: detected). */
export type ImportUpload = UploadedFile & { encoding?: EncodingChoice };
const MAX_BAD_LISTED = 200;

/** Column names as the DMS and the manufacturer write them (lower-cased, spaces removed): the same as 数据导入's. */
export const RO_COLUMNS = REPAIR_ORDER_HEADER_ALIASES;

/** Index of each known column in the header row (-1 when absent). */
export function columnsOf<K extends string>(header: readonly string[], names: Record<K, readonly string[]>): Record<K, number> {
  const h = header.map((x) => x.toLowerCase().replace(/\s+/g, ''));
  return Object.fromEntries(Object.entries<readonly string[]>(names).map(([k, list]) => [k, h.findIndex((x) => list.includes(x))])) as Record<K, number>;
}

/** The file's header and numbered rows, or a clear refusal of the whole file (nothing is saved). */
export async function readImport(locale: Locale, file: ImportUpload): Promise<ImportTable> {
  const refuse = (key: CareMessageKey, params: Record<string, unknown> = {}) => {
    const p = new CareProblems(locale).add('file', key, params);
    return new AppError('INVALID_INPUT', { issues: p.list[0]!.message, fields: p.list });
  };
  let table: ImportTable;
  try {
    table = await readImportTable(file, { limit: MAX_IMPORT_ROWS, encoding: file.encoding });
  } catch (err) {
    if (err instanceof FileImportError) throw err.toAppError(locale);
    throw refuse('import.file');
  }
  if (table.rows.length === 0) throw refuse('import.empty');
  if (table.rows.length > MAX_IMPORT_ROWS) throw refuse('import.tooMany', { max: MAX_IMPORT_ROWS });
  return table;
}

export function missingColumns(locale: Locale, labels: string[]): AppError {
  const p = new CareProblems(locale).add('file', 'import.columns', { columns: labels.join(CARE_TEXTS.text('import.separator', locale)) });
  return new AppError('INVALID_INPUT', { issues: p.list[0]!.message, fields: p.list });
}

/** Collects bad rows: every one counted, the first 200 listed with their reasons. */
export class BadRows {
  readonly list: { row: number; reason: string }[] = [];
  count = 0;
  add(row: number, reason: string): void {
    this.count++;
    if (this.list.length < MAX_BAD_LISTED) this.list.push({ row, reason });
  }
}

/**
 * The DMS's repair orders (.xlsx / .csv). A row needs the vehicle (VIN or plate), the day, the type
 * and the RO number; an RO already here is counted as existing (re-importing the same export adds
 * nothing). Each good row is saved like a visit from the form (saveVisit: vehicle, next service,
 * 招揽成功); bad rows are listed with their row number and reason and nothing of them is saved.
 * The whole file is one transaction, run in slices that let other requests through (a quick
 * search answers during a 20,000-row import) with progress events to the importing user.
 */
export async function importRepairOrders(core: Pick<Core, 'clock' | 'db' | 'events' | 'services' | 'settings' | 'sqlite'>, actorId: number, locale: Locale, input: ImportUpload): Promise<ImportReport> {
  const { header, rows } = await readImport(locale, input);
  const col = columnsOf(header, RO_COLUMNS);
  const missing = [
    col.vin < 0 && col.plate < 0 ? 'column.vinOrPlate' : null,
    col.date < 0 ? 'column.date' : null,
    col.type < 0 ? 'column.visitType' : null,
    col.ro < 0 ? 'column.ro' : null,
  ]
    .filter((k): k is CareMessageKey => k !== null)
    .map((k) => CARE_TEXTS.text(k, locale));
  if (missing.length) throw missingColumns(locale, missing);

  const msg = (key: CareMessageKey, params?: Record<string, unknown>) => new CareProblems(locale).add('row', key, params).list[0]!.message;
  const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  const advisors = new Map(
    core.db.all<{ id: number; name: string; username: string }>(sql`SELECT id, display_name AS name, username FROM users WHERE role = 'serviceAdvisor' AND active = 1`).flatMap((u) => [
      [u.name, u.id],
      [u.username, u.id],
    ]),
  );
  const report: ImportReport = { rows: rows.length, saved: 0, existing: 0, bad: [], badCount: 0 };
  const bad = new BadRows();
  // Every statement below runs inside the one transaction yieldingTransaction holds.
  const tx = core.db;
  await yieldingTransaction(
    core.sqlite,
    rows.length,
    (i) => {
      const { cells: r, row: rowNo } = rows[i]!;
      const ro = cell(r, col.ro);
      if (ro && tx.get(sql`SELECT 1 FROM service_visits WHERE ro_number = ${ro}`)) {
        report.existing++;
        return;
      }
      const vin = cell(r, col.vin).toUpperCase();
      // As stored, cleaned (spaces, case, full width): a plate the strict format check rejects may still be on file.
      const plate = cleanPlate(cell(r, col.plate));
      const vehicleId =
        (vin ? tx.get<{ id: number }>(sql`SELECT id FROM vehicles WHERE vin = ${vin}`)?.id : undefined) ??
        (plate ? tx.get<{ id: number }>(sql`SELECT id FROM vehicles WHERE plate = ${plate} ORDER BY id DESC LIMIT 1`)?.id : undefined);
      const reasons: string[] = [];
      if (!ro) reasons.push(CARE_TEXTS.text('visit.noRo', locale));
      if (vehicleId === undefined) reasons.push(msg('visit.vehicle'));
      const date = parseLooseDay(cell(r, col.date));
      if (!date) reasons.push(msg('visit.date'));
      const type = parseVisitType(cell(r, col.type));
      if (!type) reasons.push(msg('visit.type'));
      const rawKm = cell(r, col.mileage).replace(/[,,\s]|km|公里/gi, '');
      const mileage = rawKm === '' ? null : Number(rawKm);
      if (mileage != null && !Number.isInteger(mileage)) reasons.push(msg('visit.mileage'));
      const rawAmount = cell(r, col.amount).replace(/[,,¥\s]/g, '');
      const amount = rawAmount === '' || !Number.isFinite(Number(rawAmount)) ? null : Number(rawAmount);
      if (reasons.length || vehicleId === undefined || !date || !type) return bad.add(rowNo, reasons.join(';'));
      const visit = { vehicleId, date, type, mileage, roNumber: ro, items: cell(r, col.items) || null, advisorId: advisors.get(cell(r, col.advisor)) ?? null, amount };
      const { problems, vehicle } = checkVisit(core, locale, visit, tx);
      if (problems.length || !vehicle) return bad.add(rowNo, problems.map((p) => p.message).join(';'));
      saveVisit(core, actorId, visit, vehicle, tx);
      report.saved++;
    },
    (done, total) => core.events.publish({ userId: actorId }, 'import.progress', { kind: 'repairOrders', done, total }),
  );
  return { ...report, bad: bad.list, badCount: bad.count };
}
