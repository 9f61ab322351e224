import { describe, expect, it } from 'vitest';
import { decodeIncoming, decodeSubmit, deliverPdu, fromSeptets, pack, statusReportPdu, submitPdus, toSeptets, unpack } from './pdu';

describe('PDU mode', () => {
  it('packs GSM 7-bit as the specification’s example ("hellohello" → E8329BFD4697D9EC37)', () => {
    expect(pack(toSeptets('hellohello')).toString('hex').toUpperCase()).toBe('E8329BFD4697D9EC37');
    expect(fromSeptets(unpack(Buffer.from('E8329BFD4697D9EC37', 'hex'), 10))).toBe('hellohello');
  });

  it('a short GSM text: one PDU, the number in swapped semi-octets, AT+CMGS length without the SMSC octet', () => {
    const [p, ...rest] = submitPdus('8613800138000', 'Hi {ok}', 1);
    expect(rest).toHaveLength(0);
    expect(p!.hex.startsWith('0031000D91683108108300F0')).toBe(true);
    expect(p!.length).toBe(p!.hex.length / 2 - 1);
    expect(decodeSubmit(p!.hex)).toEqual({ number: '8613800138000', text: 'Hi {ok}', encoding: 'gsm7', concat: null });
  });

  it.each([
    ['Chinese, 3 parts of at most 67', '尊敬的王先生,'.repeat(25), 'ucs2', 3],
    ['GSM, 2 parts of at most 153 with the fill bit', 'x'.repeat(200), 'gsm7', 2],
  ] as const)('long text: %s, reassembles to the original', (_n, text, encoding, parts) => {
    const pdus = submitPdus('8613800138000', text, 77);
    expect(pdus).toHaveLength(parts);
    const decoded = pdus.map((p) => decodeSubmit(p.hex));
    expect(decoded.map((d) => d.concat)).toEqual(Array.from({ length: parts }, (_, i) => ({ ref: 77, total: parts, seq: i + 1 })));
    expect(decoded.every((d) => d.encoding === encoding)).toBe(true);
    expect(decoded.map((d) => d.text).join('')).toBe(text);
    // 15 header octets for a 13-digit number, and user data never over 140 octets.
    for (const p of pdus) expect(p.length - 15).toBeLessThanOrEqual(140);
  });

  it('reads inbound messages (SMS-DELIVER) and status reports', () => {
    expect(decodeIncoming(deliverPdu('8613900000001', '退订').hex)).toEqual({ kind: 'deliver', number: '8613900000001', text: '退订', concat: null });
    expect(decodeIncoming(deliverPdu('8613900000001', 'TD').hex)).toMatchObject({ text: 'TD' });
    expect(decodeIncoming(statusReportPdu(42, '8613800138000', 0).hex)).toEqual({ kind: 'status', mr: 42, number: '8613800138000', delivered: true, final: true, status: 0 });
    expect(decodeIncoming(statusReportPdu(7, '8613800138000', 0x21).hex)).toMatchObject({ delivered: false, final: false });
    expect(decodeIncoming(statusReportPdu(7, '8613800138000', 0x45).hex)).toMatchObject({ delivered: false, final: true });
  });
});
