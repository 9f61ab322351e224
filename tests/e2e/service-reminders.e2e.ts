/**
 * 提醒服务 against the real server on a small demo database: an agent opens the regular-service
 * list, sees the same count as the API with the DND customers left out and counted, turns it into
 * tasks once (a second click makes none), and records why a churned customer left.
 */
import { describe, expect, it } from 'vitest';
import { regularServiceList, remindersOf } from '../../electron/node/features/service/reminders';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(3_000);

describe('提醒服务 (real server)', () => {
  it('常规保养: the count equals the API’s, DND left out is shown, 生成任务 makes each task once', async () => {
    const { page } = env.tp;
    const today = remindersOf(env.core).today();
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '提醒服务' }).click();
    await page.getByTestId('rem-screen').waitFor();
    await page.getByRole('tab', { name: '常规保养' }).click();
    const from = page.getByTestId('rem-from');
    await expect.poll(() => from.inputValue()).toBe(today);
    const to = await page.getByTestId('rem-to').inputValue();
    const api = regularServiceList(env.core, { from: today, to });
    expect(api.total).toBeGreaterThan(0);
    await page.getByTestId('rem-total').getByText(`共 ${api.total} 位`).waitFor();
    if (api.leftOutDnd > 0) await page.getByTestId('rem-dnd').getByText(`已排除免打扰 ${api.leftOutDnd} 位`).waitFor();
    const first = api.rows[0]!;
    await page.getByRole('button', { name: first.customerName }).first().waitFor();
    await screenshot(page, 'service-reminders');

    const tasks = () => env.core.sqlite.prepare("SELECT count(*) FROM tasks WHERE kind = 'regular_service'").pluck().get() as number;
    expect(tasks()).toBe(0);
    await page.getByTestId('rem-tasks').click();
    await page.getByText(`已生成 ${api.total} 条任务`).waitFor();
    expect(tasks()).toBe(api.total);
    await page.getByTestId('rem-tasks').click();
    await page.getByText(`已生成 0 条任务(${api.total} 条此前已生成)`).waitFor();
    expect(tasks()).toBe(api.total);
  });

  it('流失预警: the reason must come from the list; a chosen reason is saved for the customer', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '提醒服务' }).click();
    await page.getByRole('tab', { name: '流失预警' }).click();
    const button = page.locator('[data-testid^="rem-churn-"]').first();
    await button.waitFor();
    const vehicleId = Number((await button.getAttribute('data-testid'))!.replace('rem-churn-', ''));
    await button.click();
    await page.getByTestId('rem-churn-save').click();
    await page.getByText('请从列表中选择流失原因').waitFor();
    const reason = env.core.sqlite.prepare("SELECT code FROM dictionaries WHERE kind = 'churn_reason' AND active = 1 ORDER BY sort, id LIMIT 1").pluck().get() as string;
    await page.getByTestId('rem-churn-reason').selectOption(reason);
    await page.getByTestId('rem-churn-note').fill('搬到外地');
    await page.getByTestId('rem-churn-save').click();
    await page.getByText('已记录流失原因').waitFor();
    const saved = env.core.sqlite.prepare('SELECT reason, note FROM churn_records WHERE vehicle_id = ?').all(vehicleId);
    expect(saved).toEqual([{ reason, note: '搬到外地' }]);
  });
});
