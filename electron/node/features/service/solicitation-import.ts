import type { UploadedFile } from '../../uploads/upload-store';
import { solicitationTasks } from '../../../../db/schema';
import type { Core } from '../../core';
import { yieldingTransaction } from '../../data-folder/long-write';
import { AppError } from '../../errors';
import { FileImportError, readImportTable, type EncodingChoice, type ImportTable } from '../../file-import';
import { writeAudit } from '../admin';
import type { SessionCtx } from '../auth';
import { cleanPlate } from '../customers';

/** A manufacturer's campaign list larger than this is split by the manufacturer's own tool first. */
export const MAX_IMPORT_ROWS = 20_000;
const VIN_HEADERS = ['vin', '车架号', '车辆识别代号', '底盘号'];
const PLATE_HEADERS = ['plate', '车牌', '车牌号', '车牌号码'];

export interface CampaignImportResult {
  rows: number;
  created: number;
  existing: number;
  /** Rows whose VIN / plate matches no vehicle here (first 50, 1-based row numbers as in the file). */
  unmatched: { row: number; value: string }[];
  unmatchedCount: number;
  dndExcluded: number;
}

const bad = (zh: string, en: string, locale: string) => new AppError('INVALID_INPUT', { issues: locale === 'en' ? en : zh, fields: [{ field: 'file', message: locale === 'en' ? en : zh }] });

/**
 * Imports a manufacturer's campaign list (厂家招揽活动): each row's VIN (or plate) is matched to a
 * vehicle here and becomes an unassigned solicitation task of kind 'campaign' for the campaign's
 * window. All rows in one transaction, run in slices that let other requests through
 * (yieldingTransaction, as the repair-order import) with progress events to the importing user; a
 * failure in any row leaves nothing. The same campaign imported twice creates nothing twice.
 */
export async function importCampaign(
  core: Pick<Core, 'clock' | 'db' | 'events' | 'sqlite'>,
  s: SessionCtx,
  input: { campaign: string; windowStart: string; windowEnd: string; encoding?: EncodingChoice } & UploadedFile,
): Promise<CampaignImportResult> {
  const locale = s.user.locale;
  if (input.windowStart > input.windowEnd) throw bad('招揽期开始不能晚于结束', 'The window must start before it ends', locale);
  let table: ImportTable;
  try {
    table = await readImportTable(input, { limit: MAX_IMPORT_ROWS, encoding: input.encoding });
  } catch (err) {
    if (err instanceof FileImportError) throw err.toAppError(locale);
    throw bad('无法读取文件:请上传 .xlsx 或 .csv', 'Cannot read the file: upload an .xlsx or .csv', locale);
  }
  const { header, rows } = table;
  const h = header.map((x) => x.toLowerCase());
  const vinCol = h.findIndex((x) => VIN_HEADERS.includes(x));
  const plateCol = h.findIndex((x) => PLATE_HEADERS.includes(x));
  if (vinCol < 0 && plateCol < 0) throw bad('第一行须有“VIN”(车架号)或“车牌”列', 'The first row needs a “VIN” or “plate” column', locale);
  if (rows.length === 0) throw bad('文件中没有数据行', 'The file has no data rows', locale);
  if (rows.length > MAX_IMPORT_ROWS) throw bad(`一次最多导入 ${MAX_IMPORT_ROWS} 行`, `At most ${MAX_IMPORT_ROWS} rows at a time`, locale);

  const byVin = core.sqlite.prepare('SELECT v.id, v.customer_id AS customerId, c.dnd_call AS dnd FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.vin = ?');
  const byPlate = core.sqlite.prepare('SELECT v.id, v.customer_id AS customerId, c.dnd_call AS dnd FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.plate = ? ORDER BY v.id LIMIT 1');
  const campaign = input.campaign.trim();
  const now = core.clock.now();
  const result: CampaignImportResult = { rows: rows.length, created: 0, existing: 0, unmatched: [], unmatchedCount: 0, dndExcluded: 0 };
  // Every statement below runs inside the one transaction yieldingTransaction holds.
  const tx = core.db;
  await yieldingTransaction(
    core.sqlite,
    rows.length,
    (i) => {
      const { cells: r, row: rowNo } = rows[i]!;
      const vin = vinCol >= 0 ? (r[vinCol] ?? '').toUpperCase() : '';
      // As stored, cleaned: a plate the strict format check rejects may still be on file.
      const plate = plateCol >= 0 ? cleanPlate(r[plateCol] ?? '') || null : null;
      const v = ((vin && byVin.get(vin)) || (plate && byPlate.get(plate)) || undefined) as { id: number; customerId: number; dnd: number } | undefined;
      if (!v) {
        result.unmatchedCount++;
        if (result.unmatched.length < 50) result.unmatched.push({ row: rowNo, value: vin || (r[plateCol] ?? '') });
        return;
      }
      if (v.dnd) {
        result.dndExcluded++;
        return;
      }
      const row = tx
        .insert(solicitationTasks)
        .values({ naturalKey: `campaign:${campaign}:${v.customerId}/${v.id}`, kind: 'campaign', campaign, customerId: v.customerId, vehicleId: v.id, windowStart: input.windowStart, windowEnd: input.windowEnd, status: 'unassigned', createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: solicitationTasks.naturalKey })
        .returning({ id: solicitationTasks.id })
        .get();
      if (!row) {
        result.existing++;
        return;
      }
      result.created++;
      writeAudit(tx, core.clock, { userId: s.user.id, action: 'create', entity: 'solicitation_task', entityId: row.id, after: { campaign, vehicleId: v.id, customerId: v.customerId, id: row.id } });
    },
    (done, total) => core.events.publish({ userId: s.user.id }, 'import.progress', { kind: 'campaign', done, total }),
  );
  return result;
}
