import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { startModemSim, type ModemSim } from '../../../../tests/support/modem-sim';
import { ChannelError } from './channel';
import { ModemChannel } from './modem-channel';
import { SmsService } from './service';

async function until(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GSM modem channel over a socat pseudo-terminal pair', () => {
  let sim: ModemSim | null = null;
  let ch: ModemChannel | null = null;
  let t: TestCore | null = null;
  let sms: SmsService | null = null;
  afterEach(async () => {
    await sms?.stop();
    await ch?.close();
    await sim?.close();
    t?.cleanup();
    sim = ch = t = sms = null;
  });

  it('initialises in PDU mode, reports signal and SIM, sends a long Chinese message as concatenated PDUs through the outbox, and status reports make them delivered', async () => {
    sim = await startModemSim({ signal: 21 });
    sim.reportStatus = 0;
    t = await makeCore();
    sms = new SmsService(t.core);
    const text = '尊敬的王先生,您的爱车保养时间快到了,欢迎预约。'.repeat(4); // 96 characters → 2 parts
    const batchId = sms.outbox.createBatch({
      createdBy: null, templateId: null, body: text, channel: 'modem', scheduledAt: null,
      leftOut: { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 },
      messages: [{ customerId: null, number: '8613800138000', text, parts: 2 }, { customerId: null, number: '8613800138001', text: 'Test OK', parts: 1 }],
    });
    ch = new ModemChannel({ path: sim.devicePath, baudRate: 115200, retryMs: 200 });
    await sms.attach(ch, { window: 1, ratePerSecond: 50 });
    await until('delivered', () => sms!.progress(batchId).delivered === 2);
    expect(ch.signal).toBe(21);
    expect(ch.sim).toBe('READY');
    expect(sim.commands.slice(0, 6)).toEqual(['AT', 'ATE0', 'AT+CMGF=0', 'AT+CNMI=2,2,0,1,0', 'AT+CPIN?', 'AT+CSQ']);
    expect(sim.received.map((r) => [r.number, r.encoding, r.concat?.seq ?? 0])).toEqual([
      ['8613800138000', 'ucs2', 1],
      ['8613800138000', 'ucs2', 2],
      ['8613800138001', 'gsm7', 0],
    ]);
    expect(sim.received.slice(0, 2).map((r) => r.text).join('')).toBe(text);
    expect(sim.received[2]!.text).toBe('Test OK');
  });

  it('a failed status report fails the message; an inbound 退订 is stored and opts the number out', async () => {
    sim = await startModemSim();
    sim.reportStatus = 0x45;
    t = await makeCore();
    sms = new SmsService(t.core);
    const batchId = sms.outbox.createBatch({
      createdBy: null, templateId: null, body: 'x', channel: 'modem', scheduledAt: null,
      leftOut: { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 },
      messages: [{ customerId: null, number: '8613800138000', text: '您好', parts: 1 }],
    });
    ch = new ModemChannel({ path: sim.devicePath, baudRate: 115200, retryMs: 200 });
    await sms.attach(ch, { window: 1, ratePerSecond: 50 });
    await until('failed', () => sms!.progress(batchId).failed === 1);
    expect(t.core.sqlite.prepare('SELECT last_error AS e FROM sms_messages').get()).toEqual({ e: expect.stringMatching(/未送达:状态 0x45/) });
    sim.sendMo('8613900000001', '退订');
    await until('opt-out', () => (t!.core.sqlite.prepare('SELECT count(*) AS n FROM sms_opt_outs').get() as { n: number }).n === 1);
    expect(t.core.sqlite.prepare('SELECT number, text, opt_out AS o FROM sms_inbound').all()).toEqual([{ number: '8613900000001', text: '退订', o: 1 }]);
    // A modem that reports the sender in national form: stored as every phone is (86…), so it
    // matches the customer's number.
    sim.sendMo('13900000002', '好的');
    await until('reply', () => (t!.core.sqlite.prepare('SELECT count(*) AS n FROM sms_inbound').get() as { n: number }).n === 2);
    expect(t.core.sqlite.prepare('SELECT number FROM sms_inbound ORDER BY id').pluck().all()).toEqual(['8613900000001', '8613900000002']);
  });

  it('a modem that does not answer is reported within the timeout, not waited on', async () => {
    sim = await startModemSim();
    sim.mode = 'silent';
    ch = new ModemChannel({ path: sim.devicePath, baudRate: 115200, commandTimeoutMs: 300, retryMs: 60_000 });
    ch.start();
    await until('timeout state', () => ch!.state === 'timeout');
    expect(ch.lastError).toMatch(/短信猫无应答\(AT,0.3 秒\)/);
    await expect(ch.submit({ number: '8613800138000', text: 'x' })).rejects.toMatchObject({ failure: 'not_sent' });
  });

  it('an ERROR answer to a send is a clear message and the message fails (not retried)', async () => {
    sim = await startModemSim();
    ch = new ModemChannel({ path: sim.devicePath, baudRate: 115200, retryMs: 200 });
    ch.start();
    await until('ready', () => ch!.ready);
    sim.mode = 'cmsError';
    const err = await ch.submit({ number: '8613800138000', text: 'hello' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ failure: 'rejected', message: expect.stringMatching(/\+CMS ERROR 38:网络故障/) });
  });

  it('a SIM waiting for its PIN is reported and nothing is sent', async () => {
    sim = await startModemSim();
    sim.mode = 'simPin';
    ch = new ModemChannel({ path: sim.devicePath, baudRate: 115200, retryMs: 60_000 });
    ch.start();
    await until('error state', () => ch!.state === 'error');
    expect(ch.lastError).toMatch(/SIM 卡状态:SIM PIN/);
    expect(ch.sim).toBe('SIM PIN');
  });
});
