import { afterEach, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { startSmsc, type Smsc } from '../../../../tests/support/smsc';
import { measure } from './encoding';
import { SmsService } from './service';
import { noLeftOut, testMessage, until } from './sender.test-support';
import { PART_THROTTLE_RETRIES, SmppChannel } from './smpp-channel';

/**
 * A long message cut off between parts — the link dropped, the gateway kept refusing a later part,
 * the program died — must be finished with the parts the handset lacks, under the same UDH
 * reference and part count, never with a part the gateway accepted: a repeated part 1 shows on the
 * customer's phone as a duplicate fragment or a message that never joins up. The SMSC below counts
 * what it took; each part of the message must reach it exactly once.
 */

const LONG = '尊敬的王先生,您的爱车保养已到期,请于本周内到店保养,预约请致电本店服务顾问。'.repeat(4); // 3 parts of UCS-2
const msg = (i: number) => testMessage(i, LONG);

describe('resending a long SMS never repeats an accepted part', () => {
  let t: TestCore | undefined;
  let smsc: Smsc | undefined;
  const services: SmsService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.stop();
    t?.cleanup();
    await smsc?.close();
  });

  const channel = (over: Partial<ConstructorParameters<typeof SmppChannel>[0]> = {}) =>
    new SmppChannel({ host: '127.0.0.1', port: smsc!.port, systemId: 'dscrm', password: 'secret12', reconnectMinMs: 50, reconnectMaxMs: 200, ...over });

  async function start(): Promise<SmsService> {
    smsc = await startSmsc();
    t = await makeCore();
    const sms = new SmsService(t.core);
    services.push(sms);
    await sms.attach(channel({ responseTimeoutMs: 1000, maxConsecutiveTimeouts: 10 }), { window: 1, ratePerSecond: 50 });
    return sms;
  }

  const batch = (sms: SmsService, createdBy: number | null = null) =>
    sms.outbox.createBatch({ createdBy, templateId: null, body: LONG, channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [msg(1)] });
  const row = (batchId: number) =>
    t!.core.sqlite.prepare('SELECT status, last_error AS err FROM sms_messages WHERE batch_id = ?').get(batchId) as { status: string; err: string | null };

  /** What the SMSC took: part numbers in arrival order, and the references they carried. */
  function taken(): { seqs: number[]; refs: Set<number>; text: string } {
    const parts = smsc!.received.filter((r) => r.concat);
    return { seqs: parts.map((r) => r.concat!.seq), refs: new Set(parts.map((r) => r.concat!.ref)), text: [...parts].sort((a, b) => a.concat!.seq - b.concat!.seq).map((r) => r.text).join('') };
  }

  function expectWholeOnce(): void {
    expect(smsc!.received.every((r) => r.concat?.total === 3)).toBe(true); // the same part count throughout
    const { seqs, refs, text } = taken();
    expect([...seqs].sort()).toEqual([1, 2, 3]); // each part exactly once
    expect(refs.size).toBe(1); // under one reference: the handset joins them
    expect(text).toBe(LONG);
  }

  it('the link dropped after part 1 was accepted: 待确认 says so, and 重发 sends parts 2 and 3 only, under the same reference', async () => {
    expect(measure(LONG).parts).toBe(3);
    const sms = await start();
    smsc!.partFault = { seq: 2, kind: 'drop', times: 1 };
    const b = batch(sms);
    await until('待确认 after the drop', () => sms.progress(b).unknown === 1);
    expect(taken().seqs).toEqual([1]);
    expect(row(b).err).toContain('已发出 1/3 段,重发只补发其余 2 段');

    expect(sms.outbox.resend(b, true)).toBe(1);
    sms.kick();
    await until('delivered', () => sms.progress(b).delivered === 1);
    expectWholeOnce();
    expect(taken().seqs).toEqual([1, 2, 3]);
  });

  it('part 2 refused as too fast past the retry cap → 待确认; 重发待确认 in the batch view sends part 2 and 3 only', async () => {
    // As the app runs: the channel from 系统设置 → 短信通道, the resend through the batch view's method.
    smsc = await startSmsc();
    t = await makeCore();
    const { tok, uid } = await usersWithSessions(t.core, [
      ['admin1', 'admin'],
      ['sales1', 'salesConsultant'],
    ]);
    const sms = t.core.services.sms;
    services.push(sms);
    const saved = await call(t.core, tok.admin1!, 'sms.settings.save', {
      smpp: { enabled: true, host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', sourceAddr: '10690001', ratePerSecond: 50, windowSize: 1 },
      modem: { enabled: false, path: '/dev/null', baudRate: 115200, ratePerSecond: 0.2 },
      signature: '鹏城汽车',
    });
    expect(saved.ok).toBe(true);
    smsc.partFault = { seq: 2, kind: 'throttle' };
    const b = batch(sms, uid.sales1!);
    sms.kick();
    await until('待确认 after the part cap', () => sms.progress(b).unknown === 1);
    expect(smsc.partFaults).toBe(PART_THROTTLE_RETRIES);
    expect(row(b).err).toMatch(/^第 2\/3 段网关持续限流.*已发出 1\/3 段/);
    expect(taken().seqs).toEqual([1]);

    smsc.partFault = null; // the gateway lets it through again
    expect(await call(t.core, tok.sales1!, 'sms.batch.resend', { batchId: b, includeUnknown: true })).toEqual({ ok: true, value: { requeued: 1 } });
    await until('delivered', () => sms.progress(b).delivered === 1);
    expectWholeOnce();
    expect(taken().seqs).toEqual([1, 2, 3]);
  });

  it('the program died between parts: after restart (a new outbox on the same database) recover + 重发 never repeat part 1', async () => {
    const before = await start();
    smsc!.partFault = { seq: 2, kind: 'hang' }; // part 2 is on the wire when the process "dies"
    const b = batch(before);
    await until('part 2 on the wire', () => smsc!.partFaults === 1);

    const after = new SmsService(t!.core); // start-up on the same database: recover()
    services.push(after);
    expect(after.recovered).toBe(1);
    expect(row(b)).toEqual({ status: 'unknown', err: expect.stringContaining('已发出 1/3 段') });
    await before.stop(); // the dead process sends nothing more
    services.splice(services.indexOf(before), 1);

    smsc!.partFault = null;
    await after.attach(channel(), { window: 1, ratePerSecond: 50 }); // a new channel: its own reference counter
    expect(after.outbox.resend(b, true)).toBe(1);
    after.kick();
    await until('delivered', () => after.progress(b).delivered === 1);
    expectWholeOnce();
    expect(taken().seqs).toEqual([1, 2, 3]);
  });
});
