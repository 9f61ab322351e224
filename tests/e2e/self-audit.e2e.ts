/**
 * 决策分析 → 审核自查 in the browser against the real server on a small demo database: the general
 * manager's home lists today's failing checks, the screen shows every check with the API's figures,
 * a check opens exactly its failing records in the grid (the demo's visits without a phone), a
 * row opens the visit's form in 展厅流量 to fix it, the screen reads in English; the CRM manager
 * reads checks 1–3's visits too (their rows open the customer's card: 展厅流量 is not in their
 * menu), and a sales manager has neither the screen nor the API.
 */
import { describe, expect, it } from 'vitest';
import type { SelfAuditReport } from '../../electron/common/api/self-audit';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

/** Logs the user in, opens 审核自查 and reads the same checks from the API: the screen and one check's result. */
async function openChecks(username: string, no: string) {
  const { page } = env.tp;
  await loginToShell(page, env.url, username, DEMO_PASSWORD);
  await page.getByRole('treeitem', { name: '审核自查' }).click();
  const screen = page.getByTestId('self-audit-screen');
  const r = ((await apiFromPage(page, 'selfAudit.checks', {})).body as unknown as { value: SelfAuditReport }).value;
  return { page, screen, check: r.checks.find((c) => c.no === no)! };
}

describe('审核自查 (real server)', () => {
  it('the general manager sees every check against its threshold and a check’s failing records', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'gm', DEMO_PASSWORD);
    // Home: the checks failing today (computed at once before the first night).
    const home = page.getByTestId('home-audit');
    await home.getByTestId('home-audit-1').waitFor();
    await home.getByTestId('home-audit-2').waitFor();

    await page.getByRole('treeitem', { name: '审核自查' }).click();
    const screen = page.getByTestId('self-audit-screen');
    await screen.getByTestId('audit-check-8').waitFor();
    const r = ((await apiFromPage(page, 'selfAudit.checks', {})).body as unknown as { value: SelfAuditReport }).value;
    for (const c of r.checks) {
      const row = screen.getByTestId(`audit-check-${c.no}`);
      expect(await row.getAttribute('data-status')).toBe(c.status);
      expect(await row.getByTestId(`audit-figure-${c.no}`).textContent()).toBe(c.figure === null ? '—' : `${c.figure.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} %`);
    }
    // Consent (4) is computed now that consent is recorded: the demo's prospects who never signed fail it.
    expect(await screen.getByTestId('audit-check-4').getAttribute('data-status')).toBe('fail');
    // Check 1: the grid lists exactly its failing visits.
    const c1 = r.checks.find((c) => c.no === '1')!;
    expect(c1.numerator).toBeGreaterThan(0);
    await screen.getByTestId('audit-check-1').click();
    const grid = screen.getByTestId('audit-grid-showroomVisits');
    await grid.getByTestId('grid-total').filter({ hasText: `共 ${c1.numerator.toLocaleString('en-US')} 条` }).waitFor();
    await screenshot(page, 'self-audit');

    // A row opens the visit's own form in 展厅流量 (the fix is made there), for exactly that visit.
    const first = grid.locator('.ag-row [col-id="name"]').first();
    const name = (await first.textContent())!.trim();
    await first.dblclick();
    await page.getByTestId('showroom-screen').waitFor();
    const dialog = page.getByRole('dialog').filter({ hasText: `来访记录:${name}` });
    await dialog.getByTestId('visit-edit').waitFor();
    // The fix: whatever check 1 found missing (phone, model of interest, consultant) is filled in and saved.
    const form = dialog.getByTestId('visit-edit');
    await form.getByLabel('电话').fill('19999999901');
    const model = form.getByLabel('意向车型');
    if (!(await model.inputValue())) await model.selectOption({ index: 1 });
    const consultant = form.getByLabel('销售顾问');
    if (!(await consultant.inputValue())) await consultant.selectOption({ index: 1 });
    expect(await form.getByLabel('来店日期').isEditable()).toBe(false);
    await screenshot(page, 'self-audit-opens-visit');
    await dialog.getByTestId('visit-flags-save').click();
    await dialog.waitFor({ state: 'detached' });
    const after = ((await apiFromPage(page, 'selfAudit.checks', {})).body as unknown as { value: SelfAuditReport }).value;
    expect(after.checks.find((c) => c.no === '1')!.numerator).toBe(c1.numerator - 1);
    await page.getByRole('tab', { name: '审核自查' }).click();

    // 6a: sales revisits, in their own list.
    const c6 = r.checks.find((c) => c.no === '6a')!;
    await screen.getByTestId('audit-check-6a').click();
    await screen.getByTestId('audit-grid-revisitSales').getByTestId('grid-total').filter({ hasText: `共 ${c6.numerator.toLocaleString('en-US')} 条` }).waitFor();

    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByText('Rule (the audit’s words)').waitFor();
    await screen.getByTestId('audit-check-1').click();
    await screen.getByTestId('audit-grid-showroomVisits').getByTestId('grid-total').waitFor();
    await screenshot(page, 'self-audit-en');
  });

  it('the CRM manager reads check 1’s visits; a row opens the customer’s card, 展厅流量 not being theirs', async () => {
    const { page, screen, check: c1 } = await openChecks('csmanager', '1');
    await screen.getByTestId('audit-check-1').click();
    const grid = screen.getByTestId('audit-grid-showroomVisits');
    await grid.getByTestId('grid-total').filter({ hasText: `共 ${c1.numerator.toLocaleString('en-US')} 条` }).waitFor();
    // 展厅流量's own list stays refused to them.
    const plain = await apiFromPage(page, 'grid.count', { dataset: 'showroomVisits', scope: 'all', filter: { columns: [] } });
    expect(plain.body.error?.code).toBe('FORBIDDEN');
    await grid.locator('.ag-row [col-id="name"]').first().dblclick();
    await page.getByTestId('customer-card').first().waitFor();
  });

  it('check 4 lists the first visits of prospects who never signed consent; a row opens the customer, whose signed consent takes the visit off the list', async () => {
    const { page, screen, check: c4 } = await openChecks('admin', '4');
    expect(c4.numerator).toBeGreaterThan(0);
    await screen.getByTestId('audit-check-4').click();
    const grid = screen.getByTestId('audit-grid-showroomVisits');
    await grid.getByTestId('grid-total').filter({ hasText: `共 ${c4.numerator.toLocaleString('en-US')} 条` }).waitFor();
    await screenshot(page, 'self-audit-consent');
    await grid.locator('.ag-row [col-id="name"]').first().dblclick();
    const card = page.getByTestId('customer-card').first();
    await card.waitFor();
    await card.getByRole('button', { name: '编辑' }).click();
    const form = page.getByTestId('customer-form');
    await form.getByTestId('consent-status').selectOption('given');
    await form.getByTestId('consent-date').fill('2026-11-20');
    await form.getByTestId('consent-method').selectOption('paper');
    await page.getByTestId('customer-save').click();
    await form.waitFor({ state: 'detached' });
    await card.getByText('已同意 2026-11-20 · 纸质签字').waitFor();
    const after = ((await apiFromPage(page, 'selfAudit.checks', {})).body as unknown as { value: SelfAuditReport }).value;
    expect(after.checks.find((c) => c.no === '4')!.numerator).toBeLessThan(c4.numerator);
  });

  it('the administrator opens check 8’s oversized exports in 审计日志', async () => {
    const { page, screen, check: c8 } = await openChecks('admin', '8');
    expect(c8.numerator).toBeGreaterThan(0); // the demo's planted exports
    await screen.getByTestId('audit-check-8').click();
    await screen.getByTestId('audit-open-log').click();
    await page.getByTestId('audit-filtered').waitFor();
    const rows = page.getByRole('table', { name: '审计日志' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(c8.numerator);
    await screenshot(page, 'self-audit-opens-exports');
  });

  it('a sales manager has no 审核自查 and the server refuses it', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).waitFor();
    expect(await page.getByRole('treeitem', { name: '审核自查' }).count()).toBe(0);
    const res = await apiFromPage(page, 'selfAudit.checks', {});
    expect(res.body.error?.code).toBe('FORBIDDEN');
  });
});
