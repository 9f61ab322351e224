import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { RateLimiter } from './channel';
import { CANCELLED, RECEIPT_WAIT_MS, SmsOutbox } from './outbox';

const noLeftOut = { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0 };

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
