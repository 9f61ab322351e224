import { ENCODING_LABEL, type DecodedText } from './decode';
import { FileImportError } from './messages';
import type { SheetRow } from './sheet-row';

/** The separators Excel writes: comma; semicolon where the decimal mark is a comma; tab for "Unicode text". */
const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The separator the header line uses most (outside quotes); a comma when it has none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const count: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in count) count[ch as Delimiter]++;
  }
  return DELIMITERS.reduce((best, d) => (count[d] > count[best] ? d : best), ',' as Delimiter);
}

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * CSV rows as Excel reads them, from decoded text as it arrives (nothing holds the whole file):
 * the separator detected from the header line (or an Excel "sep=;" first line), quoted fields with
 * "" for a quote and line breaks inside, CRLF / LF / CR line ends, no row for the final line end.
 * Rows are numbered 1, 2, … as Excel numbers them (a quoted line break does not start a row, a
 * blank line is a row); blank rows are counted but not given. Cells are trimmed. Bytes the decoder
 * could not read refuse the file naming their row and column; so does a quote never closed.
 */
export async function* csvRows(pieces: AsyncIterable<DecodedText>, options: { delimiter?: Delimiter } = {}): AsyncGenerator<SheetRow> {
  let delim = options.delimiter?.charCodeAt(0) ?? -1;
  let head = ''; // text held until the first line is complete, to detect the separator
  let state = S.FieldStart as S; // `as`: feed() changes it, which narrowing cannot see
  let field = '';
  let cells: string[] = [];
  let rowNo = 1;
  let quoteRow = 0;
  let afterCR = false;
  let inRecord = false;
  let lossy = false;
  let encoding = 'UTF-8';
  let out: SheetRow[] = [];

  const endField = () => {
    cells.push(field.trim());
    field = '';
    state = S.FieldStart;
  };
  const endRecord = () => {
    endField();
    if (lossy) {
      const bad = cells.findIndex((c) => c.includes('\uFFFD'));
      if (bad >= 0) throw new FileImportError('decode', { row: rowNo, column: bad + 1, encoding });
    }
    if (cells.some((c) => c !== '')) out.push({ row: rowNo, cells });
    cells = [];
    rowNo++;
    inRecord = false;
  };

  const feed = (s: string) => {
    let run = 0; // start of the ordinary characters not yet added to `field`
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (afterCR) {
        afterCR = false;
        if (c === LF) {
          run = i + 1;
          continue;
        }
      }
      switch (state) {
        case S.FieldStart:
          inRecord = true;
          if (c === QUOTE) {
            state = S.Quoted;
            quoteRow = rowNo;
            run = i + 1;
            continue;
          }
          // Anything else starts an unquoted field: look at the same character again as one.
          state = S.Unquoted;
          run = i;
          i--;
          continue;
        case S.Unquoted:
          if (c === delim) {
            field += s.slice(run, i);
            endField();
            run = i + 1;
          } else if (c === LF || c === CR) {
            field += s.slice(run, i);
            endRecord();
            afterCR = c === CR;
            run = i + 1;
          }
          continue;
        case S.Quoted:
          if (c === QUOTE) {
            field += s.slice(run, i);
            state = S.QuoteInQuoted;
            run = i + 1;
          }
          continue;
        case S.QuoteInQuoted:
          if (c === QUOTE) {
            // "" inside quotes is one quote; the second one starts the next run
            state = S.Quoted;
            run = i;
            continue;
          }
          // Text after the closing quote belongs to the same field, as in Excel ("ab"c → abc).
          state = S.Unquoted;
          run = i;
          i--;
          continue;
      }
    }
    if (state === S.Unquoted || state === S.Quoted) field += s.slice(run);
  };

  for await (const piece of pieces) {
    if (piece.lossy) lossy = true;
    encoding = ENCODING_LABEL[piece.encoding];
    let text = piece.text;
    if (delim < 0) {
      head += text;
      const eol = head.search(/[\r\n]/);
      if (eol < 0) continue;
      const first = head.slice(0, eol);
      const sep = /^sep=(.)$/i.exec(first);
      delim = (sep ? sep[1]! : detectDelimiter(first)).charCodeAt(0);
      // Excel's "sep=;" line is an instruction, not a row: the header after it is row 1.
      text = sep ? head.slice(eol + (head.startsWith('\r\n', eol) ? 2 : 1)) : head;
      head = '';
    }
    feed(text);
    if (out.length) {
      yield* out;
      out = [];
    }
  }
  if (delim < 0 && head) {
    delim = detectDelimiter(head).charCodeAt(0);
    feed(head);
  }
  if (state === S.Quoted) throw new FileImportError('quote', { row: quoteRow, column: cells.length + 1 });
  if (inRecord || field !== '' || cells.length) endRecord();
  yield* out;
}
