import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { startSmsc, type Smsc } from '../../../../tests/support/smsc';
import { SmsService } from './service';
import { noLeftOut, testMessage, until } from './sender.test-support';
import { SmppChannel, parseReceiptText } from './smpp-channel';


const msg = testMessage;

describe('SMPP channel through the SMSC simulator', () => {
  let t: TestCore;
  let smsc: Smsc;
  let sms: SmsService;
  const channel = (over: Partial<ConstructorParameters<typeof SmppChannel>[0]> = {}) =>
    new SmppChannel({ host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', reconnectMinMs: 50, reconnectMaxMs: 400, ...over });

  beforeAll(async () => {
    smsc = await startSmsc({ undeliverable: new Set(['8613700000007']), rejected: new Set(['8613700000008']) });
  });
  afterAll(async () => {
    await smsc.close();
  });
  afterEach(async () => {
    await sms?.stop();
    t?.cleanup();
    smsc.received.length = 0;
  });

  async function setup(): Promise<void> {
    t = await makeCore();
    sms = new SmsService(t.core);
  }

  it('sends a batch: every message once, with its gateway id, then delivered by receipt', async () => {
    await setup();
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: Array.from({ length: 50 }, (_, i) => msg(i)) });
    const events: unknown[] = [];
    t.core.events.subscribe((e) => events.push(e));
    await sms.attach(channel(), { window: 10, ratePerSecond: 1000 });
    await until('all delivered', () => sms.progress(batchId).delivered === 50);
    expect(smsc.received.map((r) => r.text).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `测试短信 #${i}`).sort());
    const rows = t.core.sqlite.prepare('SELECT status, message_id AS mid, attempts FROM sms_messages WHERE batch_id = ?').all(batchId) as { status: string; mid: string; attempts: number }[];
    expect(new Set(rows.map((r) => r.mid)).size).toBe(50);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    await until('batch done', () => sms.progress(batchId).status === 'done');
    await until('progress event', () => events.some((e) => (e as { event: string; payload: { status: string } }).event === 'sms.batch' && (e as { payload: { status: string } }).payload.status === 'done'));
  });

  it('a receipt that cannot be written (database busy) is logged and retried, and never ends the process', async () => {
    await setup();
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [msg(1), msg(2)] });
    // The first receipt writes fail as a second process holding the database would make them
    // fail (SQLITE_BUSY thrown from the deliver_sm event, which used to crash the host).
    const real = sms.outbox.receipt.bind(sms.outbox);
    let refusals = 2;
    sms.outbox.receipt = (...a: Parameters<typeof real>) => {
      if (refusals-- > 0) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return real(...a);
    };
    const logged: unknown[] = [];
    const origError = console.error;
    console.error = (...a: unknown[]) => void logged.push(a);
    try {
      await sms.attach(channel(), { window: 5, ratePerSecond: 100 });
      await until('both delivered after the retries', () => sms.progress(batchId).delivered === 2);
    } finally {
      console.error = origError;
    }
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(String((logged[0] as unknown[])[0])).toContain('not recorded');
  });

  it('long Chinese text goes as UCS-2 (data_coding 8) in parts of 67 with one concatenation reference', async () => {
    await setup();
    const text = '尊敬的王先生,'.repeat(25); // 175 characters → 3 parts
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: text, channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [msg(1, text)] });
    await sms.attach(channel(), { window: 5, ratePerSecond: 100 });
    await until('delivered', () => sms.progress(batchId).delivered === 1);
    expect(smsc.received).toHaveLength(3);
    expect(smsc.received.every((r) => r.dataCoding === 8)).toBe(true);
    expect(smsc.received.map((r) => r.concat?.seq)).toEqual([1, 2, 3]);
    expect(new Set(smsc.received.map((r) => r.concat?.ref)).size).toBe(1);
    expect(smsc.received.map((r) => r.text.length)).toEqual([67, 67, 41]);
    expect(smsc.received.map((r) => r.text).join('')).toBe(text);
  });

  it('a refused bind says why, and the batch stays queued', async () => {
    await setup();
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [msg(1)] });
    const ch = channel({ password: 'wrong' });
    await sms.attach(ch, { window: 5, ratePerSecond: 100 });
    await expect(ch.waitBound(5000)).rejects.toThrow(/账号或密码错误.*ESME_RINVPASWD/);
    expect(sms.progress(batchId)).toMatchObject({ status: 'sending', queued: 1 });
    expect(smsc.received).toHaveLength(0);
  });

  it('a rejected number and an undeliverable one fail with their reason; the rest are delivered', async () => {
    await setup();
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [6, 7, 8].map((i) => ({ ...msg(i), number: `861370000000${i}` })) });
    await sms.attach(channel(), { window: 5, ratePerSecond: 100 });
    await until('finished', () => sms.progress(batchId).delivered + sms.progress(batchId).failed === 3);
    const rows = t.core.sqlite.prepare('SELECT number, status, last_error AS err FROM sms_messages WHERE batch_id = ? ORDER BY number').all(batchId);
    expect(rows).toEqual([
      { number: '8613700000006', status: 'delivered', err: null },
      { number: '8613700000007', status: 'failed', err: expect.stringMatching(/未送达:UNDELIV/) },
      { number: '8613700000008', status: 'failed', err: expect.stringMatching(/网关拒收\(ESME_RINVDSTADR\)/) },
    ]);
  });

  it('a dropped connection mid-batch: reconnects, resumes, and sends nothing twice', async () => {
    await setup();
    const n = 200;
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: Array.from({ length: n }, (_, i) => msg(i)) });
    smsc.dropAfter(60);
    await sms.attach(channel(), { window: 20, ratePerSecond: 2000 });
    await until('batch done', () => sms.progress(batchId).status === 'done');
    expect(smsc.binds).toBeGreaterThanOrEqual(2);
    const rows = t.core.sqlite.prepare('SELECT text, status FROM sms_messages WHERE batch_id = ?').all(batchId) as { text: string; status: string }[];
    const got = new Map<string, number>();
    for (const r of smsc.received) got.set(r.text, (got.get(r.text) ?? 0) + 1);
    for (const r of rows) {
      if (r.status === 'unknown') expect(got.get(r.text) ?? 0).toBeLessThanOrEqual(1);
      else expect([r.text, r.status, got.get(r.text)]).toEqual([r.text, expect.stringMatching(/submitted|delivered/), 1]);
    }
    expect(smsc.received.length).toBeLessThanOrEqual(n);
  });

  it('keeps the link alive with enquire_link, and a gateway that stops answering is dropped and re-bound', async () => {
    await setup();
    const ch = channel({ enquireLinkMs: 50, responseTimeoutMs: 150 });
    await sms.attach(ch, { window: 5, ratePerSecond: 100 });
    await ch.waitBound();
    const binds = smsc.binds;
    await until('keep-alive', () => smsc.enquireLinks >= 3);
    expect(smsc.binds).toBe(binds); // answered: the link stays up
    smsc.answerEnquireLink = false;
    try {
      await until('re-bind after the dead link', () => smsc.binds > binds);
    } finally {
      smsc.answerEnquireLink = true;
    }
    await until('bound again', () => ch.ready);
  });

  it('a reply TD / 退订 opts the number out, sets the customer’s SMS 免打扰 (audited) and is stored against the customer', async () => {
    await setup();
    const now = t.clock.now();
    const cid = Number(t.core.sqlite.prepare(`INSERT INTO customers (name, created_at, updated_at) VALUES ('王小明', ?, ?)`).run(now, now).lastInsertRowid);
    t.core.sqlite.prepare(`INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, '13900000001', '8613900000001', 'mobile', 1)`).run(cid);
    const ch = channel();
    await sms.attach(ch, { window: 5, ratePerSecond: 100 });
    await ch.waitBound();
    smsc.sendMo('13900000001', '您好,收到');
    smsc.sendMo('+8613900000001', '退订');
    await until('two inbound', () => (t.core.sqlite.prepare('SELECT count(*) AS n FROM sms_inbound').get() as { n: number }).n === 2);
    expect(t.core.sqlite.prepare('SELECT number, text, customer_id AS c, opt_out AS o FROM sms_inbound ORDER BY id').all()).toEqual([
      { number: '8613900000001', text: '您好,收到', c: cid, o: 0 },
      { number: '8613900000001', text: '退订', c: cid, o: 1 },
    ]);
    expect(t.core.sqlite.prepare('SELECT number FROM sms_opt_outs').all()).toEqual([{ number: '8613900000001' }]);
    expect(t.core.sqlite.prepare('SELECT dnd_sms AS d FROM customers WHERE id = ?').get(cid)).toEqual({ d: 1 });
    expect(t.core.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'customer' AND entity_id = ?`).get(String(cid))).toEqual({ n: 1 });
  });

  it('after a crash: in-flight messages become unknown (never re-sent), queued ones are sent', async () => {
    await setup();
    const batchId = sms.outbox.createBatch({ createdBy: null, templateId: null, body: 'x', channel: 'smpp', scheduledAt: null, leftOut: noLeftOut, messages: [msg(1), msg(2), msg(3)] });
    sms.outbox.claim('smpp', 1); // the process "dies" right after committing 'submitting'
    const restarted = new SmsService(t.core);
    expect(restarted.recovered).toBe(1);
    sms = restarted;
    await sms.attach(channel(), { window: 5, ratePerSecond: 100 });
    await until('delivered', () => sms.progress(batchId).delivered === 2);
    expect(sms.progress(batchId)).toMatchObject({ status: 'done', unknown: 1, delivered: 2 });
    expect(smsc.received.map((r) => r.text).sort()).toEqual(['测试短信 #2', '测试短信 #3']);
  });
});

describe('receipt text', () => {
  it('reads id, stat and err from the SMPP 3.4 appendix B format', () => {
    expect(parseReceiptText('id:ABC123 sub:001 dlvrd:001 submit date:2611301200 done date:2611301201 stat:DELIVRD err:000 text:hello')).toEqual({ id: 'ABC123', stat: 'DELIVRD', err: '000' });
  });
});
