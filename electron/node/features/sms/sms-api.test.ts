import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { startSmsc, type Smsc } from '../../../../tests/support/smsc';
import { todayIn } from '../../../common/dates';

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('SMS API: preview, send, schedule, history, settings', () => {
  let t: TestCore;
  let smsc: Smsc;
  let tok: Record<string, string>;
  let uid: Record<string, number>;
  const cust: Record<string, number> = {};

  function customer(name: string, gender: string, owner: number, phone: string | null, opts: { dnd?: boolean; plate?: string | null } = {}): number {
    const now = t.clock.now();
    const id = Number(
      t.core.sqlite.prepare(`INSERT INTO customers (name, gender, owner_id, dnd_sms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(name, gender, owner, opts.dnd ? 1 : 0, now, now).lastInsertRowid,
    );
    if (phone) t.core.sqlite.prepare(`INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)`).run(id, phone, `86${phone}`);
    if (opts.plate !== undefined) {
      t.core.sqlite.prepare(`INSERT INTO vehicles (customer_id, vin, plate, model, created_at, updated_at) VALUES (?, ?, ?, 'X1', ?, ?)`).run(id, `VIN${id}`.padEnd(17, '0'), opts.plate, now, now);
    }
    return id;
  }

  beforeAll(async () => {
    smsc = await startSmsc();
    t = await makeCore();
    ({ tok, uid } = await usersWithSessions(t.core, [
      ['admin1', 'admin'],
      ['sales1', 'salesConsultant'],
      ['sales2', 'salesConsultant'],
      ['advisor1', 'serviceAdvisor'],
    ]));
    cust.wang = customer('王小明', 'male', uid.sales1!, '13900000001', { plate: '粤B12345' });
    cust.li = customer('李娜', 'female', uid.sales1!, '13900000002', { plate: null });
    cust.dnd = customer('赵免扰', 'male', uid.sales1!, '13900000003', { dnd: true });
    cust.opt = customer('钱退订', 'male', uid.sales1!, '13900000004', { plate: '粤B00004' });
    cust.twin = customer('王小明家属', 'female', uid.sales1!, '13900000001', { plate: '粤B12346' });
    cust.other = customer('孙别人', 'male', uid.sales2!, '13900000009', { plate: '粤B99999' });
    t.core.sqlite.prepare(`INSERT INTO sms_opt_outs (number, source, created_at) VALUES ('8613900000004', 'reply', 0)`).run();
  });
  afterAll(async () => {
    await t.core.services.sms.stop();
    t.cleanup();
    await smsc.close();
  });

  const audience = () => ({ customerIds: [cust.wang!, cust.li!, cust.dnd!, cust.opt!, cust.twin!, cust.other!], manualNumbers: '138 0013 8000\n12345\n+86 13900000001' });
  const message = { body: '{称呼}您好,您的爱车{车牌}保养提醒。', channel: 'smpp' as const };

  it('preview: DND / opted out / duplicates / not visible left out and counted, a missing field listed, texts with the dealer signature', async () => {
    const r = await call(t.core, tok.sales1!, 'sms.preview', { audience: audience(), message });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value as { sendable: number; leftOut: unknown; invalidNumbers: { line: number }[]; missing: { name: string; fields: string[] }[]; samples: { text: string; parts: number; chars: number }[] };
    // wang, li (missing plate), manual 13800138000; twin + the manual copy of wang's number are duplicates; 孙别人 is not sales1's.
    expect(p.leftOut).toEqual({ dnd: 1, optOut: 1, duplicate: 2, noMobile: 0, noConsent: 0 });
    expect(p.sendable).toBe(1); // wang; li lacks {车牌}; the manual number has no plate either
    expect(p.missing.map((m) => [m.name, m.fields])).toEqual([['李娜', ['车牌']], [null, ['称呼', '车牌']]]);
    expect(p.invalidNumbers.map((i) => i.line)).toEqual([2]);
    expect(p.samples[0]).toMatchObject({ text: '王先生您好,您的爱车粤B12345保养提醒。【一汽-大众 演示经销商】', parts: 1 });
  });

  it('ticked rows of a task list are texted as their customers (only the ticked ones)', async () => {
    const now = t.clock.now();
    const task = t.core.sqlite.prepare(`INSERT INTO tasks (kind, natural_key, customer_id, due_date, status, assignee_id, created_at, updated_at) VALUES ('regular_service', ?, ?, '2026-11-23', 'open', ?, ?, ?)`);
    // Li's task first, so task ids and customer ids differ (a row id taken for a customer id would text Li).
    task.run(`k:${cust.li}`, cust.li, uid.admin1, now, now);
    const tWang = Number(task.run(`k:${cust.wang}`, cust.wang, uid.admin1, now, now).lastInsertRowid);
    expect(tWang).not.toBe(cust.wang);
    const r = await call(t.core, tok.admin1!, 'sms.preview', {
      audience: { rows: { query: { dataset: 'serviceTasks', scope: 'all', filter: { columns: [] } }, ids: [tWang, 999_999] } },
      message: { body: '{姓名}您好' },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as { sendable: number; samples: { name: string }[] }).samples.map((x) => x.name)).toEqual(['王小明']);
  });

  it('a user without the sms.send permission is refused', async () => {
    const r = await call(t.core, tok.advisor1!, 'sms.preview', { audience: audience(), message });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });

  it('a template with an unknown field, or an empty message, is refused with the reason', async () => {
    const r1 = await call(t.core, tok.sales1!, 'sms.preview', { audience: audience(), message: { body: '{姓命}您好' } });
    expect(!r1.ok && r1.error.message).toMatch(/未知字段:\{姓命\}/);
    const r2 = await call(t.core, tok.sales1!, 'sms.preview', { audience: audience(), message: { body: '   ' } });
    expect(!r2.ok && r2.error.message).toMatch(/短信内容为空/);
  });

  it('settings: the SMPP password is stored sealed and never sent back', async () => {
    const save = await call(t.core, tok.admin1!, 'sms.settings.save', {
      smpp: { enabled: true, host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', sourceAddr: '10690001', ratePerSecond: 200, windowSize: 10 },
      modem: { enabled: false, path: '/dev/null', baudRate: 115200, ratePerSecond: 0.2 },
      signature: '鹏城汽车',
    });
    expect(save.ok).toBe(true);
    expect(JSON.stringify(save)).not.toContain('secret12');
    const raw = t.core.sqlite.prepare(`SELECT password_enc AS p FROM sms_channels WHERE kind = 'smpp'`).get() as { p: string };
    expect(raw.p).toMatch(/^v1:/);
    expect(raw.p).not.toContain('secret12');
    const get = await call(t.core, tok.admin1!, 'sms.settings', {});
    expect(get.ok && (get.value as { smpp: { hasPassword: boolean } }).smpp.hasPassword).toBe(true);
    const denied = await call(t.core, tok.sales1!, 'sms.settings', {});
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
    await until('bound', async () => {
      const s = await call(t.core, tok.sales1!, 'sms.status', {});
      return s.ok && (s.value as { smpp: { state: string } }).smpp.state === 'bound';
    });
  });

  it('send: the batch lists who was left out and why, delivers, and shows in the customer history', async () => {
    const r = await call(t.core, tok.sales1!, 'sms.send', { audience: audience(), message });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const batchId = (r.value as { batchId: number }).batchId;
    await until('delivered', () => t.core.services.sms.progress(batchId).delivered === 1);
    expect(smsc.received.map((m) => [m.number, m.text])).toEqual([['8613900000001', '王先生您好,您的爱车粤B12345保养提醒。【鹏城汽车】']]);
    const b = await call(t.core, tok.sales1!, 'sms.batch', { batchId });
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    const v = b.value as { batch: Record<string, unknown>; problems: { customerName: string | null; lastError: string }[] };
    expect(v.batch).toMatchObject({ leftOutDnd: 1, leftOutOptOut: 1, leftOutDuplicate: 2, delivered: 1, failed: 2 });
    expect(v.problems.map((p) => p.lastError)).toEqual([expect.stringMatching(/缺少字段:车牌/), expect.stringMatching(/缺少字段/)]);
    const h = await call(t.core, tok.sales1!, 'sms.customerHistory', { customerId: cust.wang! });
    expect(h.ok && (h.value as { status: string }[]).map((m) => m.status)).toEqual(['delivered']);
    // Another consultant can neither read the batch nor the customer's history.
    const b2 = await call(t.core, tok.sales2!, 'sms.batch', { batchId });
    expect(!b2.ok && b2.error.code).toBe('FORBIDDEN');
    const h2 = await call(t.core, tok.sales2!, 'sms.customerHistory', { customerId: cust.wang! });
    expect(!h2.ok && h2.error.code).toBe('NOT_FOUND');
  });

  it('scheduled: waits, can be re-timed and re-worded until it starts, then the due job sends it; cancelled batches send nothing', async () => {
    smsc.received.length = 0;
    const at = t.clock.now() + 3_600_000;
    const r = await call(t.core, tok.sales1!, 'sms.send', { audience: { customerIds: [cust.wang!] }, message, scheduledAt: at });
    expect(r.ok && (r.value as { status: string }).status).toBe('scheduled');
    const batchId = r.ok ? (r.value as { batchId: number }).batchId : 0;
    const re = await call(t.core, tok.sales1!, 'sms.batch.reschedule', { batchId, scheduledAt: at + 60_000 });
    expect(re.ok).toBe(true);
    const ed = await call(t.core, tok.sales1!, 'sms.batch.edit', { batchId, body: '{姓名},明天见。', scheduledAt: at + 60_000 });
    expect(ed.ok).toBe(true);
    expect(t.core.sqlite.prepare('SELECT text FROM sms_messages WHERE batch_id = ?').pluck().all(batchId)).toEqual(['王小明,明天见。【鹏城汽车】']);
    expect(t.core.services.sms.sendDueBatches(at + 30_000)).toEqual([]);
    const c = await call(t.core, tok.sales1!, 'sms.send', { audience: { customerIds: [cust.wang!] }, message, scheduledAt: at });
    const cancelId = c.ok ? (c.value as { batchId: number }).batchId : 0;
    expect((await call(t.core, tok.sales1!, 'sms.batch.cancel', { batchId: cancelId })).ok).toBe(true);
    expect(t.core.services.sms.sendDueBatches(at + 60_000)).toEqual([batchId]);
    await until('delivered', () => t.core.services.sms.progress(batchId).delivered === 1);
    const late = await call(t.core, tok.sales1!, 'sms.batch.reschedule', { batchId, scheduledAt: at + 120_000 });
    expect(!late.ok && late.error.code).toBe('CONFLICT');
    const lateEdit = await call(t.core, tok.sales1!, 'sms.batch.edit', { batchId, body: '改', scheduledAt: at + 120_000 });
    expect(!lateEdit.ok && lateEdit.error.code).toBe('CONFLICT');
    expect(smsc.received.map((m) => m.text)).toEqual(['王小明,明天见。【鹏城汽车】']);
    expect(t.core.services.sms.progress(cancelId)).toMatchObject({ status: 'cancelled', failed: 1, delivered: 0 });
    expect(smsc.received).toHaveLength(1);
  });

  it('resending a cancelled batch is refused with a reason and queues nothing (rows used to wait for ever)', async () => {
    const at = t.clock.now() + 7_200_000;
    const c = await call(t.core, tok.sales1!, 'sms.send', { audience: { customerIds: [cust.wang!] }, message, scheduledAt: at });
    const batchId = c.ok ? (c.value as { batchId: number }).batchId : 0;
    expect((await call(t.core, tok.sales1!, 'sms.batch.cancel', { batchId })).ok).toBe(true);
    const r = await call(t.core, tok.sales1!, 'sms.batch.resend', { batchId, includeUnknown: true });
    expect(!r.ok && r.error.code).toBe('CONFLICT');
    expect(!r.ok && r.error.message).toContain('批次已取消');
    expect(t.core.sqlite.prepare(`SELECT count(*) FROM sms_messages WHERE batch_id = ? AND status = 'queued'`).pluck().get(batchId)).toBe(0);
  });

  it('a template that does not exist is the same clear refusal for preview and send, not a 500', async () => {
    for (const m of ['sms.preview', 'sms.send'] as const) {
      const r = await call(t.core, tok.sales1!, m, { audience: { customerIds: [cust.wang!] }, message: { ...message, templateId: 999_999 } });
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
      expect(!r.ok && r.error.message).toContain('短信模板不存在');
    }
  });

  it('营销: a marketing template (the default for a new one) reaches only customers with consent given, whatever purpose is picked; service text reaches all; the batch records it', async () => {
    t.core.sqlite.prepare(`UPDATE customers SET consent_status = 'given', consent_date = '2026-11-01', consent_method = 'paper' WHERE id = ?`).run(cust.wang);
    t.core.sqlite.prepare(`UPDATE customers SET consent_status = 'withdrawn', consent_date = '2026-10-01', consent_method = 'paper', consent_withdrawn_date = '2026-11-02' WHERE id = ?`).run(cust.li);
    const saved = await call(t.core, tok.admin1!, 'sms.template.save', { name: '双十二活动', body: '{称呼}您好,双十二到店有礼。' });
    expect(saved.ok && (saved.value as { purpose: string }).purpose).toBe('marketing');
    const templateId = saved.ok ? (saved.value as { id: number }).id : 0;
    const who = { customerIds: [cust.wang!, cust.li!, cust.other!], manualNumbers: '138 0013 8001' };
    // Picked 服务通知, but the template is 营销: li (withdrawn) and the typed number (no consent) are left out.
    const m = await call(t.core, tok.admin1!, 'sms.preview', { audience: who, message: { templateId, body: '{称呼}您好,双十二到店有礼。', purpose: 'service' } });
    expect(m.ok && (m.value as { purpose: string }).purpose).toBe('marketing');
    expect(m.ok && (m.value as { leftOut: unknown }).leftOut).toEqual({ dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 3 });
    expect(m.ok && (m.value as { sendable: number }).sendable).toBe(1);
    // The same text as a 服务通知 without the template: everyone with a mobile.
    const sv = await call(t.core, tok.admin1!, 'sms.preview', { audience: who, message: { body: '您好,您的车已修好。', purpose: 'service' } });
    expect(sv.ok && (sv.value as { leftOut: { noConsent: number }; sendable: number })).toMatchObject({ leftOut: { noConsent: 0 }, sendable: 4 });
    // Sent: the batch is 营销 with the count left out for consent.
    const sent = await call(t.core, tok.admin1!, 'sms.send', { audience: who, message: { templateId, body: '{称呼}您好,双十二到店有礼。' }, scheduledAt: t.clock.now() + 3_600_000 });
    expect(sent.ok).toBe(true);
    const batchId = sent.ok ? (sent.value as { batchId: number }).batchId : 0;
    const b = await call(t.core, tok.admin1!, 'sms.batch', { batchId });
    expect(b.ok && (b.value as { batch: unknown }).batch).toMatchObject({ purpose: 'marketing', leftOutNoConsent: 3 });
    expect(t.core.sqlite.prepare('SELECT customer_id FROM sms_messages WHERE batch_id = ?').pluck().all(batchId)).toEqual([cust.wang]);
    await call(t.core, tok.admin1!, 'sms.batch.cancel', { batchId });
    // A template marked 服务通知 keeps it when saved again without saying.
    const svc = await call(t.core, tok.admin1!, 'sms.template.save', { id: templateId, name: '到店通知', body: '{称呼}您好', purpose: 'service' });
    expect(svc.ok && (svc.value as { purpose: string }).purpose).toBe('service');
    const again = await call(t.core, tok.admin1!, 'sms.template.save', { id: templateId, name: '到店通知', body: '{称呼}您好!' });
    expect(again.ok && (again.value as { purpose: string }).purpose).toBe('service');
  });

  it('a TD reply withdraws the customer\'s consent to commercial messages, dated today, audited', async () => {
    const id = customer('吴同意', 'male', uid.sales1!, '13900000006');
    t.core.sqlite.prepare(`UPDATE customers SET consent_status = 'given', consent_date = '2026-11-01', consent_method = 'esign' WHERE id = ?`).run(id);
    t.core.services.sms.inbound('8613900000006', '退订');
    const today = todayIn(t.core.settings.get('dealer.timeZone'), t.clock.now());
    expect(t.core.sqlite.prepare('SELECT consent_status AS s, consent_date AS d, consent_method AS m, consent_withdrawn_date AS w, dnd_sms AS dnd FROM customers WHERE id = ?').get(id)).toEqual({
      s: 'withdrawn', d: '2026-11-01', m: 'esign', w: today, dnd: 1,
    });
    const audit = t.core.sqlite.prepare(`SELECT after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND after LIKE '%consentStatus%'`).pluck().all(String(id)) as string[];
    expect(audit.map((a) => JSON.parse(a))).toEqual([{ dndSms: true, consentStatus: 'withdrawn', consentWithdrawnDate: today, reason: '短信回复退订:退订' }]);
  });

  it('a customer who replied TD (opted out, which also set 免打扰) is counted as 已退订, not 免打扰', async () => {
    const id = customer('周已回复', 'male', uid.sales1!, '13900000005', { dnd: true, plate: '粤B00005' });
    t.core.sqlite.prepare(`INSERT INTO sms_opt_outs (number, source, created_at) VALUES ('8613900000005', 'reply', 0)`).run();
    const r = await call(t.core, tok.sales1!, 'sms.preview', { audience: { customerIds: [id, cust.dnd!] }, message });
    expect(r.ok && (r.value as { leftOut: unknown }).leftOut).toEqual({ dnd: 1, optOut: 1, duplicate: 0, noMobile: 0, noConsent: 0 });
  });
});
