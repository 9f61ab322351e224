import { isUtf8 } from 'node:buffer';
import type { ImportEncoding } from '../../common/api/import-file';

/** The encodings an import file may come in. GB18030 is a superset of GBK and GB2312 (Chinese Excel's "CSV"). */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** What a user may choose (the API's `encoding`): 'auto' detects (BOM, else valid UTF-8, else GB18030). */
export type EncodingChoice = ImportEncoding;

/** The name a user knows the encoding by, for messages. */
export const ENCODING_LABEL: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/**
 * A piece of decoded text. `lossy`: some bytes of this piece are not valid in `encoding` and stand
 * as U+FFFD in `text`; the CSV reader then names the row and column that holds them.
 */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  lossy: boolean;
}

/** The most bytes decoded into one string. */
const BLOCK = 64 * 1024;

const BOMS: [TextEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(head: Uint8Array): [TextEncoding, number] | null {
  for (const [enc, bom] of BOMS) if (head.length >= bom.length && bom.every((b, i) => head[i] === b)) return [enc, bom.length];
  return null;
}

/**
 * Where a block may be cut without splitting a character: after the last byte below 0x30. In UTF-8
 * and GB18030 such a byte is always a character of its own (GB18030's second and fourth bytes are
 * 0x30 or above), and every CSV separator and line end is one. In UTF-16: an even length that does
 * not end between the two halves of a surrogate pair. 0 = no safe place yet.
 */
function safeCut(buf: Buffer, enc: TextEncoding | null): number {
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    let cut = buf.length & ~1;
    const hi = enc === 'utf-16le' ? buf[cut - 1] : buf[cut - 2];
    if (cut >= 2 && hi !== undefined && hi >= 0xd8 && hi <= 0xdb) cut -= 2;
    return cut;
  }
  for (let i = buf.length - 1; i >= 0; i--) if (buf[i]! < 0x30) return i + 1;
  return 0;
}

/**
 * UTF-8 with a stray bad byte (a file cut and pasted together, one character damaged) is still
 * UTF-8: read as GB18030 it would turn into fluent nonsense with no error. GBK read as UTF-8 is
 * mostly replacement characters (under one GBK pair in ten happens to be valid UTF-8), so at least
 * four good characters for each bad one decide for UTF-8,
 * and the bad byte is then refused with its row and column.
 */
function mostlyUtf8(block: Buffer): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder('utf-8').decode(block)) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) >= 0x80) good++;
  }
  return good >= 4 && bad * 4 <= good;
}

function hasHighByte(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

/**
 * Decodes a file's bytes as they arrive, in blocks cut at character boundaries, so a 50 MB file is
 * never one string. The encoding: `choice` when given; else a BOM (UTF-8, UTF-16LE/BE); else the
 * first block holding a byte over 0x7F decides — valid UTF-8 is UTF-8, anything else GB18030 (which
 * is what Chinese Excel writes as "CSV"). Until then the text is ASCII, the same in both. Node's
 * TextDecoder (full ICU) does the decoding: a maintained GB18030 table, no dependency.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, choice: EncodingChoice = 'auto'): AsyncGenerator<DecodedText> {
  let enc: TextEncoding | null = choice === 'auto' ? null : choice;
  let strict: TextDecoder | null = null;
  let lenient: TextDecoder | null = null;
  let pending: Buffer = Buffer.alloc(0);
  let started = false;

  const decode = (block: Buffer): DecodedText => {
    if (!enc) {
      if (hasHighByte(block)) enc = isUtf8(block) || mostlyUtf8(block) ? 'utf-8' : 'gb18030';
      else return { text: block.toString('latin1'), encoding: 'utf-8', lossy: false };
    }
    strict ??= new TextDecoder(enc, { fatal: true, ignoreBOM: true });
    try {
      return { text: strict.decode(block), encoding: enc, lossy: false };
    } catch {
      lenient ??= new TextDecoder(enc, { ignoreBOM: true });
      return { text: lenient.decode(block), encoding: enc, lossy: true };
    }
  };

  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!started) {
      if (pending.length < 3) continue; // a BOM is at most 3 bytes
      started = true;
      const bom = bomOf(pending);
      // A BOM is dropped; it decides the encoding unless the user chose one.
      if (bom) {
        enc ??= bom[0];
        if (bom[0] === enc) pending = pending.subarray(bom[1]);
      }
    }
    // Blocks of at most BLOCK bytes (more only when no safe cut is found in one), so a large
    // chunk is not turned into one large string.
    for (;;) {
      let cut = safeCut(pending.subarray(0, BLOCK), enc);
      if (cut === 0 && pending.length > BLOCK) cut = safeCut(pending, enc);
      if (cut === 0) break;
      const block = pending.subarray(0, cut);
      pending = pending.subarray(cut);
      yield decode(block);
    }
  }
  if (!started) {
    const bom = bomOf(pending);
    if (bom) {
      enc ??= bom[0];
      if (bom[0] === enc) pending = pending.subarray(bom[1]);
    }
  }
  if (pending.length) yield decode(pending);
}
