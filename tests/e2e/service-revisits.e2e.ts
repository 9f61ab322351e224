/**
 * Revisits against the real server on a small demo database: an agent does a sales revisit and a
 * dissatisfied repair revisit (the customer reappears under 需再次回访), then a low-score
 * follow-up refuses "已跟进" as its description.
 */
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/common/dates';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(1_000);

const today = () => todayIn('Asia/Shanghai', Date.now());
const sq = <T>(q: string, ...p: unknown[]) => env.core.sqlite.prepare(q).get(...p) as T;

/** A delivery / service visit dated today whose customer takes revisits (seeded rows, re-dated). */
function prepare(kind: 'sales' | 'repair'): { eventId: number; customerId: number } {
  const row =
    kind === 'sales'
      ? sq<{ eventId: number; customerId: number }>('SELECT d.id AS eventId, d.customer_id AS customerId FROM deliveries d JOIN customers c ON c.id = d.customer_id WHERE c.dnd_revisit = 0 ORDER BY d.id LIMIT 1')
      : sq<{ eventId: number; customerId: number }>(
          'SELECT v.id AS eventId, v.customer_id AS customerId FROM service_visits v JOIN customers c ON c.id = v.customer_id WHERE c.dnd_revisit = 0 AND v.customer_id NOT IN (SELECT customer_id FROM deliveries) ORDER BY v.id LIMIT 1',
        );
  if (kind === 'sales') env.core.sqlite.prepare('UPDATE deliveries SET delivery_date = ? WHERE id = ?').run(today(), row.eventId);
  else env.core.sqlite.prepare("UPDATE service_visits SET date = ?, type = 'repair', items = '更换前刹车片' WHERE id = ?").run(today(), row.eventId);
  return row;
}

describe('revisits (real server)', () => {
  it('an agent does a sales revisit, then a dissatisfied repair revisit that reappears under 需再次回访', async () => {
    const { page } = env.tp;
    const sale = prepare('sales');
    const repair = prepare('repair');
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);

    await page.getByRole('treeitem', { name: '销售回访' }).click();
    const salesScreen = page.getByTestId('rv-screen-sales');
    // The 待回访 list is the DataGrid: a double click on the row opens the revisit form.
    await salesScreen.locator(`.ag-row[row-id="${sale.eventId}"]`).dblclick();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('rv-q-0').waitFor();
    for (let i = 0; ; i++) {
      const q = dlg.getByTestId(`rv-q-${i}`);
      if ((await q.count()) === 0) break;
      await q.getByRole('radio').first().check();
    }
    await dlg.getByTestId('rv-result-satisfied').check();
    await dlg.getByLabel('备注').fill('客户对交车很满意');
    await dlg.getByTestId('rv-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sq<{ status: string; result: string }>("SELECT status, result FROM revisits WHERE kind = 'sales' AND delivery_id = ?", sale.eventId)).toEqual({ status: 'done', result: 'satisfied' });
    await salesScreen.getByRole('tab', { name: /已回访/ }).click();
    await salesScreen.locator(`.ag-row[row-id="${sale.eventId}"]`).waitFor();

    await page.getByRole('treeitem', { name: '维修回访' }).click();
    const repairScreen = page.getByTestId('rv-screen-repair');
    // Or select the row and press 回访.
    await repairScreen.locator(`.ag-row[row-id="${repair.eventId}"] input[type="checkbox"]`).first().check();
    await repairScreen.getByTestId('rv-open').click();
    const d2 = page.getByRole('dialog');
    await d2.getByTestId('rv-items').getByText('更换前刹车片').waitFor();
    for (let i = 0; ; i++) {
      const q = d2.getByTestId(`rv-q-${i}`);
      if ((await q.count()) === 0) break;
      await q.getByRole('radio').last().check();
    }
    await d2.getByTestId('rv-result-dissatisfied').check();
    // Without a reason the save is refused with a clear message.
    await d2.getByTestId('rv-save').click();
    await d2.getByTestId('rv-reasons').getByText('至少选择一个不满意原因').waitFor();
    expect(await d2.getByTestId('rv-again').isChecked()).toBe(true);
    await d2.getByTestId('rv-reasons').getByLabel('维修质量').check();
    await screenshot(page, 'revisit-dissatisfied');
    await d2.getByTestId('rv-save').click();
    await d2.waitFor({ state: 'detached' });
    await repairScreen.getByRole('tab', { name: /需再次回访/ }).click();
    await repairScreen.locator(`.ag-row[row-id="${repair.eventId}"]`).waitFor();
    await screenshot(page, 'revisits-again-grid');
    expect(sq<{ n: number }>("SELECT count(*) AS n FROM tasks WHERE kind = 'low_score' AND customer_id = ? AND status = 'open'", repair.customerId).n).toBe(1);
  });

  it('a low-score follow-up refuses "已跟进" and closes with a real description', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'service1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '维修回访' }).click();
    const screen = page.getByTestId('rv-screen-repair');
    await screen.getByRole('tab', { name: '低分跟进' }).click();
    // The follow-up the dissatisfied repair revisit above made (the newest: the demo data has follow-ups of its own, other agents' among them).
    const task = sq<{ id: number }>("SELECT id FROM tasks WHERE kind = 'low_score' AND status = 'open' ORDER BY id DESC LIMIT 1");
    await screen.getByTestId(`rv-ls-close-${task.id}`).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('rv-ls-desc').fill(' 已跟进。');
    await dlg.getByTestId('rv-ls-submit').click();
    await dlg.getByText('仅“已跟进”或“未接通”不能作为跟进说明').waitFor();
    expect(sq<{ status: string }>('SELECT status FROM tasks WHERE id = ?', task.id).status).toBe('open');
    await dlg.getByTestId('rv-ls-desc').fill('已跟进:客户同意周六回店复检刹车,费用全免');
    await dlg.getByTestId('rv-ls-submit').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sq<{ status: string }>('SELECT status FROM tasks WHERE id = ?', task.id).status).toBe('done');
  });
});
