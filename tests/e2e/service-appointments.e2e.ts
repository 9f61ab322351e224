/**
 * 预约管理 and 招揽任务 against the real server on a small demo database: an advisor books an
 * appointment, the next booking in the full slot is refused with its message, arrival is marked;
 * the 招揽率 screen shows the numbers the API computes.
 */
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../electron/common/dates';
import { SolicitationService } from '../../electron/node/features/service/solicitation';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(1_000);

const today = () => todayIn('Asia/Shanghai', Date.now());
const twoCustomers = () =>
  env.core.sqlite
    .prepare("SELECT c.id, c.name FROM customers c WHERE length(c.name) = 3 AND (SELECT count(*) FROM customers x WHERE x.name = c.name) = 1 ORDER BY c.id LIMIT 2")
    .all() as { id: number; name: string }[];

describe('appointments and solicitation (real server)', () => {
  it('an advisor books a slot, the full slot refuses the next booking with its message, arrival is marked', async () => {
    const { page } = env.tp;
    env.core.settings.set('service.appointmentSlotCapacity', 1);
    const [a, b] = twoCustomers();
    const tomorrow = addDays(today(), 1);
    await loginToShell(page, env.url, 'advisor1', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '预约管理' }).click();
    await page.getByTestId('ap-next-day').click();
    await page.getByTestId('ap-day').and(page.locator(`[value="${tomorrow}"]`)).waitFor();

    const book = async (name: string) => {
      await page.getByTestId('ap-book-09:30').click();
      const dlg = page.getByTestId('ap-book-dialog');
      await dlg.getByRole('combobox', { name: '客户搜索' }).fill(name);
      await page.getByTestId('search-hit').filter({ hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await dlg.getByTestId('ap-customer').getByText(name).waitFor();
      await page.getByTestId('ap-book-submit').click();
    };
    await book(a!.name);
    await page.getByTestId('ap-count-09:30').getByText('1/1').waitFor();
    const id = env.core.sqlite.prepare("SELECT id FROM appointments WHERE customer_id = ? AND date = ? AND slot = '09:30'").pluck().get(a!.id, tomorrow) as number;
    expect(id).toBeGreaterThan(0);

    await book(b!.name);
    await page.getByTestId('ap-book-dialog').getByText(`${tomorrow} 09:30 时段已约满(1 个)`, { exact: false }).waitFor();
    await screenshot(page, 'appointment-full');
    expect(env.core.sqlite.prepare('SELECT count(*) FROM appointments WHERE customer_id = ?').pluck().get(b!.id)).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await page.getByTestId(`ap-arrive-${id}`).click();
    await page.getByTestId(`ap-appt-${id}`).getByText('已到店').waitFor();
    expect(env.core.sqlite.prepare('SELECT status FROM appointments WHERE id = ?').pluck().get(id)).toBe('arrived');
  });

  it('the 招揽率 screen shows the API’s rate and success rate', async () => {
    const { page } = env.tp;
    const agent = env.core.sqlite.prepare("SELECT id FROM users WHERE username = 'service1'").pluck().get() as number;
    const cs = env.core.sqlite.prepare('SELECT c.id AS c, v.id AS v FROM customers c JOIN vehicles v ON v.customer_id = c.id ORDER BY c.id LIMIT 10').all() as { c: number; v: number }[];
    const ins = env.core.sqlite.prepare(
      "INSERT INTO solicitation_tasks (natural_key, kind, customer_id, vehicle_id, window_start, window_end, status, assignee_id, created_at, updated_at) VALUES (?, 'regular_service', ?, ?, '2000-01-01', '2000-01-02', ?, ?, ?, ?)",
    );
    const states = ['unassigned', 'assigned', 'in_progress', 'in_progress', 'failed', 'in_progress', 'in_progress', 'in_progress', 'failed', 'in_progress'];
    cs.forEach((r, i) => ins.run(`e2e:${r.c}/${r.v}`, r.c, r.v, states[i], states[i] === 'unassigned' ? null : agent, Date.now(), Date.now()));
    // (the service, not the handlers module: importing that first would load handlers.ts in a cycle)
    const api = await new SolicitationService(env.core).rates();
    const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '招揽任务' }).click();
    await page.getByRole('tab', { name: '招揽率' }).click();
    const rates = page.getByTestId('sol-rates');
    await rates.getByTestId('sol-rate-overall').getByText(pct(api.overall.solicitationRate)).waitFor();
    expect(await rates.getByTestId('sol-success-overall').textContent()).toBe(pct(api.overall.successRate));
    expect(await rates.getByTestId(`sol-rate-${agent}`).textContent()).toBe(pct(api.perAgent.find((x) => x.agentId === agent)!.solicitationRate));
    expect(await rates.getByText('不达标').count()).toBeGreaterThan(0);
    await screenshot(page, 'solicitation-rates');
  });
});
