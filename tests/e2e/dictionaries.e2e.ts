/**
 * 系统管理 → 数据字典 against the real server on a small demo database: the admin picks 客户来源,
 * adds an item (a malformed code is refused under the field first), every form's drop-down
 * offers it at once; the admin renames and retires it with a double-click, and the drop-down no
 * longer offers it. 跟进方式's codes are the program's: no new items there.
 */
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(500);

describe('data dictionaries screen (real server)', () => {
  it('add, rename and retire a customer source; a fixed list takes no new items', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '数据字典' }).click();
    const screen = page.getByTestId('dictionaries-screen');
    await screen.getByRole('option', { name: /客户来源/ }).click();
    await page.locator('.ag-row [col-id="zh"]', { hasText: '展厅' }).waitFor();

    await screen.getByRole('button', { name: '新增项目' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('编码').fill('Wechat Ad');
    await dlg.getByLabel('中文名称').fill('微信广告');
    await dlg.getByLabel('英文名称').fill('WeChat ads');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.getByText('编码只能用小写字母、数字和下划线').waitFor();
    await dlg.getByLabel('编码').fill('wechat_ad');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('.ag-row [col-id="zh"]', { hasText: '微信广告' }).waitFor();
    await screen.getByRole('option', { name: /客户来源.*6\/6 项启用/ }).waitFor();
    await screenshot(page, 'dictionaries-screen');

    // What every form's 客户来源 drop-down offers (dict.list is the same for every user).
    const offered = async () => ((await apiFromPage(page, 'dict.list', { kind: 'source' })).body as unknown as { value: { code: string }[] }).value.map((d) => d.code);
    expect(await offered()).toContain('wechat_ad');

    await page.locator('.ag-row [col-id="zh"]', { hasText: '微信广告' }).dblclick();
    const edit = page.getByRole('dialog');
    await expect(edit.getByLabel('编码').inputValue()).resolves.toBe('wechat_ad');
    expect(await edit.getByLabel('编码').getAttribute('readonly')).not.toBeNull();
    await edit.getByLabel('中文名称').fill('微信朋友圈广告');
    await edit.getByRole('checkbox').uncheck();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.locator('.ag-row [col-id="zh"]', { hasText: '微信朋友圈广告' }).waitFor();
    expect(await offered()).not.toContain('wechat_ad');

    await screen.getByRole('option', { name: /跟进方式/ }).click();
    await page.locator('.ag-row [col-id="code"]', { hasText: 'call' }).first().waitFor();
    expect(await screen.getByRole('button', { name: '新增项目' }).isDisabled()).toBe(true);
  });

  it('a model’s service intervals are set in its item and shown in the 车型 list', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '数据字典' }).click();
    const screen = page.getByTestId('dictionaries-screen');
    await screen.getByRole('option', { name: /车型/ }).click();
    await page.locator('.ag-row [col-id="zh"]', { hasText: '迈腾' }).dblclick();
    const dlg = page.getByRole('dialog');
    const box = dlg.getByTestId('dict-intervals');
    await box.getByLabel('首保里程(km)').fill('3000');
    await dlg.getByRole('button', { name: '保存' }).click();
    await box.getByText('四项都填').waitFor();
    await box.getByLabel('首保月数').fill('3');
    await box.getByLabel('常规保养间隔(km)').fill('10000');
    await box.getByLabel('常规保养间隔(月)').fill('6');
    await screenshot(page, 'dictionaries-model-intervals');
    await dlg.getByRole('button', { name: '保存' }).click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('.ag-row [col-id="intervals"]', { hasText: '3000 km / 3 → 10000 km / 6' }).waitFor();
    const extra = env.core.sqlite.prepare("SELECT extra FROM dictionaries WHERE kind = 'model' AND code = 'magotan'").pluck().get() as string;
    // Beside what the model item already held (brand, price …).
    expect(JSON.parse(extra)).toMatchObject({ brand: expect.any(String), serviceIntervals: { firstKm: 3000, firstMonths: 3, km: 10000, months: 6 } });
  });
});
