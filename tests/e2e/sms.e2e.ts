/**
 * 发短信 from a customer list against the real server and the SMSC simulator on loopback: tick
 * customers → 发短信 → pick a template → the preview shows the parts and the DND customers left
 * out → send → the batch's progress reaches delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSmsSettings } from '../../electron/node/features/sms/settings';
import { startSmsc, type Smsc } from '../support/smsc';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);
let smsc: Smsc;

describe('SMS from a customer grid (real server, SMSC simulator)', () => {
  beforeAll(async () => {
    smsc = await startSmsc();
    const admin = env.core.sqlite.prepare(`SELECT id FROM users WHERE username = 'admin'`).pluck().get() as number;
    saveSmsSettings(env.core, admin, {
      smpp: { enabled: true, host: '127.0.0.1', port: smsc.port, systemId: 'dscrm', password: 'secret12', sourceAddr: '10690001', ratePerSecond: 100, windowSize: 10 },
      modem: { enabled: false, path: '/dev/null', baudRate: 115200, ratePerSecond: 0.2 },
      signature: '鹏城汽车',
    });
    await env.core.services.sms.restartChannels();
    const now = Date.now();
    env.core.sqlite
      .prepare(`INSERT INTO sms_templates (name, body, category, purpose, active, created_at, updated_at) VALUES ('保养提醒', ?, '保养', 'service', 1, ?, ?)`)
      .run('{称呼}您好!您的爱车保养时间快到了,欢迎预约。本店地址:深圳市南山区科技园南路 88 号,营业时间 8:30-18:00,服务热线 0755-88881234,期待您的光临。', now, now);
  });
  afterAll(async () => {
    await env.core.services.sms.stop();
    await smsc.close();
  });

  it('tick three customers, one DND: the preview says 2 will be sent in 2 parts each and 1 left out; sending reaches delivered', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="2"] [col-id="name"]').waitFor();
    const ids: number[] = [];
    for (const i of [0, 1, 2]) {
      const row = page.locator(`.ag-row[row-index="${i}"][row-id]`).first();
      ids.push(Number(await row.getAttribute('row-id')));
      await page.locator(`.ag-row[row-index="${i}"] .ag-selection-checkbox input, .ag-row[row-index="${i}"] input[type="checkbox"]`).first().check();
    }
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    await page.getByTestId('selection-info').filter({ hasText: '已选 3 条' }).waitFor();
    // Each ticked customer gets a mobile of their own (the demo data may share numbers); the second is 免打扰 for SMS.
    const q = env.core.sqlite;
    ids.forEach((id, i) => {
      q.prepare(`DELETE FROM customer_phones WHERE customer_id = ?`).run(id);
      q.prepare(`INSERT INTO customer_phones (customer_id, raw, normalized, kind, is_primary) VALUES (?, ?, ?, 'mobile', 1)`).run(id, `1390000100${i}`, `861390000100${i}`);
    });
    q.prepare(`UPDATE customers SET dnd_sms = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE id IN (?, ?, ?)`).run(ids[1], ids[0], ids[1], ids[2]);

    await page.getByTestId('sms-button').click();
    const dialog = page.getByTestId('sms-dialog');
    await dialog.getByText('已选客户 3 位').waitFor();
    await dialog.getByTestId('sms-template').selectOption({ label: '保养提醒' });
    const preview = page.getByTestId('sms-preview');
    await preview.getByTestId('sms-sendable').filter({ hasText: '将发送 2 条' }).waitFor();
    expect(await preview.getByTestId('sms-leftout').textContent()).toContain('免打扰 1 位');
    expect(await preview.textContent()).toMatch(/\/ 2 条/);
    expect(await preview.textContent()).toContain('【鹏城汽车】');
    await screenshot(page, 'sms-preview');
    // Sent as 营销 instead, it would reach nobody: neither customer's consent to commercial messages is recorded.
    await dialog.getByTestId('sms-purpose').selectOption('marketing');
    await preview.getByTestId('sms-sendable').filter({ hasText: '将发送 0 条' }).waitFor();
    expect(await preview.getByTestId('sms-leftout').textContent()).toContain('未同意接收商业信息 2 位');
    await preview.getByTestId('sms-marketing-note').waitFor();
    await screenshot(page, 'sms-preview-marketing');
    await dialog.getByTestId('sms-purpose').selectOption('service');
    await preview.getByTestId('sms-sendable').filter({ hasText: '将发送 2 条' }).waitFor();

    await page.getByTestId('sms-send').click();
    const progress = page.getByTestId('sms-progress');
    await progress.getByTestId('sms-delivered').filter({ hasText: '2' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="sms-progress"][data-status="done"]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'sms-progress');
    // Two messages of two UCS-2 parts each reached the SMSC; the DND customer got nothing.
    expect(smsc.received).toHaveLength(4);
    expect(new Set(smsc.received.map((r) => r.number))).toEqual(new Set(['8613900001000', '8613900001002']));
    expect(smsc.received.every((r) => r.dataCoding === 8 && r.concat?.total === 2)).toBe(true);
  });

  it('短信模板: an unknown field is refused with the reason; 发送记录 lists the batch; 系统设置 shows the gateway connected and never the password', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '短信模板' }).click();
    await page.getByRole('button', { name: '新建模板' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('名称').fill('生日祝福');
    await dlg.getByLabel('短信内容').fill('{姓命}您好,祝您生日快乐!');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.getByText(/未知字段:\{姓命\}/).waitFor();
    await screenshot(page, 'sms-template-error');
    await dlg.getByLabel('短信内容').fill('{称呼}您好,祝您生日快乐!{经销商}全体员工敬上');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('.ag-row [col-id="name"]', { hasText: '生日祝福' }).waitFor(); // 短信模板 is a DataGrid
    expect(env.core.sqlite.prepare(`SELECT count(*) FROM sms_templates WHERE name = '生日祝福'`).pluck().get()).toBe(1);

    await page.getByRole('treeitem', { name: '发送记录' }).click();
    await page.getByRole('cell', { name: /保养提醒|您好/ }).first().waitFor();
    await screenshot(page, 'sms-history');

    await page.getByRole('treeitem', { name: '系统设置' }).click();
    const panel = page.getByTestId('sms-settings');
    await panel.getByText('短信网关(SMPP) — 已连接').waitFor();
    expect(await panel.getByLabel('密码').inputValue()).toBe('');
    expect(await page.content()).not.toContain('secret12');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'sms-settings');
  });

  it('a scheduled batch is re-worded from 发送记录 before it starts', async () => {
    const { page } = env.tp;
    const manager = env.core.sqlite.prepare(`SELECT id FROM users WHERE username = 'manager'`).pluck().get() as number;
    const customerId = env.core.sqlite.prepare(`SELECT id FROM customers WHERE owner_id IN (SELECT id FROM users WHERE team_id = (SELECT team_id FROM users WHERE id = ?)) AND dnd_sms = 0 LIMIT 1`).pluck().get(manager) as number;
    const batchId = env.core.services.sms.outbox.createBatch({
      createdBy: manager, templateId: null, body: '旧的内容', channel: 'smpp', scheduledAt: Date.now() + 86_400_000,
      leftOut: { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 },
      messages: [{ customerId, number: '8613900002000', text: '旧的内容', parts: 1 }],
    });
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '发送记录' }).click();
    await page.getByRole('button', { name: `#${batchId}` }).click();
    await page.getByTestId('sms-progress').filter({ hasText: '待发送(定时)' }).waitFor();
    await page.getByTestId('sms-edit').click();
    await page.getByLabel('短信内容').fill('{姓名}您好,活动改到周六。');
    await screenshot(page, 'sms-edit-scheduled');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('sms-edit').waitFor();
    const text = env.core.sqlite.prepare('SELECT text FROM sms_messages WHERE batch_id = ?').pluck().get(batchId) as string;
    expect(text).toMatch(/您好,活动改到周六。【鹏城汽车】$/);
    expect(env.core.sqlite.prepare('SELECT status FROM sms_batches WHERE id = ?').pluck().get(batchId)).toBe('scheduled');
  });
});
