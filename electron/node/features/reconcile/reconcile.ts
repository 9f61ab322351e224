import { sql } from 'drizzle-orm';
import type { OurVisit, ReconcileField, ReconcileResult, TheirRow } from '../../../common/api/reconcile';
import { isPhoneError, normalizePhone } from '../../../common/phone/normalize';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { FileImportError, readImportTable, type EncodingChoice, type ImportTable } from '../../file-import';
import type { UploadedFile } from '../../uploads/upload-store';
import type { SessionCtx } from '../auth';
import { parseImportDay } from '../data-import';
import { RECONCILE_TEXTS } from './texts';

/** A month's funnel export of a big dealer is a few thousand rows; a year is still well under this. */
export const MAX_RECONCILE_ROWS = 50_000;

/** The headers the manufacturer's export and hand-made sheets use for each column (lower case). */
const HEADERS: Record<'name' | 'phone' | 'visitDate' | 'firstVisit', string[]> = {
  name: ['姓名', '客户姓名', '客户名称', '客户', 'name', 'customer'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '客户电话', 'phone', 'mobile'],
  visitDate: ['到店日期', '来店日期', '进店日期', '到店时间', '来店时间', '日期', 'visit date', 'date'],
  firstVisit: ['是否首次', '是否首次到店', '首次到店', '首次来店', '是否首次来店', '首次/再次', '到店类型', 'first visit', 'first'],
};
const YES = new Set(['是', 'y', 'yes', '1', 'true', '首次', '首次到店', '首次来店', '新客户']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '再次', '再次到店', '再次来店', '非首次', '老客户']);

type ReconcileCore = Pick<Core, 'sqlite' | 'db' | 'settings' | 'visibility'>;

/**
 * 厂家漏斗核对: their rows in the period against our showroom visits in the period (those of the
 * consultants the user may see). A row pairs with our visit of the same normalised phone — the one
 * on the same day if there is one, else the nearest day — and failing that with a visit of the same
 * name on the same day. A pair is consistent when name, day and 首次 agree, else different with the
 * fields that differ; the rest are only in their file or only here.
 */
