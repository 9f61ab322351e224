import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { RateLimiter } from './channel';
import { measure } from './encoding';
import { CANCELLED, RECEIPT_WAIT_MS, SmsOutbox } from './outbox';

const noLeftOut = { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 };

describe('outbox states', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  async function batch(n: number, problems: (string | null)[] = []): Promise<{ o: SmsOutbox; id: number }> {
    t = await makeCore();
    const o = new SmsOutbox(t.core.sqlite, t.core.clock);
    const id = o.createBatch({
      createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut,
      messages: Array.from({ length: n }, (_, i) => ({ customerId: null, number: `8613900000${String(i).padStart(3, '0')}`, text: `m${i}`, parts: 1, problem: problems[i] ?? null })),
    });
    return { o, id };
  }

  it('on restart, a message submitted over 72 hours ago without a receipt becomes 待确认; a late receipt still settles it', async () => {
    const { o, id } = await batch(2);
    const [old, recent] = o.claim('smpp', 2);
    o.submitted(old!.id, ['G-OLD']);
    t.clock.advance(RECEIPT_WAIT_MS - 3600_000);
    o.submitted(recent!.id, ['G-NEW']);
    t.clock.advance(3600_000 + 1);
    o.recover();
    expect(o.counts(id)).toMatchObject({ unknown: 1, submitted: 1 });
    expect(t.core.sqlite.prepare('SELECT status, last_error AS e FROM sms_messages WHERE id = ?').get(old!.id)).toEqual({ status: 'unknown', e: expect.stringContaining('72 小时未收到回执') });
    o.receipt('G-OLD', true, null);
    expect(o.counts(id)).toMatchObject({ delivered: 1, unknown: 0 });
  });

  it('a paused batch gives nothing to the sender until it is resumed', async () => {
    const { o, id } = await batch(3);
    expect(o.claim('smpp', 1)).toHaveLength(1);
    expect(o.setBatchStatus(id, ['sending'], 'paused')).toBe(true);
    expect(o.claim('smpp', 10)).toEqual([]);
    expect(o.claim('modem', 10)).toEqual([]);
    expect(o.setBatchStatus(id, ['paused'], 'sending')).toBe(true);
    expect(o.claim('smpp', 10).map((m) => m.text)).toEqual(['m1', 'm2']);
  });

  it('cancelling fails what was not yet offered, lets in-flight ones finish, and cannot be undone', async () => {
    const { o, id } = await batch(3);
    const [first] = o.claim('smpp', 1);
    expect(o.setBatchStatus(id, ['scheduled', 'sending', 'paused'], 'cancelled')).toBe(true);
    o.submitted(first!.id, ['G1']);
    expect(o.counts(id)).toMatchObject({ submitted: 1, failed: 2, queued: 0 });
    expect(t.core.sqlite.prepare(`SELECT DISTINCT last_error AS e FROM sms_messages WHERE status = 'failed'`).all()).toEqual([{ e: CANCELLED }]);
    expect(o.setBatchStatus(id, ['paused'], 'sending')).toBe(false);
    expect(o.claim('smpp', 10)).toEqual([]);
  });

  it('resend queues the failed ones again (and unknown ones only when asked), never those missing a field', async () => {
    const { o, id } = await batch(4, [null, null, null, '缺少字段:车牌 / Missing fields: 车牌']);
    const [a, b, c] = o.claim('smpp', 3);
    o.failed(a!.id, '网关拒收(ESME_RSYSERR)');
    o.unknown(b!.id, 'dropped');
    o.submitted(c!.id, ['G3']);
    expect(o.finishBatches()).toEqual([id]);
    expect(o.resend(id, false)).toBe(1);
    expect(o.batchStatus(id)).toBe('sending');
    expect(o.claim('smpp', 10).map((m) => [m.text, m.attempts])).toEqual([['m0', 2]]);
    expect(o.resend(id, true)).toBe(1);
    expect(o.claim('smpp', 10).map((m) => m.text)).toEqual(['m1']);
  });

  it('a receipt for every part delivers a long message; one failed part fails it; unknown ids are ignored', async () => {
    const { o, id } = await batch(2);
    t.core.sqlite.prepare('UPDATE sms_messages SET parts = 2').run();
    const [x, y] = o.claim('smpp', 2);
    o.submitted(x!.id, ['A1', 'A2']);
    o.submitted(y!.id, ['B1', 'B2']);
    o.receipt('A1', true, null);
    expect(o.counts(id).delivered).toBe(0);
    o.receipt('A2', true, null);
    o.receipt('B2', false, '未送达:UNDELIV');
    expect(o.receipt('ZZ', true, null)).toBeNull();
    expect(o.counts(id)).toMatchObject({ delivered: 1, failed: 1 });
  });
});

