/**
 * 潜在客户 against the real server on a small demo database: a consultant opens a new opportunity
 * for a customer, moves it through every stage (one step back, with its reason), delivers the car
 * with the delivery form, and the DMS file appears in the configured folder with the customer (ID
 * number as the customer number) and the vehicle. A blocked folder fails the export, keeps the deal
 * and the 重新导出 button writes the same file once the folder is fixed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

const ID_NUMBER = '110101199003071233';
const CANDIDATE_VINS = ['LFV2A21K6D3012345', 'LFV3A23C8E3000001', 'LFV2A21K8D3012346', 'LFV2A21KXD3012347', 'LFV2A21K1D3012348'];

describe('opportunity to delivery and the DMS hand-off (real server)', () => {
  it('a consultant moves an opportunity through every stage to delivery; the DMS file appears with its content', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-dms-'));
    env.core.settings.set('dms.exportDir', exportDir);
    env.core.settings.set('dms.format', 'json');
    const vin = CANDIDATE_VINS.find((v) => !db.prepare('SELECT 1 FROM vehicles WHERE vin = ?').get(v))!;
    // Today as the server counts it (the dealer's time zone), for the delivery date.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: env.core.settings.get('dealer.timeZone'), year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());

    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    const created = await apiFromPage(page, 'customers.create', { name: '交车测试客', phones: [{ raw: '13912340077' }] });
    expect(created.body.ok).toBe(true);

    await page.getByRole('treeitem', { name: '潜在客户' }).click();
    await page.getByTestId('prospects-screen').waitFor();
    await page.locator('.ag-row[row-index="0"]').waitFor();

    // 新建销售机会: pick the customer with quick find, model and price, the next activity prefilled.
    await page.getByTestId('opp-new').click();
    const form = page.getByTestId('opp-form');
    await form.locator('input[role="combobox"]').fill('交车测试客');
    await page.getByTestId('search-hit').filter({ hasText: '交车测试客' }).first().click();
    await form.getByTestId('opp-customer').getByText('交车测试客').waitFor();
    await form.getByLabel('客户来源').selectOption('showroom');
    await form.getByLabel('意向车型').selectOption('magotan');
    await form.getByLabel('价格(元)').fill('219900');
    await page.getByTestId('opp-save').click();
    await form.waitFor({ state: 'detached' });

    const panel = page.getByTestId('opp-panel');
    await panel.getByRole('heading', { name: /交车测试客/ }).waitFor();
    const opp = db.prepare("SELECT o.id FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE c.name = '交车测试客'").get() as { id: number };
    expect(db.prepare("SELECT count(*) FROM activities WHERE opportunity_id = ? AND status = 'planned'").pluck().get(opp.id)).toBe(1);

    // Forward, one click per stage.
    const stage = (code: string) => page.getByTestId('opp-stagebar').locator(`[data-stage="${code}"]`);
    for (const code of ['needs_analysis', 'presentation', 'test_drive', 'quote_to_close']) {
      await stage(code).click();
      await page.locator(`[data-testid="opp-panel"][data-stage="${code}"]`).waitFor();
    }
    // Back one step: the reason is asked for, and required.
    await stage('test_drive').click();
    await page.getByTestId('opp-stage-confirm').click();
    await page.getByText('流程状态回退(从“从报价到成交”退回“试车”)须填写原因').waitFor();
    await page.getByLabel('回退原因').fill('客户想再试驾一次四驱版');
    await page.getByTestId('opp-stage-confirm').click();
    await page.locator('[data-testid="opp-panel"][data-stage="test_drive"]').waitFor();
    await panel.getByText('客户想再试驾一次四驱版').waitFor();
    await stage('quote_to_close').click();
    await page.locator('[data-testid="opp-panel"][data-stage="quote_to_close"]').waitFor();
    await screenshot(page, 'opportunity-stages');

    // 递交新车: stage 100 opens the delivery form; a wrong ID number is explained under its field.
    await stage('delivery').click();
    const dform = page.getByTestId('opp-deliver-form');
    await dform.locator('input[name="vin"]').fill(vin);
    await dform.locator('input[name="plate"]').fill('粤B6K021');
    await dform.locator('input[name="deliveryDate"]').fill(today);
    await dform.locator('input[name="buyerIdNumber"]').fill('110101199003071234');
    await page.getByTestId('opp-deliver-save').click();
    await dform.getByText('身份证号校验位不符,请核对是否有输错的数字').waitFor();
    expect(db.prepare('SELECT count(*) FROM deliveries WHERE opportunity_id = ?').pluck().get(opp.id)).toBe(0);
    await dform.locator('input[name="buyerIdNumber"]').fill(ID_NUMBER);
    await screenshot(page, 'opportunity-delivery-form');
    await page.getByTestId('opp-deliver-save').click();
    await dform.waitFor({ state: 'detached' });
    await page.locator('[data-testid="opp-panel"][data-status="won"][data-stage="delivery"]').waitFor();
    await page.locator('[data-testid="opp-dms-status"][data-dms="exported"]').waitFor();

    const history = db.prepare('SELECT from_stage AS f, to_stage AS t, reason FROM stage_history WHERE opportunity_id = ? ORDER BY id').all(opp.id) as { f: string | null; t: string; reason: string | null }[];
    expect(history.map((h) => h.t)).toEqual(['initial_contact', 'needs_analysis', 'presentation', 'test_drive', 'quote_to_close', 'test_drive', 'quote_to_close', 'delivery']);
    const delivery = db.prepare('SELECT id, vehicle_id AS vehicleId, dms_status AS s FROM deliveries WHERE opportunity_id = ?').get(opp.id) as { id: number; vehicleId: number; s: string };
    expect(delivery.s).toBe('exported');
    expect(db.prepare('SELECT vin, plate, model FROM vehicles WHERE id = ?').get(delivery.vehicleId)).toEqual({ vin, plate: '粤B6K021', model: 'magotan' });

    // The DMS file: in the configured folder, one per deal, the ID number as the customer number.
    const fileName = `dscrm-deal-${String(delivery.id).padStart(8, '0')}.json`;
    expect(fs.readdirSync(exportDir)).toEqual([fileName]);
    const content = JSON.parse(fs.readFileSync(path.join(exportDir, fileName), 'utf8'));
    expect(content).toMatchObject({
      dealId: delivery.id,
      opportunityId: opp.id,
      customer: { customerNo: ID_NUMBER, name: '交车测试客', phone: '13912340077' },
      vehicle: { vin, model: 'magotan', modelName: '迈腾', plate: '粤B6K021', deliveryDate: today, price: 219900 },
    });
    await screenshot(page, 'opportunity-delivered');

    // The folder becomes unusable: 重新导出 fails and says so; the deal stays. Fixed: the retry writes the same file.
    const blocker = path.join(exportDir, 'blocked');
    fs.writeFileSync(blocker, 'not a folder');
    env.core.settings.set('dms.exportDir', path.join(blocker, 'sub'));
    await page.getByTestId('opp-dms-retry').click();
    await page.locator('[data-testid="opp-dms-status"][data-dms="failed"]').waitFor();
    await panel.getByText(/导出到 DMS 失败/).first().waitFor();
    expect(db.prepare('SELECT status FROM opportunities WHERE id = ?').pluck().get(opp.id)).toBe('won');
    env.core.settings.set('dms.exportDir', exportDir);
    await page.getByTestId('opp-dms-retry').click();
    await page.locator('[data-testid="opp-dms-status"][data-dms="exported"]').waitFor();
    expect(fs.readdirSync(exportDir).sort()).toEqual(['blocked', fileName]);
    expect(db.prepare('SELECT dms_attempts FROM deliveries WHERE id = ?').pluck().get(delivery.id)).toBe(3);
    fs.rmSync(exportDir, { recursive: true, force: true });
  });
  it('放弃该机会: a competitor purchase needs the brand; the opportunity closes and a follow-up is planned years later', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    await loginToShell(page, env.url, 'sales2', DEMO_PASSWORD);
    const c = (await apiFromPage(page, 'customers.create', { name: '放弃测试客', phones: [{ raw: '13912340088' }] })).body as unknown as { value: { id: number } };
    const o = (await apiFromPage(page, 'opportunities.create', {
      customerId: c.value.id,
      source: 'phone',
      model: 'tayron',
      nextActivity: { type: 'call', plannedAt: Date.now() + 86_400_000, subject: '报价跟进' },
    })).body as unknown as { value: { id: number } };
    await page.getByRole('treeitem', { name: '潜在客户' }).click();
    const row = page.locator('.ag-row[row-index="0"] [col-id="customerName"]', { hasText: '放弃测试客' });
    await row.dblclick();
    await page.getByTestId('opp-abandon').click();
    const form = page.getByTestId('opp-abandon-form');
    await form.getByLabel('放弃原因').selectOption('competitor');
    await page.getByTestId('opp-abandon-save').click();
    await form.getByText('原因为“购买竞品”时须选择竞品品牌').waitFor();
    await form.getByLabel('竞品品牌').selectOption('toyota');
    await page.getByTestId('opp-abandon-save').click();
    await form.waitFor({ state: 'detached' });
    await page.locator('[data-testid="opp-panel"][data-status="abandoned"]').waitFor();
    await page.getByTestId('opp-status').getByText('已放弃').waitFor();
    expect(db.prepare('SELECT status, abandon_reason AS r, competitor_brand AS b FROM opportunities WHERE id = ?').get(o.value.id)).toEqual({ status: 'abandoned', r: 'competitor', b: 'toyota' });
    const follow = db.prepare("SELECT planned_at AS at, status FROM activities WHERE opportunity_id = ? AND status = 'planned'").get(o.value.id) as { at: number; status: string };
    const years = env.core.settings.get('sales.abandonFollowUpYears');
    // Compared in the dealer's time zone, where the follow-up is 10:00 on today's date N years on.
    const yearIn = (ms: number) => Number(new Intl.DateTimeFormat('en-CA', { timeZone: env.core.settings.get('dealer.timeZone'), year: 'numeric' }).format(ms));
    expect(yearIn(follow.at) - yearIn(Date.now())).toBe(years);
    await screenshot(page, 'opportunity-abandoned');
  });
});
