import fs from 'node:fs';
import { decodeText, ENCODING_LABEL, sheetRows, type EncodingChoice, type SheetRow } from '../../file-import';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** How the file will be read, for the user to check: 'xlsx', or the CSV's encoding as detected (or chosen). */
export async function readAsLabel(file: string, encoding: EncodingChoice): Promise<string> {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    const b = Buffer.alloc(64 * 1024);
    head = b.subarray(0, fs.readSync(fd, b, 0, b.length, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (ZIP_MAGIC.every((x, i) => head[i] === x)) return 'xlsx';
  for await (const piece of decodeText([head], encoding)) return ENCODING_LABEL[piece.encoding];
  return ENCODING_LABEL['utf-8'];
}

/**
 * The file's header (its first row with anything in it) and then its rows, read in pieces from disk:
 * memory stays flat however long the file is.
 */
export async function* importRows(file: string, fileName: string, encoding: EncodingChoice): AsyncGenerator<{ header: string[] } | SheetRow> {
  let header = false;
  for await (const row of sheetRows({ fileName, path: file }, { encoding })) {
    if (!header) {
      header = true;
      yield { header: row.cells };
    } else yield row;
  }
}
