/**
 * 系统管理 → 数据导入 against the real server on a small demo database: the administrator picks a
 * GBK CSV as Chinese Excel saves it, reads the preview — read as GBK, the columns guessed, each bad
 * row with its row, column and reason, a row matching a demo customer by phone — runs it, sees the
 * import in the list with its counts, and undoes it.
 */
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../support/gbk';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(500);

describe('data import screen (real server)', () => {
  it('previews a GBK CSV with its bad rows and matches, imports it and undoes it', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    const card = (await apiFromPage(page, 'customers.get', { id: 1 })).body as unknown as { value: { name: string; phones: { raw: string }[] } };
    const demoPhone = card.value.phones[0]!.raw;
    const csv = [
      '客户名称,性别,手机号码,车架号,车型,购车日期,备注',
      '导入甲,男,13800000001,LFV2A21K0N3000001,迈腾,2026/1/5,来自 DMS',
      '导入乙,女,13800000002,,,,',
      '导入丙,男,1380000000,,,,', // a digit short
      `导入丁,女,${demoPhone},,,,`, // a demo customer's number
      '导入戊,男,13800000005,LFV2A21K9N3000003,迈腾,2026年13月1日,', // VIN check digit and date wrong
    ].join('\r\n');

    await page.getByRole('treeitem', { name: '数据导入' }).click();
    const screen = page.getByTestId('import-screen');
    await screen.getByTestId('import-file').setInputFiles({ name: 'DMS客户.csv', mimeType: 'text/csv', buffer: encodeGbk(csv) });
    await screen.getByTestId('import-preview').click();
    const summary = screen.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('DMS客户.csv:读取为 GBK/GB18030,共 5 行 — 新建 2 行,与已有客户匹配 1 行,有问题 2 行');
    expect(await screen.getByTestId('import-map-mobile').inputValue()).toBe('2');
    const bad = await screen.getByTestId('import-bad').allTextContents();
    expect(bad).toHaveLength(3);
    expect(bad[0]).toMatch(/^4C手机/);
    expect(bad.join('\n')).toContain('VIN 第 9 位校验位不符');
    expect(bad.join('\n')).toContain('无法识别的日期“2026年13月1日”');
    expect(await screen.getByTestId('import-match').allTextContents()).toEqual([`5电话${demoPhone}${card.value.name}`]);
    await screenshot(page, 'data-import-preview');

    await screen.getByTestId('import-start').click();
    const row = screen.locator('[data-testid^="import-batch-"]').first();
    await row.getByText('已完成').waitFor({ timeout: 30_000 });
    // 新建 2, 补充 0, 跳过 1 (the demo customer), 有问题 2.
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['DMS客户.csv', '已完成', '2', '0', '1', '2', '系统管理员']));
    const found = (await apiFromPage(page, 'customers.search', { q: '13800000001' })).body as unknown as { value: { name: string }[] };
    expect(found.value.map((c) => c.name)).toContain('导入甲');
    await screenshot(page, 'data-import-done');

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: '撤销导入' }).click();
    await row.getByText('已撤销').waitFor();
    const gone = (await apiFromPage(page, 'customers.search', { q: '13800000001' })).body as unknown as { value: { name: string }[] };
    expect(gone.value.map((c) => c.name)).not.toContain('导入甲');

    // The same preview in English: the problems are in the user's language too.
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await screen.getByTestId('import-file').setInputFiles({ name: 'DMS客户.csv', mimeType: 'text/csv', buffer: encodeGbk(csv) });
    await screen.getByRole('button', { name: 'Preview' }).click();
    await screen.getByText('DMS客户.csv: read as GBK/GB18030, 5 rows — 2 new, 1 matching existing customers, 2 with problems').waitFor();
    expect((await screen.getByTestId('import-bad').allTextContents()).join('\n')).toContain('check digit');
    await screenshot(page, 'data-import-preview-en');
  });
});

