import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import builtInFormats from 'exceljs/lib/xlsx/defaultnumformats.js';
import { FileImportError } from './messages';
import type { SheetRow } from './sheet-row';

// Chinese Excel stores its date formats (2026年1月5日, 1月5日, …: numFmtId 27–36 and 50–58) as built-in
// ids that styles.xml does not spell out; exceljs knows them per locale only, so without this a
// date in such a cell arrives as its serial number (46027). Filling in the zh-CN code lets exceljs
// see a date format. Only the reader looks these up: the writer's reverse index was built when
// exceljs loaded (the import above runs first), so exports are unchanged.
for (const format of Object.values(builtInFormats)) if (!format.f && format['zh-cn']) format.f = format['zh-cn'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as text: 2026-01-05, with the time when it has one (2026-01-05 08:30:00), or only
 * the time for a time-of-day cell. exceljs gives the wall-clock value as UTC fields.
 */
export function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (d.getUTCFullYear() < 1900) return time; // serial number below 1: a time of day only
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/**
 * A cell's value as the user sees it: text as written, numbers without grouping, dates as dates
 * (a serial number in a date-formatted cell too), a formula as its cached result (what Excel last
 * showed; nothing is recalculated), TRUE / FALSE, an error as its code (#N/A).
 */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const r = (value as { result?: unknown }).result;
    if (r == null) return '';
    if (typeof r === 'object' && r !== null && 'error' in r) return String((r as { error: unknown }).error);
    return cellText(r as ExcelJS.CellValue);
  }
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** A formula's cached number in a date-formatted cell is a date too (=DATE(2026,1,5), =TODAY()). */
function valueOf(cell: ExcelJS.Cell, date1904: boolean): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number' && isDateFormat(cell.numFmt)) {
    return new Date(Math.round((v.result - (date1904 ? 24107 : 25569)) * 86_400_000));
  }
  return v;
}

/** The rule exceljs applies to plain cells: y m d h M s b in the code outside quotes and [brackets]. */
function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function rowOf(row: ExcelJS.Row, date1904: boolean): SheetRow | null {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    cells[col - 1] = cellText(valueOf(cell, date1904)).trim();
  });
  const line = Array.from(cells, (c) => c ?? '');
  return line.some((c) => c !== '') ? { row: row.number, cells: line } : null;
}

async function* streamedRows(source: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let first = true;
  try {
    for await (const sheet of reader) {
      const rows = sheet as unknown as AsyncIterable<ExcelJS.Row>;
      if (!first) {
        // The first sheet only: the others are notes, lists of values, … They are still read to
        // their end, so exceljs closes and deletes the temporary copy it may have made of them.
        for await (const _ of rows);
        continue;
      }
      first = false;
      const date1904 = !!(reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904;
      for await (const row of rows) {
        const r = rowOf(row, date1904);
        if (r) yield r;
      }
    }
  } finally {
    source.destroy();
  }
}

/**
 * Rows of the first worksheet of an .xlsx, read as a stream (shared strings and styles are kept,
 * rows are not), so a 50 MB sheet never sits in memory as a workbook. exceljs's streaming reader
 * depends on the order of the parts inside the zip and fails on some layouts other programs write;
 * when it fails before giving a row and `bytes` is at hand, the file is read once more whole
 * (exceljs's ordinary reader). Rows carry Excel's own row numbers; empty rows are left out. A
 * truncated or damaged file refuses the whole file: a caller that has already used some rows must
 * undo them.
 *
 * Known gap: exceljs drops a formula's cached result when it is 0, FALSE or an error, so such a
 * cell reads as empty.
 */
export async function* xlsxRows(source: Readable, bytes?: () => Promise<Uint8Array>): AsyncGenerator<SheetRow> {
  let given = 0;
  try {
    for await (const row of streamedRows(source)) {
      given++;
      yield row;
    }
    return;
  } catch {
    if (given > 0 || !bytes) throw new FileImportError('xlsx');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await bytes()) as unknown as ArrayBuffer);
  } catch {
    throw new FileImportError('xlsx');
  }
  const sheet = wb.worksheets[0];
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const r = rowOf(row, date1904);
    if (r) rows.push(r);
  });
  yield* rows;
}

/** Bytes already in memory as the stream the reader takes. */
export const bytesStream = (bytes: Uint8Array): Readable => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
