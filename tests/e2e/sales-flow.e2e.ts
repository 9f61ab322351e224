/**
 * A consultant's day from the showroom door to the handed-over car, in one go against the real
 * server: walk-ins counted, a visitor registered (customer + opportunity), the opportunity moved
 * through every stage, the car delivered, and the DMS file written for the dealer's DMS (小R3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(2_000);

const ID_NUMBER = '110101199003071233';
const CANDIDATE_VINS = ['LFV3A23C8E3000001', 'LFV2A21K6D3012345', 'LFV2A21K8D3012346', 'LFV2A21KXD3012347'];

describe('showroom to delivery (real server)', () => {
  it('walk-ins and a registered visit, then every stage to delivery; the DMS file appears', async () => {
    const { page } = env.tp;
    const db = env.core.sqlite;
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-flow-dms-'));
    env.core.settings.set('dms.exportDir', exportDir);
    env.core.settings.set('dms.format', 'csv');
    const vin = CANDIDATE_VINS.find((v) => !db.prepare('SELECT 1 FROM vehicles WHERE vin = ?').get(v))!;
    let phone = '';
    for (let n = 13976540123; !phone; n++) if (!db.prepare('SELECT 1 FROM customer_phones WHERE normalized = ?').get(`86${n}`)) phone = String(n);
    const sales3 = db.prepare("SELECT id FROM users WHERE username = 'sales3'").pluck().get() as number;
    const walkIns = () => db.prepare('SELECT coalesce(sum(count), 0) FROM walk_in_batches WHERE consultant_id = ?').pluck().get(sales3) as number;
    const before = walkIns();

    await loginToShell(page, env.url, 'sales3', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '展厅流量登记' }).click();
    await page.getByTestId('walkin-tayron-plus').click();
    await expect.poll(walkIns).toBe(before + 1);

    // The visitor who stays: registered, which creates the customer and the opportunity.
    await page.getByTestId('visit-new').click();
    const form = page.getByTestId('visit-form');
    await form.getByLabel('客户姓名').fill('全程测试客');
    await form.getByLabel('电话').fill(phone);
    await form.getByLabel('模式').selectOption('1');
    await form.getByLabel('意向车型').selectOption('tayron');
    await page.getByTestId('visit-save').click();
    await form.waitFor({ state: 'detached' });
    const opp = db
      .prepare("SELECT o.id, o.stage FROM showroom_visits v JOIN opportunities o ON o.id = v.opportunity_id WHERE v.name = '全程测试客'")
      .get() as { id: number; stage: string };
    expect(opp.stage).toBe('initial_contact');

    // 潜在客户: the new opportunity is on top (newest first); every stage, one click each.
    await page.getByRole('treeitem', { name: '潜在客户' }).click();
    await page.locator('.ag-row [col-id="customerName"]', { hasText: '全程测试客' }).first().dblclick();
    const panel = page.locator('[data-testid="opp-panel"]');
    await panel.getByRole('heading', { name: /全程测试客/ }).waitFor();
    const stage = (code: string) => page.getByTestId('opp-stagebar').locator(`[data-stage="${code}"]`);
    for (const code of ['needs_analysis', 'presentation', 'test_drive', 'quote_to_close']) {
      await stage(code).click();
      await page.locator(`[data-testid="opp-panel"][data-stage="${code}"]`).waitFor();
    }

    // 递交新车: the delivery form, then the deal and its DMS file.
    await stage('delivery').click();
    const dform = page.getByTestId('opp-deliver-form');
    await dform.locator('input[name="vin"]').fill(vin);
    await dform.locator('input[name="price"]').fill('199900');
    await dform.locator('input[name="buyerIdNumber"]').fill(ID_NUMBER);
    await page.getByTestId('opp-deliver-save').click();
    await dform.waitFor({ state: 'detached' });
    await page.locator('[data-testid="opp-panel"][data-status="won"][data-stage="delivery"]').waitFor();
    await page.locator('[data-testid="opp-dms-status"][data-dms="exported"]').waitFor();
    await screenshot(page, 'sales-flow-delivered');

    const history = db.prepare('SELECT to_stage FROM stage_history WHERE opportunity_id = ? ORDER BY id').pluck().all(opp.id);
    expect(history).toEqual(['initial_contact', 'needs_analysis', 'presentation', 'test_drive', 'quote_to_close', 'delivery']);
    const delivery = db.prepare('SELECT id FROM deliveries WHERE opportunity_id = ?').pluck().get(opp.id) as number;
    const file = path.join(exportDir, `dscrm-deal-${String(delivery).padStart(8, '0')}.csv`);
    const csv = fs.readFileSync(file, 'utf8');
    // UTF-8 with a BOM (Excel opens the Chinese correctly); the ID number is the customer number.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(ID_NUMBER);
    expect(csv).toContain('全程测试客');
    expect(csv).toContain(vin);
    fs.rmSync(exportDir, { recursive: true, force: true });
  });
});
