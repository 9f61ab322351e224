import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { startSmsc, type Smsc, type SmscOptions } from '../../../../tests/support/smsc';
import { measure } from './encoding';
import type { NewMessage } from './outbox';
import { SmsService } from './service';
import { noLeftOut, testMessage, until } from './sender.test-support';
import { SmppChannel } from './smpp-channel';

/**
 * Gateways that misbehave the way real ones do: one that hangs on submits while still answering
 * enquire_link, one that answers late, one that throttles only the later parts of a long text.
 */

const msg = (i: number, text = `到期提醒 #${i}`) => testMessage(i, text);

describe('SMS sender against a misbehaving gateway', () => {
  let t: TestCore | undefined;
  let smsc: Smsc | undefined;
  let sms: SmsService | undefined;
  afterEach(async () => {
    await sms?.stop();
    t?.cleanup();
    await smsc?.close();
  });

  async function start(smscOpts: SmscOptions, channelOpts: Partial<ConstructorParameters<typeof SmppChannel>[0]>, rate = 50): Promise<void> {
    smsc = await startSmsc(smscOpts);
    t = await makeCore();
    sms = new SmsService(t.core);
    const channel = new SmppChannel({ host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', reconnectMinMs: 50, reconnectMaxMs: 200, ...channelOpts });
    await sms.attach(channel, { window: 1, ratePerSecond: rate });
  }
  const batch = (messages: NewMessage[]) => sms!.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages });

  it('a gateway that stops answering submits (but answers enquire_link) is reset after 3 timeouts in a row, and sending goes on', async () => {
    await start({}, { responseTimeoutMs: 400, maxConsecutiveTimeouts: 3 });
    await until('bound', () => smsc!.binds === 1);
    smsc!.answerSubmits = false;
    const hung = batch([msg(1), msg(2), msg(3)]);
    await until('three timeouts', () => sms!.progress(hung).unknown === 3);
    // Reset: a new bind, where before the link stayed up and every message timed out for ever.
    await until('rebound', () => smsc!.binds === 2);
    smsc!.answerSubmits = true;
    const after = batch([msg(4)]);
    await until('delivered after the reset', () => sms!.progress(after).delivered === 1);
  });

  it('a late answer lets the receipt settle a 待确认 message as delivered (it proves it arrived once)', async () => {
    await start({}, { responseTimeoutMs: 400, maxConsecutiveTimeouts: 10 });
    await until('bound', () => smsc!.binds === 1);
    smsc!.submitAnswerDelayMs = 1500;
    const b = batch([msg(1)]);
    await until('unknown first', () => sms!.progress(b).unknown === 1);
    await until('delivered by its receipt', () => sms!.progress(b).delivered === 1);
    expect(smsc!.received).toHaveLength(1); // never sent twice
  });

  it('a long text whose part 2 is refused as "too fast" is made whole with the same reference, part 1 not repeated', async () => {
    // 20 submit_sm a second at most; the app at 50 parts a second meets the limit on some part 2s.
    await start({ maxSubmitsPerSecond: 20 }, {}, 50);
    const long = '尊敬的客户,您的爱车保险即将到期,'.repeat(5); // 85 characters → 2 parts
    expect(measure(long).parts).toBe(2);
    const b = batch(Array.from({ length: 30 }, (_, i) => msg(i, long)));
    await until('all delivered', () => sms!.progress(b).delivered === 30, 60_000);
    expect(smsc!.throttled).toBeGreaterThan(0); // the gateway did refuse some submits
    // Each message's parts arrived exactly once each: 30 × part 1, 30 × part 2, no fragments, no repeats.
    const parts = smsc!.received.map((r) => `${r.number}:${r.concat?.seq}`);
    expect(parts).toHaveLength(60);
    expect(new Set(parts).size).toBe(60);
  });
});
