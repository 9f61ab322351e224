/**
 * MediaRecorder writes WebM without a Duration (it streams and cannot know it), so players show
 * 0:00 and cannot seek, and exported files look broken elsewhere. When a recording is finished we
 * write the measured duration into the Segment's Info element (EBML). MediaRecorder output has no
 * SeekHead or Cues (absolute offsets that inserted bytes would break); a file that has them is left
 * as it is.
 */
import fs from 'node:fs';
const ID_EBML = 0x1a45dfa3;
const ID_SEGMENT = 0x18538067;
const ID_INFO = 0x1549a966;
const ID_TIMECODE_SCALE = 0x2ad7b1;
const ID_DURATION = 0x4489;
const ID_SEEKHEAD = 0x114d9b74;
const ID_CUES = 0x1c53bb6b;

interface Vint {
  len: number;
  value: number;
  unknown: boolean;
}

function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 0;
}

function readSize(buf: Buffer, pos: number): Vint | null {
  if (pos >= buf.length) return null;
  const len = vintLength(buf[pos]!);
  if (!len || pos + len > buf.length) return null;
  let value = buf[pos]! & (0xff >> len);
  let allOnes = value === 0xff >> len;
  for (let i = 1; i < len; i++) {
    value = value * 256 + buf[pos + i]!;
    if (buf[pos + i] !== 0xff) allOnes = false;
  }
  return { len, value, unknown: allOnes };
}

function readId(buf: Buffer, pos: number): { len: number; id: number } | null {
  if (pos >= buf.length) return null;
  const len = vintLength(buf[pos]!);
  if (!len || len > 4 || pos + len > buf.length) return null;
  let id = 0;
  for (let i = 0; i < len; i++) id = id * 256 + buf[pos + i]!;
  return { len, id };
}

/** The smallest EBML size field for `value`, at least `minLen` bytes long. */
function encodeSize(value: number, minLen: number): Buffer {
  let len = Math.max(1, minLen);
  while (value >= 2 ** (7 * len) - 1) len++;
  const out = Buffer.alloc(len);
  let v = value;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0]! |= 0x80 >> (len - 1);
  return out;
}

/**
 * Returns the file's head with the duration written in, and how many bytes of the original head it
 * replaces; null when the head is not a WebM we can patch safely. `head` must hold the whole Info
 * element (it sits in the first few hundred bytes).
 */
export function patchWebmDuration(head: Buffer, durationMs: number): { head: Buffer; replaces: number } | null {
  let pos = 0;
  const ebml = readId(head, pos);
  if (!ebml || ebml.id !== ID_EBML) return null;
  const ebmlSize = readSize(head, pos + ebml.len);
  if (!ebmlSize || ebmlSize.unknown) return null;
  pos += ebml.len + ebmlSize.len + ebmlSize.value;
  const seg = readId(head, pos);
  if (!seg || seg.id !== ID_SEGMENT) return null;
  const segSizePos = pos + seg.len;
  const segSize = readSize(head, segSizePos);
  if (!segSize) return null;
  pos = segSizePos + segSize.len;
  // Walk the Segment's children up to Info.
  for (;;) {
    const el = readId(head, pos);
    if (!el) return null;
    const size = readSize(head, pos + el.len);
    if (!size || size.unknown) return null;
    if (el.id === ID_SEEKHEAD || el.id === ID_CUES) return null;
    if (el.id !== ID_INFO) {
      pos += el.len + size.len + size.value;
      continue;
    }
    const infoSizePos = pos + el.len;
    const payloadStart = infoSizePos + size.len;
    const payloadEnd = payloadStart + size.value;
    if (payloadEnd > head.length) return null;
    let scale = 1_000_000;
    let p = payloadStart;
    while (p < payloadEnd) {
      const c = readId(head, p);
      const cs = c && readSize(head, p + c.len);
      if (!c || !cs) return null;
      const data = p + c.len + cs.len;
      if (c.id === ID_TIMECODE_SCALE) scale = head.readUIntBE(data, Math.min(cs.value, 6));
      if (c.id === ID_DURATION) {
        // Already there: overwrite in place.
        const out = Buffer.from(head);
        if (cs.value === 8) out.writeDoubleBE((durationMs * 1e6) / scale, data);
        else if (cs.value === 4) out.writeFloatBE((durationMs * 1e6) / scale, data);
        else return null;
        return { head: out, replaces: head.length };
      }
      p = data + cs.value;
    }
    const durationEl = Buffer.alloc(11);
    durationEl.writeUInt16BE(ID_DURATION, 0);
    durationEl[2] = 0x88; // size 8
    durationEl.writeDoubleBE((durationMs * 1e6) / scale, 3);
    const newInfoSize = encodeSize(size.value + durationEl.length, size.len);
    const grow = newInfoSize.length - size.len + durationEl.length;
    let segField = head.subarray(segSizePos, segSizePos + segSize.len);
    if (!segSize.unknown) segField = encodeSize(segSize.value + grow, segSize.len);
    const out = Buffer.concat([
      head.subarray(0, segSizePos),
      segField,
      head.subarray(segSizePos + segSize.len, infoSizePos),
      newInfoSize,
      head.subarray(payloadStart, payloadEnd),
      durationEl,
      head.subarray(payloadEnd),
    ]);
    return { head: out, replaces: head.length };
  }
}

/**
 * Writes the duration into a finished WebM (see webm-duration.ts) through a temporary file and a
 * rename, so a crash midway leaves the original. Returns the new size, or null when left as it was.
 */
export function writeWebmDuration(file: string, durationMs: number): number | null {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    const patched = patchWebmDuration(head.subarray(0, n), durationMs);
    if (!patched) return null;
    const tmp = `${file}.tmp`;
    const out = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(out, patched.head);
      const input = fs.openSync(file, 'r');
      const buf = Buffer.alloc(1 << 16);
      let at = patched.replaces;
      for (;;) {
        const r = fs.readSync(input, buf, 0, buf.length, at);
        if (r <= 0) break;
        fs.writeSync(out, buf, 0, r);
        at += r;
      }
      fs.closeSync(input);
    } finally {
      fs.closeSync(out);
    }
    fs.renameSync(tmp, file);
    return fs.statSync(file).size;
  } catch {
    return null; // a full disk here keeps the playable original; only seeking suffers
  }
}
