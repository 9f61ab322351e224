import { describe, expect, it } from 'vitest';
import { patchWebmDuration } from './webm-duration';

/** The head of a WebM as Chromium's MediaRecorder writes it: EBML header, Segment of unknown size, Info without Duration, Tracks. */
function recorderHead(): Buffer {
  const ebml = Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853', 'hex').subarray(0, 36);
  const segment = Buffer.from('1853806701ffffffffffffff', 'hex');
  const info = Buffer.from('1549a966992ad7b1830f42404d808643687265616d5741864368726f6d65', 'hex');
  const tracks = Buffer.from('1654ae6b8a' + 'ae88d7810183810273c5', 'hex');
  const cluster = Buffer.from('1f43b67501ffffffffffffffe781', 'hex');
  return Buffer.concat([ebml, segment, info, tracks, cluster]);
}

function durationOf(buf: Buffer): number | null {
  const i = buf.indexOf(Buffer.from([0x44, 0x89, 0x88]));
  return i < 0 ? null : buf.readDoubleBE(i + 3);
}

describe('WebM duration fix-up', () => {
  it('writes the duration into Info (grown by 11 bytes) and keeps everything after it byte for byte', () => {
    const head = recorderHead();
    expect(durationOf(head)).toBeNull();
    const r = patchWebmDuration(head, 4321)!;
    expect(r.replaces).toBe(head.length);
    expect(r.head.length).toBe(head.length + 11);
    expect(durationOf(r.head)).toBe(4321); // TimecodeScale 1,000,000 ns: milliseconds
    const infoAt = r.head.indexOf(Buffer.from('1549a966', 'hex'));
    expect(r.head[infoAt + 4]).toBe(0x80 | (0x19 + 11)); // Info size grew by the Duration element
    const tracksAt = head.indexOf(Buffer.from('1654ae6b', 'hex'));
    expect(r.head.subarray(tracksAt + 11)).toEqual(head.subarray(tracksAt));
  });

  it('overwrites a Duration that is already there, and leaves what is not a recorder WebM alone', () => {
    const once = patchWebmDuration(recorderHead(), 1000)!.head;
    const twice = patchWebmDuration(once, 2500)!;
    expect(twice.head.length).toBe(once.length);
    expect(durationOf(twice.head)).toBe(2500);
    expect(patchWebmDuration(Buffer.from('OggS\u0000\u0002'), 1000)).toBeNull();
    const withSeekHead = Buffer.concat([recorderHead().subarray(0, 48), Buffer.from('114d9b7480', 'hex'), recorderHead().subarray(48)]);
    expect(patchWebmDuration(withSeekHead, 1000)).toBeNull();
  });
});
