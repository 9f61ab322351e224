import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { startSmsc, type Smsc } from '../../../../tests/support/smsc';
import { measure } from './encoding';
import type { NewMessage } from './outbox';
import { MAX_THROTTLED_ATTEMPTS } from './sender';
import { SmsService } from './service';
import { noLeftOut, testMessage, until } from './sender.test-support';
import { SmppChannel } from './smpp-channel';

/**
 * A dealer's SMS account has a rate limit at the gateway, usually below what the app is set to.
 * The gateway answers ESME_RTHROTTLED past it; an ESME that keeps hammering it (2,147 throttled
 * retries for 406 messages, one message tried 319 times, measured against an independent SMSC)
 * may get the account blocked. The sender halves its rate and pauses on "too fast", probes back up,
 * and gives a message up after MAX_THROTTLED_ATTEMPTS.
 */

const msg = (i: number, text = `保养提醒 #${i}`) => testMessage(i, text);

describe('SMS sender against a gateway that throttles', () => {
  let t: TestCore | undefined;
  let smsc: Smsc | undefined;
  let sms: SmsService | undefined;
  afterEach(async () => {
    await sms?.stop();
    t?.cleanup();
    await smsc?.close();
  });

  async function start(maxSubmitsPerSecond: number, appRate: number, messages: NewMessage[]): Promise<number> {
    smsc = await startSmsc({ maxSubmitsPerSecond });
    t = await makeCore();
    sms = new SmsService(t.core);
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages });
    const channel = new SmppChannel({ host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', reconnectMinMs: 50, reconnectMaxMs: 400 });
    await sms.attach(channel, { window: 10, ratePerSecond: appRate });
    return batchId;
  }

  it('backs off: 300 messages through a 100/s gateway with the app set to 500/s are all delivered, few refused, none hammered', async () => {
    const batchId = await start(100, 500, Array.from({ length: 300 }, (_, i) => msg(i)));
    let sawThrottled = false;
    await until('all delivered', () => {
      sawThrottled ||= sms!.progress(batchId).gatewayThrottled === true;
      return sms!.progress(batchId).delivered === 300;
    });
    // Before: more throttled answers than messages (2,147 for 406). Now a small fraction.
    expect(smsc!.throttled).toBeLessThan(300 * 0.25);
    const maxAttempts = t!.core.sqlite.prepare('SELECT max(attempts) FROM sms_messages WHERE batch_id = ?').pluck().get(batchId) as number;
    expect(maxAttempts).toBeLessThanOrEqual(MAX_THROTTLED_ATTEMPTS);
    expect(sawThrottled).toBe(true); // the batch view said 网关限流 while it happened
    expect(smsc!.received).toHaveLength(300); // each message exactly once
  });

  it('gives a message up after the attempt cap when the gateway never lets it through, with a reason', async () => {
    const batchId = await start(0, 50, [msg(1)]);
    await until('failed', () => sms!.progress(batchId).failed === 1);
    const row = t!.core.sqlite.prepare('SELECT attempts, last_error AS err FROM sms_messages WHERE batch_id = ?').get(batchId) as { attempts: number; err: string };
    expect(row.attempts).toBe(MAX_THROTTLED_ATTEMPTS);
    expect(row.err).toContain('网关持续限流');
    expect(smsc!.throttled).toBe(MAX_THROTTLED_ATTEMPTS);
  });

  it('counts submit_sm parts against the rate, not messages: two-part texts at rate 10 stay within the gateway limit of 10/s', async () => {
    const long = '尊敬的客户,'.repeat(14); // 84 characters → 2 parts
    expect(measure(long).parts).toBe(2);
    const batchId = await start(10, 10, Array.from({ length: 12 }, (_, i) => msg(i, long)));
    await until('all delivered', () => sms!.progress(batchId).delivered === 12);
    // Rate 10 counted in messages sent 20 submit_sm a second: about half of all submits met "too
    // fast". Counted in parts, at most a stray one when the loaded test machine bunches the
    // simulator's own event loop (it runs in this process).
    expect(smsc!.throttled).toBeLessThanOrEqual(2);
    expect(smsc!.received).toHaveLength(24);
  });
});