export async function reconcileFunnel(core: ReconcileCore, s: SessionCtx, input: { from: string; to: string; encoding?: EncodingChoice } & UploadedFile): Promise<ReconcileResult> {
  const locale = s.user.locale;
  const t = (key: Parameters<typeof RECONCILE_TEXTS.text>[0], params?: Record<string, string | number>) => RECONCILE_TEXTS.text(key, locale, params);
  const refuse = (message: string) => new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'file', message }] });
  if (input.from > input.to) throw refuse(t('period'));
  let table: ImportTable;
  try {
    table = await readImportTable(input, { limit: MAX_RECONCILE_ROWS, encoding: input.encoding });
  } catch (err) {
    if (err instanceof FileImportError) throw err.toAppError(locale);
    throw refuse(t('unreadable'));
  }
  const col = columnsOf(table.header);
  const missing = (['name', 'phone', 'visitDate'] as const).filter((k) => col[k] < 0);
  if (missing.length > 0) throw refuse(t('columns', { missing: missing.map((k) => t(`col.${k}`)).join('、') }));
  if (table.rows.length === 0) throw refuse(t('noRows'));
  if (table.rows.length > MAX_RECONCILE_ROWS) throw refuse(t('tooMany', { max: MAX_RECONCILE_ROWS }));

  const areaCode = core.settings.get('dealer.areaCode') || null;
  const norm = (raw: string | null): string | null => {
    if (!raw) return null;
    const r = normalizePhone(raw, { areaCode });
    return isPhoneError(r) ? null : r.normalized;
  };

  const result: ReconcileResult = { from: input.from, to: input.to, theirRows: 0, outsidePeriod: 0, unreadable: [], ourVisits: 0, consistent: [], different: [], onlyTheirs: [], onlyOurs: [] };
  const theirs: (TheirRow & { key: string | null })[] = [];
  for (const { row, cells } of table.rows) {
    const cell = (i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
    const visitDate = parseImportDay(cell(col.visitDate));
    if (!visitDate) {
      result.unreadable.push({ row, reason: t('row.date', { value: cell(col.visitDate) }) });
      continue;
    }
    if (!cell(col.phone) && !cell(col.name)) {
      result.unreadable.push({ row, reason: t('row.phoneAndName') });
      continue;
    }
    if (visitDate < input.from || visitDate > input.to) {
      result.outsidePeriod++;
      continue;
    }
    const first = cell(col.firstVisit).toLowerCase();
    theirs.push({ row, name: cell(col.name), phone: cell(col.phone), visitDate, firstVisit: YES.has(first) ? true : NO.has(first) ? false : null, key: norm(cell(col.phone)) });
  }
  result.theirRows = theirs.length;

  const visible = core.visibility.visibleOwned(s, 'v.consultant_id');
  const ours = core.db
    .all<Omit<OurVisit, 'firstVisit'> & { firstVisit: number }>(
      sql`SELECT v.id AS visitId, v.customer_id AS customerId, v.name, v.phone, v.visit_date AS visitDate, v.first_visit AS firstVisit, u.display_name AS consultantName
          FROM showroom_visits v LEFT JOIN users u ON u.id = v.consultant_id
         WHERE v.visit_date BETWEEN ${input.from} AND ${input.to} AND ${visible} ORDER BY v.visit_date, v.id`,
    )
    .map((v) => ({ ...v, firstVisit: v.firstVisit === 1, key: norm(v.phone) }));
  result.ourVisits = ours.length;

  const taken = new Set<number>();
  const byPhone = new Map<string, typeof ours>();
  const byNameDay = new Map<string, typeof ours>();
  const add = (map: Map<string, typeof ours>, key: string, v: (typeof ours)[number]) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  for (const v of ours) {
    if (v.key) add(byPhone, v.key, v);
    add(byNameDay, `${v.name}|${v.visitDate}`, v);
  }
  const pair = (th: (typeof theirs)[number], v: (typeof ours)[number], matchedBy: 'phone' | 'nameDate') => {
    taken.add(v.visitId);
    const { key: _k, ...ourVisit } = v;
    const { key: _t, ...theirRow } = th;
    const fields: ReconcileField[] = [];
    if (th.name && th.name !== v.name) fields.push('name');
    if (th.visitDate !== v.visitDate) fields.push('visitDate');
    if (th.firstVisit !== null && th.firstVisit !== v.firstVisit) fields.push('firstVisit');
    if (fields.length === 0) result.consistent.push({ theirs: theirRow, ours: ourVisit, matchedBy });
    else result.different.push({ theirs: theirRow, ours: ourVisit, matchedBy, fields });
  };
  const unpaired: typeof theirs = [];
  // By phone first: the same day if there is such a visit, else the nearest one not yet paired.
  for (const th of theirs) {
    const candidates = (th.key ? byPhone.get(th.key) : undefined)?.filter((v) => !taken.has(v.visitId)) ?? [];
    if (candidates.length === 0) {
      unpaired.push(th);
      continue;
    }
    const distance = (v: OurVisit) => Math.abs(Date.parse(v.visitDate) - Date.parse(th.visitDate));
    pair(th, candidates.reduce((best, v) => (distance(v) < distance(best) ? v : best)), 'phone');
  }
  // Then by name and day (their phone missing, or typed differently).
  for (const th of unpaired) {
    const v = th.name ? byNameDay.get(`${th.name}|${th.visitDate}`)?.find((o) => !taken.has(o.visitId)) : undefined;
    if (v) pair(th, v, 'nameDate');
    else {
      const { key: _k, ...theirRow } = th;
      result.onlyTheirs.push(theirRow);
    }
  }
  result.onlyOurs = ours.filter((v) => !taken.has(v.visitId)).map(({ key: _k, ...v }) => v);
  return result;
}

/** Which column holds what, by the header texts above (-1: not there). */
function columnsOf(header: string[]): Record<keyof typeof HEADERS, number> {
  const h = header.map((x) => x.trim().toLowerCase().replace(/[(（].*$/, '').replace(/[*\s]/g, ''));
  const find = (names: string[]) => h.findIndex((x) => names.some((n) => n.replace(/\s/g, '') === x));
  return { name: find(HEADERS.name), phone: find(HEADERS.phone), visitDate: find(HEADERS.visitDate), firstVisit: find(HEADERS.firstVisit) };
}