describe('outbox: the parts of a long message', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  const LONG = '您的爱车本周到期保养,请预约到店,本店服务顾问恭候您的光临。'.repeat(5); // 3 parts
  async function longOne(): Promise<{ o: SmsOutbox; id: number; batchId: number }> {
    t = await makeCore();
    const o = new SmsOutbox(t.core.sqlite, t.core.clock);
    const batchId = o.createBatch({
      createdBy: null, templateId: null, body: LONG, channel: 'smpp', scheduledAt: null, leftOut: noLeftOut,
      messages: [{ customerId: null, number: '8613900000001', text: LONG, parts: measure(LONG).parts }],
    });
    const id = (t.core.sqlite.prepare('SELECT id FROM sms_messages WHERE batch_id = ?').get(batchId) as { id: number }).id;
    return { o, id, batchId };
  }
  const state = (id: number) => t.core.sqlite.prepare('SELECT status, last_error AS err FROM sms_messages WHERE id = ?').get(id) as { status: string; err: string | null };

  it('the link went down before part 2 was written: the automatic retry sends parts 2 and 3 only, under the reference part 1 had', async () => {
    const { o, id } = await longOne();
    expect(measure(LONG).parts).toBe(3);
    const [first] = o.claim('smpp', 10);
    expect(first).toMatchObject({ toSend: 3, accepted: new Map() });
    o.partAccepted(id, 1, 'G1');
    o.requeue(id, '短信网关未连接 / not connected'); // part 2 certainly not sent
    const [again] = o.claim('smpp', 10);
    expect(again).toMatchObject({ id, toSend: 2, accepted: new Map([[1, 'G1']]), concatRef: first!.concatRef, attempts: 2 });
    // Whole once parts 2 and 3 are accepted; every part's receipt delivers it.
    o.partAccepted(id, 2, 'G2');
    o.receipt('G1', true, null); // part 1's receipt while part 3 is still on its way: nothing settled yet
    o.partAccepted(id, 3, 'G3');
    o.submitted(id, ['G1', 'G2', 'G3']);
    expect(state(id).status).toBe('submitted');
    o.receipt('G2', true, null);
    o.receipt('G3', true, null);
    expect(state(id).status).toBe('delivered');
    expect(t.core.sqlite.prepare('SELECT part_no AS n, gateway_id AS g FROM sms_parts WHERE message_id = ? ORDER BY part_no').all(id)).toEqual([
      { n: 1, g: 'G1' }, { n: 2, g: 'G2' }, { n: 3, g: 'G3' },
    ]);
  });

  it('the stored text changed after part 1 went out: finishing it is refused with a reason, and 重发 does not queue it again', async () => {
    const { o, id, batchId } = await longOne();
    o.claim('smpp', 10);
    o.partAccepted(id, 1, 'G1');
    o.unknown(id, '提交时与网关的连接中断 / dropped');
    // Not possible through the app (only a scheduled batch's text can change); a repaired database
    // or a version that cuts texts differently could.
    t.core.sqlite.prepare('UPDATE sms_messages SET text = ? WHERE id = ?').run(LONG.replace('保养', '年检'), id);
    expect(o.resend(batchId, true)).toBe(1);
    expect(o.claim('smpp', 10)).toEqual([]);
    expect(state(id)).toEqual({ status: 'failed', err: expect.stringMatching(/^短信内容或编码与已发出的部分不一致.*已发出 1\/3 段/) });
    expect(o.resend(batchId, true)).toBe(0);
    // Another encoding (GSM 7-bit) is refused the same way.
    t.core.sqlite.prepare(`UPDATE sms_messages SET status = 'unknown', last_error = 'dropped', text = ? WHERE id = ?`).run('Service due. '.repeat(30), id);
    expect(o.resend(batchId, true)).toBe(1);
    expect(o.claim('smpp', 10)).toEqual([]);
    expect(state(id).err).toMatch(/^短信内容或编码与已发出的部分不一致/);
  });

  it('重发 of a failed long message sends it whole under a new reference (a failed part can never be joined)', async () => {
    const { o, id, batchId } = await longOne();
    const [first] = o.claim('smpp', 10);
    for (const n of [1, 2, 3]) o.partAccepted(id, n, `G${n}`);
    o.submitted(id, ['G1', 'G2', 'G3']);
    o.receipt('G2', false, '未送达:UNDELIV');
    expect(state(id)).toEqual({ status: 'failed', err: '未送达:UNDELIV' });
    expect(o.resend(batchId, false)).toBe(1);
    const [again] = o.claim('smpp', 10);
    expect(again).toMatchObject({ toSend: 3, accepted: new Map() });
    expect(again!.concatRef).not.toBe(first!.concatRef);
  });

  it('待确认 whose every part was accepted after all (late answers): 重发 sends nothing and it is 已提交', async () => {
    const { o, id, batchId } = await longOne();
    o.claim('smpp', 10);
    o.partAccepted(id, 1, 'G1');
    o.partAccepted(id, 2, 'G2');
    o.unknown(id, '网关未在规定时间内应答 / The gateway did not answer in time');
    expect(state(id).err).toContain('已发出 2/3 段,重发只补发其余 1 段');
    o.lateAccepted(id, 3, 'G3');
    expect(o.resend(batchId, true)).toBe(1);
    expect(o.claim('smpp', 10)).toEqual([]);
    expect(state(id)).toEqual({ status: 'submitted', err: null });
  });

  it('after a crash between parts the reason says how much went out', async () => {
    const { o, id } = await longOne();
    o.claim('smpp', 10);
    o.partAccepted(id, 1, 'G1');
    expect(new SmsOutbox(t.core.sqlite, t.core.clock).recover()).toBe(1);
    expect(state(id)).toEqual({ status: 'unknown', err: expect.stringMatching(/^提交过程中程序中断.*已发出 1\/3 段,重发只补发其余 2 段.* \/ The program stopped.*1 of 3 parts went out/) });
  });
});

describe('rate limiter', () => {
  it('lets through at most the rate per second, with a burst of a tenth of a second', () => {
    let now = 0;
    const r = new RateLimiter(100, () => now);
    expect(r.take(1000)).toBe(10);
    expect(r.take(1000)).toBe(0);
    now += 55;
    expect(r.take(1000)).toBe(5);
    expect(r.waitMs()).toBe(5);
    now += 10_000;
    expect(r.take(1000)).toBe(10); // idle time does not bank more than a tenth of a second's worth
    r.refund(3);
    expect(r.take(1000)).toBe(3);
  });

  it('a slow modem rate (one message per 5 s)', () => {
    let now = 0;
    const r = new RateLimiter(0.2, () => now);
    expect(r.take(5)).toBe(1);
    now += 4_000;
    expect(r.take(5)).toBe(0);
    now += 1_000;
    expect(r.take(5)).toBe(1);
  });
});