describe('data import of opportunities and repair orders (real server)', () => {
  it('imports a 潜客 sheet (a demo customer by phone, a new prospect) and a repair order of a demo car, and undoes the orders', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    // The test before switched this user to English.
    await page.getByRole('button', { name: '中文', exact: true }).click();
    type Card = { value: { name: string; phones: { raw: string }[]; vehicles: { vin: string }[] } };
    let owner: Card['value'] | null = null;
    for (let id = 1; id < 60 && !owner; id++) {
      const c = (await apiFromPage(page, 'customers.get', { id })).body as unknown as Card;
      if (c.value?.vehicles?.length) owner = c.value;
    }
    expect(owner).not.toBeNull();
    await page.getByRole('treeitem', { name: '数据导入' }).click();
    const screen = page.getByTestId('import-screen');

    await screen.getByTestId('import-kind').selectOption('opportunities');
    expect(await screen.getByTestId('import-kind-hint').textContent()).toContain('按电话找到客户');
    const leads = ['客户姓名,手机号码,意向车型,流程状态,来源方式,下次跟进日期', '潜客甲,13900000001,迈腾,新车展示,展厅,', '潜客乙,13900000002,迈腾,递交新车,,'].join('\r\n');
    await screen.getByTestId('import-file').setInputFiles({ name: '潜客.csv', mimeType: 'text/csv', buffer: encodeGbk(leads) });
    await screen.getByTestId('import-preview').click();
    await screen.getByTestId('import-summary').waitFor();
    expect(await screen.getByTestId('import-summary').textContent()).toBe(
      '潜客.csv:读取为 GBK/GB18030,共 2 行 — 新增销售机会 1 行(其中新客户 1 位),客户已有跟进中的机会 0 行,有问题 1 行',
    );
    expect((await screen.getByTestId('import-bad').allTextContents()).join('\n')).toContain('递交新车只能通过成交流程');
    expect(await screen.getByTestId('import-mode-updateEmpty').count()).toBe(0);
    await screenshot(page, 'data-import-opportunities');
    await screen.getByTestId('import-start').click();
    const oppRow = screen.locator('[data-testid^="import-batch-"]').first();
    await oppRow.getByText('已完成').waitFor({ timeout: 30_000 });
    expect(await oppRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['销售机会', '潜客.csv', '已完成']));
    const found = (await apiFromPage(page, 'customers.search', { q: '13900000001' })).body as unknown as { value: { id: number; name: string }[] };
    const lead = found.value.find((c) => c.name === '潜客甲')!;
    const card = (await apiFromPage(page, 'customers.get', { id: lead.id })).body as unknown as { value: { opportunities: { items: { stage: string }[] } } };
    expect(card.value.opportunities!.items.map((o) => o.stage)).toEqual(['presentation']);

    await screen.getByTestId('import-kind').selectOption('repairOrders');
    const ro = ['工单号,车架号,维修日期,维修类型,进厂里程', `E2E-RO-1,${owner!.vehicles[0]!.vin},2026-11-20,保养,`, 'E2E-RO-2,LFV2A21K2N3000002,2026-11-20,保养,'].join('\n');
    await screen.getByTestId('import-file').setInputFiles({ name: '工单.csv', mimeType: 'text/csv', buffer: Buffer.from(ro) });
    await screen.getByTestId('import-preview').click();
    await screen.getByTestId('import-summary').waitFor();
    expect(await screen.getByTestId('import-summary').textContent()).toBe('工单.csv:读取为 UTF-8,共 2 行 — 新增工单 1 行,工单号已存在 0 行,有问题 1 行');
    expect((await screen.getByTestId('import-bad').allTextContents()).join('\n')).toContain('找不到这辆车');
    expect(await screen.getByTestId('import-owner').count()).toBe(0);
    await screenshot(page, 'data-import-repair-orders');
    await screen.getByTestId('import-start').click();
    const roRow = screen.locator('[data-testid^="import-batch-"]').first();
    await roRow.getByText('已完成').waitFor({ timeout: 30_000 });
    expect(await roRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['维修工单', '工单.csv', '已完成', '1']));
    page.once('dialog', (d) => void d.accept());
    await roRow.getByRole('button', { name: '撤销导入' }).click();
    await roRow.getByText('已撤销').waitFor();
    await screenshot(page, 'data-import-history');
  });

  it('a sales manager finds 数据导入 under 销售管理, offering customers and opportunities only', async () => {
    const { page } = env.tp;
    await page.context().clearCookies();
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '数据导入' }).click();
    const screen = page.getByTestId('import-screen');
    await screen.getByTestId('import-kind').waitFor();
    expect(await screen.getByTestId('import-kind').locator('option').allTextContents()).toEqual(['客户', '销售机会']);
    // The administrator's imports above are not listed to the manager.
    expect(await screen.locator('[data-testid^="import-batch-"]').count()).toBe(0);
    await screenshot(page, 'data-import-manager');
  });
});
