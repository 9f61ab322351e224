/**
 * GBK bytes as Chinese Excel writes its "CSV", for tests and the bench. Node has no GBK encoder (only
 * the WHATWG decoder), so the table is built once from the decoder: every two-byte GBK code → its
 * character, reversed. Characters outside GBK throw, so a test never writes a file it did not mean to.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return table;
}

export function encodeGbk(text: string): Buffer {
  const t = gbkTable();
  const out = Buffer.alloc(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out[n++] = code;
    else {
      const b = t.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      out[n++] = b[0];
      out[n++] = b[1];
    }
  }
  return out.subarray(0, n);
}
