/**
 * 短信模板 on the shared DataGrid (create, edit, deactivate by double-click), the customer card's
 * 短信记录 with a failure's reason, and the softphone / SMS texts (now in the shared dictionaries as
 * tel.* / sms.*) in zh-CN and English.
 */
import { describe, expect, it } from 'vitest';
import { TELEPHONY_TEXTS } from '../../renderer/features/telephony/texts';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(300);
const zh = { settingsTitle: TELEPHONY_TEXTS.table['settings.title']['zh-CN'] };
const en = { settingsTitle: TELEPHONY_TEXTS.table['settings.title'].en };

describe('SMS templates grid, card SMS failures, feature texts in both languages', () => {
  it('a manager creates a template, then deactivates it with a double-click; the grid shows both states', async () => {
    const { page } = env.tp;
    const now = Date.now();
    env.core.sqlite.prepare(`INSERT INTO sms_templates (name, body, category, active, created_at, updated_at) VALUES ('保养提醒', '{称呼}您好,您的爱车该保养了', '保养', 1, ?, ?)`).run(now, now);
    env.core.sqlite.prepare(`UPDATE sms_templates SET purpose = 'service' WHERE name = '保养提醒'`).run();
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '短信模板' }).click();
    const screen = page.getByTestId('sms-templates');
    const nameCell = (name: string) => screen.locator('.ag-row [col-id="name"]', { hasText: name });
    await nameCell('保养提醒').waitFor();
    await screen.locator('.ag-header-cell[col-id="body"]', { hasText: '短信内容' }).waitFor();

    await page.getByRole('button', { name: '新建模板' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('名称').fill('生日祝福');
    await dlg.getByLabel('短信内容').fill('{称呼}您好,祝您生日快乐!');
    // A new template is 营销 unless marked a service notice: it then reaches only customers who gave consent.
    expect(await dlg.getByTestId('template-purpose').inputValue()).toBe('marketing');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    await nameCell('生日祝福').waitFor();
    const purposeOf = (name: string) => screen.locator('.ag-row', { has: page.locator('[col-id="name"]', { hasText: name }) }).locator('[col-id="purpose"]');
    await purposeOf('生日祝福').filter({ hasText: '营销' }).waitFor();
    await purposeOf('保养提醒').filter({ hasText: '服务通知' }).waitFor();

    await nameCell('生日祝福').dblclick();
    await dlg.getByLabel('名称').waitFor();
    expect(await dlg.getByLabel('短信内容').inputValue()).toBe('{称呼}您好,祝您生日快乐!');
    await dlg.getByRole('checkbox', { name: '启用' }).uncheck();
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    const row = screen.locator('.ag-row', { has: page.locator('[col-id="name"]', { hasText: '生日祝福' }) });
    await row.locator('[col-id="active"]', { hasText: '停用' }).waitFor();
    expect(env.core.sqlite.prepare(`SELECT active FROM sms_templates WHERE name = '生日祝福'`).pluck().get()).toBe(0);
    await screenshot(page, 'sms-templates-zh');
  });

  it('the customer card’s 短信记录 says why a message failed', async () => {
    const { page } = env.tp;
    const c = env.core.sqlite.prepare(`SELECT id, name FROM customers ORDER BY id LIMIT 1`).get() as { id: number; name: string };
    const now = Date.now();
    const reason = '未送达:号码停机 / Not delivered: number out of service';
    env.core.sqlite
      .prepare(`INSERT INTO sms_messages (customer_id, number, text, parts, status, last_error, created_at, updated_at) VALUES (?, '8613900001000', '保养提醒', 1, 'failed', ?, ?, ?)`)
      .run(c.id, reason, now, now);
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(c.name, { delay: 30 });
    await page.getByTestId('search-hit').filter({ hasText: c.name }).first().click();
    const card = page.getByTestId('customer-card');
    await card.locator('.toolbar-title', { hasText: c.name }).waitFor();
    const sms = page.getByTestId('card-sms');
    await sms.getByText('失败').waitFor();
    await sms.getByText(reason).waitFor();
    await sms.getByText('139 0000 1000').waitFor(); // the number as staff read it, like the softphone shows it
    await sms.scrollIntoViewIfNeeded();
    await screenshot(page, 'card-sms-failed');
  });

  it('the softphone and SMS screens read the same in both languages from the shared dictionaries', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '软电话' }).click();
    await page.getByTestId('softphone-screen').getByText(zh.settingsTitle).first().waitFor();
    await screenshot(page, 'softphone-zh');
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByTestId('softphone-screen').getByText(en.settingsTitle).first().waitFor();
    await screenshot(page, 'softphone-en');
    await page.getByRole('treeitem', { name: 'SMS templates' }).click();
    await page.getByTestId('sms-templates').getByText('Double-click a row to edit it').waitFor();
    await page.locator('.ag-header-cell[col-id="body"]', { hasText: 'Text' }).waitFor();
    await page.locator('.ag-row [col-id="active"]', { hasText: 'Inactive' }).waitFor();
    await screenshot(page, 'sms-templates-en');
  });
});
