/**
 * The customer card, quick find and the create / edit form against the real server on a small
 * demo database (2,000 customers): what a consultant or manager does with one customer all day.
 */
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

const auditRows = (entityId: number) =>
  env.core.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY id").all(String(entityId)) as { action: string; after: string | null }[];

describe('customer card, quick find and form (real server)', () => {
  /** sales1 on 我的客户 → 新建客户, with a name and a phone typed. */
  async function newCustomerForm(name: string, phone: string) {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('客户姓名').fill(name);
    await form.getByLabel('手机/电话').fill(phone);
    return { page, form };
  }

  it('Enter on a row opens the card; 编辑 changes the city, the card shows it and the audit log has it; Ctrl+F focuses the search box', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="1"] [col-id="name"]').waitFor();
    await page.locator('.ag-row[row-index="0"] [col-id="name"]').click();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

    const firstName = (await page.locator('.ag-row[row-index="0"] [col-id="name"]').textContent())?.trim() ?? '';
    await page.locator('.ag-row[row-index="1"] [col-id="name"]').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('customer-card');
    await card.locator('.toolbar-title', { hasText: firstName }).waitFor();
    await page.getByTestId('card-phones').waitFor();
    await page.getByTestId('card-complaints').getByText('暂无记录').waitFor();
    expect(await page.getByRole('tab').count()).toBe(2);
    const id = Number(((await card.locator('.toolbar-info').textContent()) ?? '').replace('#', ''));
    expect(Number.isInteger(id)).toBe(true);

    await card.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('customer-form');
    expect(await form.getByLabel('客户姓名').inputValue()).toBe(firstName);
    await form.getByLabel('城市').fill('佛山');
    await screenshot(page, 'customer-edit');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('佛山').first().waitFor();
    expect(env.core.sqlite.prepare('SELECT city FROM customers WHERE id = ?').pluck().get(id)).toBe('佛山');
    expect(auditRows(id).some((r) => r.action === 'update' && (r.after ?? '').includes('佛山'))).toBe(true);

    // 同意接收商业信息: given needs the day and how (said under the fields); saved, the card shows it.
    await card.getByRole('button', { name: '编辑' }).click();
    await form.getByTestId('consent-status').selectOption('given');
    await page.getByTestId('customer-save').click();
    await form.getByText('请填写客户签署同意的日期').waitFor();
    await form.getByText('请选择同意方式(纸质签字、电子签名或电话录音)').waitFor();
    await form.getByTestId('consent-date').fill('2026-11-20');
    await form.getByTestId('consent-method').selectOption('paper');
    await form.getByTestId('consent-date').scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-edit-consent');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('已同意 2026-11-20 · 纸质签字').waitFor();
    expect(env.core.sqlite.prepare('SELECT consent_status AS s, consent_date AS d, consent_method AS m FROM customers WHERE id = ?').get(id)).toEqual({ s: 'given', d: '2026-11-20', m: 'paper' });
    // The signed form's photo: uploaded from the card, then 查看 shows it (a new window with the image).
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    await card.getByTestId('consent-file-input').setInputFiles({ name: '同意书.png', mimeType: 'image/png', buffer: png });
    await card.getByTestId('consent-file-view').waitFor();
    expect(env.core.sqlite.prepare('SELECT consent_file FROM customers WHERE id = ?').pluck().get(id)).toMatch(new RegExp(`^${id}-\\d+\\.png$`));
    await card.getByTestId('consent-proof').scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-card-consent');
    const popup = page.waitForEvent('popup');
    await card.getByTestId('consent-file-view').click();
    expect((await popup).url()).toMatch(/^blob:/);
  });

  it('quick find asks at the first keystroke, keeps one search in flight while typing, ends with the whole fragment, and Enter opens the first hit', async () => {
    const { page } = env.tp;
    const c = env.core.sqlite
      .prepare(`SELECT c.id, c.name FROM customers c WHERE length(c.name) = 3 ORDER BY c.id LIMIT 1`)
      .get() as { id: number; name: string };
    const asked: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const isSearch = (url: string) => url.endsWith('/api/customers.search');
    page.on('request', (r) => {
      if (!isSearch(r.url())) return;
      asked.push(String((r.postDataJSON() as { q: string }).q));
      mostInFlight = Math.max(mostInFlight, ++inFlight);
    });
    const settled = (r: { url(): string }) => {
      if (isSearch(r.url())) inFlight--;
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(c.name, { delay: 30 });
    const hit = page.getByTestId('search-hit').filter({ hasText: c.name }).first();
    await hit.waitFor();
    // No typing pause: the first character is asked at once; keystrokes typed while a search is
    // out collapse into the newest text, so there are never two at once and never more than one per
    // keystroke, and the last search is the whole fragment.
    expect(asked[0]).toBe(c.name.slice(0, 1));
    expect(asked.at(-1)).toBe(c.name);
    expect(asked.length).toBeLessThanOrEqual(c.name.length);
    for (const q of asked) expect(c.name.startsWith(q)).toBe(true);
    expect(mostInFlight).toBe(1);
    // an exact name ranks first
    expect(await page.getByTestId('search-hit').first().textContent()).toContain(c.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: c.name }).waitFor();
  });

  it("create: a local number typed without its area code shows, and is stored with, the dealer's (深圳 0755)", async () => {
    const { page, form } = await newCustomerForm('本地固话客户', '2666 1888');
    await expect.poll(() => form.getByTestId('phone-normalized').first().textContent()).toBe('0755-2666 1888');
    await screenshot(page, 'customer-form-local-number');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    const stored = env.core.sqlite.prepare("SELECT p.normalized FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE c.name = '本地固话客户'").pluck().get();
    expect(stored).toBe('8675526661888');
  });

  it('create: a wrong phone is explained under its field; a good one saves, opens the new card, is audited, and gets a new opportunity from the card', async () => {
    const { page, form } = await newCustomerForm('欧阳新客', '138 0013');
    await page.getByTestId('customer-save').click();
    await form.locator('.field.has-error').first().waitFor();
    expect(await env.core.sqlite.prepare("SELECT count(*) FROM customers WHERE name = '欧阳新客'").pluck().get()).toBe(0);
    await screenshot(page, 'customer-form-phone-error');

    // full-width digits and +86 as typed from a business card: stored normalised
    await form.getByLabel('手机/电话').fill('＋86 １３９-２２２２-３３３３');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('customer-card').locator('.toolbar-title', { hasText: '欧阳新客' }).waitFor();
    expect(await page.getByTestId('card-phones').textContent()).toContain('139 2222 3333');
    const row = env.core.sqlite
      .prepare(
        `SELECT c.id, c.gender, c.source, u.username, p.normalized FROM customers c JOIN users u ON u.id = c.owner_id
         JOIN customer_phones p ON p.customer_id = c.id WHERE c.name = '欧阳新客'`,
      )
      .get() as { id: number; gender: string; source: string; username: string; normalized: string };
    expect(row).toMatchObject({ gender: 'other', source: 'other', username: 'sales1', normalized: '8613922223333' });
    expect(auditRows(row.id).map((r) => r.action)).toContain('create');
    await screenshot(page, 'customer-created');

    // 新建销售机会 from the card: the opportunity is the consultant's, with its next planned
    // activity, and the card's 商机 section shows it.
    const card = page.getByTestId('customer-card');
    await card.getByRole('button', { name: '新建销售机会' }).click();
    const opp = page.getByTestId('opp-form');
    await opp.getByTestId('opp-customer').getByText('欧阳新客').waitFor();
    await opp.getByLabel('意向车型').selectOption('magotan');
    await page.getByTestId('opp-save').click();
    await opp.waitFor({ state: 'detached' });
    await page.getByTestId('card-opportunities').getByText('初次接触').first().waitFor();
    const o = env.core.sqlite
      .prepare(
        `SELECT o.model, u.username, (SELECT count(*) FROM activities a WHERE a.opportunity_id = o.id AND a.status = 'planned') AS planned
         FROM opportunities o JOIN users u ON u.id = o.consultant_id WHERE o.customer_id = ?`,
      )
      .get(row.id) as { model: string; username: string; planned: number };
    expect(o).toEqual({ model: 'magotan', username: 'sales1', planned: 1 });
  });
});
