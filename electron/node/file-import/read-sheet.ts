import fs from 'node:fs';
import { csvRows, type Delimiter } from './csv';
import { decodeText, type EncodingChoice } from './decode';
import { FileImportError } from './messages';
import type { SheetRow } from './sheet-row';
import { bytesStream, xlsxRows } from './xlsx';

/** A file to import: its bytes as uploaded (UploadedFile), or its path for a file read from disk in pieces. */
export type ImportSource = { fileName: string; bytes: Uint8Array } | { fileName: string; path: string };

export interface ReadOptions {
  /** The user's choice of encoding for a CSV; default: detected. */
  encoding?: EncodingChoice;
  /** The CSV separator; default: detected from the header line. */
  delimiter?: Delimiter;
}

const CHUNK = 64 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

function headOf(source: ImportSource): Uint8Array {
  if ('bytes' in source) return source.bytes.subarray(0, 4);
  const fd = fs.openSync(source.path, 'r');
  try {
    const b = Buffer.alloc(4);
    return b.subarray(0, fs.readSync(fd, b, 0, 4, 0));
  } finally {
    fs.closeSync(fd);
  }
}

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/**
 * The rows of an import file, one at a time, whatever Excel saved: .xlsx (first sheet, exceljs's
 * streaming reader) or CSV / text in any encoding and with any separator Excel writes. The kind is
 * told by the content (a zip is an .xlsx; the old .xls is refused with what to do), so a renamed
 * file still reads. Problems refuse the file with a FileImportError naming the row and column.
 */
export async function* sheetRows(source: ImportSource, options: ReadOptions = {}): AsyncGenerator<SheetRow> {
  const head = headOf(source);
  if (head.length === 0) throw new FileImportError('empty');
  if (startsWith(head, OLE_MAGIC) || /\.xls$/i.test(source.fileName)) throw new FileImportError('xls');
  if (startsWith(head, ZIP_MAGIC) || /\.xls[xm]$/i.test(source.fileName)) {
    const whole = async () => ('bytes' in source ? source.bytes : fs.promises.readFile(source.path));
    yield* xlsxRows('bytes' in source ? bytesStream(source.bytes) : fs.createReadStream(source.path), whole);
    return;
  }
  const chunks = 'bytes' in source ? pieces(source.bytes) : fs.createReadStream(source.path, { highWaterMark: CHUNK });
  yield* csvRows(decodeText(chunks, options.encoding), { delimiter: options.delimiter });
}

export interface ImportTable {
  /** The first row with anything in it: the column names. */
  header: string[];
  /** The rows after it (blank rows left out), at most `limit` + 1 of them. */
  rows: SheetRow[];
}

/**
 * The header and the rows of a file, for an import that checks every row before it writes. Stops
 * reading after `limit` + 1 data rows, so a file over the limit is refused without being read whole
 * (rows.length > limit says so).
 */
export async function readImportTable(source: ImportSource, options: ReadOptions & { limit?: number } = {}): Promise<ImportTable> {
  const limit = options.limit ?? Infinity;
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  for await (const row of sheetRows(source, options)) {
    if (!header) header = row.cells;
    else if (rows.push(row) > limit) break;
  }
  if (!header) throw new FileImportError('empty');
  return { header, rows };
}

/** Every non-blank row's cells, header included: for small files and tests. */
export async function readTable(fileName: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of sheetRows({ fileName, bytes }, options)) out.push(row.cells);
  return out;
}
