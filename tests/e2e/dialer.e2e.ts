/**
 * 作业模式 (the preview dialer) against the real SIP server: kamailio from tests/fixtures/kamailio and
 * two Chromium pages as two extensions. The agent (service1, extension 1002) goes 就绪 and starts the
 * 常规保养提醒 queue; the first task's card and script open, the preview (1 s here) runs out and the
 * seat's softphone dials the customer — 138 0013 8005, the page registered as 1005 (the fixture
 * routes that number to it). Answered, hung up: the task's outcome form; saved, the queue's wrap-up
 * (2 s here) runs and the next task's card opens by itself. That call declined: no form (the host
 * counted the try), and after the wrap-up the queue is empty, the declined task waiting for its retry.
 */
import { describe, expect, it } from 'vitest';
import { TEST_CALLER_IDS } from '../support/kamailio';
import { screenshot } from './support/app';
import { useSeededApp } from './support/seeded';
import { useSoftphoneLab } from './support/softphone';

const env = useSeededApp(200);

const shanghaiDay = (plusDays = 0) => new Date(Date.now() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
const { seat, phonePage: openPhonePage } = useSoftphoneLab(env);
const phonePage = (username: string) => openPhonePage(username, { registered: true });

function customerWithTask(name: string, phone: string, agentId: number, dueDate: string): number {
  const sqlite = env.core.sqlite;
  const customerId = Number(sqlite.prepare('insert into customers (name, created_at, updated_at) values (?, 0, 0)').run(name).lastInsertRowid);
  sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, 'mobile', 1)").run(customerId, phone, `86${phone}`);
  return Number(
    sqlite
      .prepare("insert into tasks (kind, natural_key, customer_id, assignee_id, due_date, status, reason, created_at, updated_at) values ('regular_service', ?, ?, ?, ?, 'open', ?, 0, 0)")
      .run(`e2e-dialer:${customerId}`, customerId, agentId, dueDate, `${name}的保养提醒`).lastInsertRowid,
  );
}

describe('作业模式 (kamailio, two Chromium pages)', () => {
  it('claims the next task, dials it after the preview, opens the outcome form, and after the wrap-up the next card', async () => {
    const sqlite = env.core.sqlite;
    const agent = sqlite.prepare("select id from users where username = 'service1'").pluck().get() as number;
    // Only this test's tasks in the queue; calling all day (CI runs at any hour); a short preview and wrap-up.
    sqlite.prepare("update tasks set status = 'done', version = version + 1 where assignee_id = ? and kind = 'regular_service' and status in ('open', 'in_progress')").run(agent);
    env.core.settings.set('callCenter.callingHours', '00:00-00:00');
    sqlite.prepare("insert into dialer_queues (queue, preview_seconds, max_attempts, retry_hours, wrap_up_seconds, updated_at) values ('regular_service', 1, 3, 4, 2, 0)").run();
    const first = customerWithTask('作业首位客户', TEST_CALLER_IDS['1005']!, agent, shanghaiDay(-1));
    const second = customerWithTask('作业次位客户', TEST_CALLER_IDS['1005']!, agent, shanghaiDay());
    sqlite.prepare('update tasks set priority = 2, version = version + 1 where id = ?').run(first);
    await seat('service1', '1002');
    await seat('service2', '1005');
    const a = await phonePage('service1');
    const b = await phonePage('service2');

    await a.keyboard.press('Alt+r');
    await a.locator('[data-testid="agent-state"][data-state="ready"]').waitFor();
    await a.getByRole('treeitem', { name: '作业模式' }).click();
    await a.getByTestId('dialer-queue').selectOption('regular_service');
    await a.getByTestId('dialer-start').click();

    // The overdue one first: its card and script; the preview runs out and the softphone dials.
    const card = a.getByTestId('dialer-card');
    await card.getByTestId('dialer-customer').filter({ hasText: '作业首位客户' }).waitFor();
    expect(await card.getByTestId('dialer-script').textContent()).toContain('作业首位客户');
    expect(await card.getByTestId('task-priority').textContent()).toBe('紧急');
    await screenshot(a, 'dialer-card');
    await b.getByTestId('tel-ringing').getByTestId('tel-answer').click();
    await a.getByTestId('tel-call').and(a.locator('[data-state="connected"]')).waitFor();
    await a.getByTestId('dialer-calling').waitFor();
    await b.waitForTimeout(500);
    await b.getByTestId('tel-hangup').click();
    const dlg = a.getByRole('dialog');
    await dlg.getByTestId('outcome-from-call').waitFor();
    expect(await dlg.getByTestId('outcome-kind').inputValue()).toBe('done');
    await dlg.getByTestId('outcome-note').fill('客户预约周六上午保养');
    await dlg.getByTestId('outcome-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sqlite.prepare('select status from tasks where id = ?').pluck().get(first)).toBe('done');
    await b.getByTestId('tel-outcome').waitFor();
    await b.keyboard.press('Escape');

    // The wrap-up (2 s) ends on its own, and the next task's card opens without a click.
    await a.getByTestId('dialer-after').waitFor();
    await card.getByTestId('dialer-customer').filter({ hasText: '作业次位客户' }).waitFor({ timeout: 20_000 });
    // Declined: no form; the try is counted, the task waits for its retry; the queue is empty after the wrap-up.
    await b.getByTestId('tel-ringing').getByTestId('tel-decline').click();
    const idle = a.getByTestId('dialer-idle');
    await idle.filter({ hasText: '此队列暂无可拨打的任务' }).waitFor({ timeout: 20_000 });
    expect(await idle.textContent()).toContain('另有 1 条待办');
    expect(await a.getByRole('dialog').count()).toBe(0);
    await screenshot(a, 'dialer-idle');
    const attempts = sqlite.prepare('select task_id as taskId, result, call_id is not null as hasCall from dialer_attempts where user_id = ? order by id').all(agent);
    expect(attempts).toEqual([
      { taskId: first, result: 'answered', hasCall: 1 },
      { taskId: second, result: expect.stringMatching(/^(busy|failed|noAnswer)$/), hasCall: 1 },
    ]);
    expect(sqlite.prepare('select status from tasks where id = ?').pluck().get(second)).toBe('open');
    // 停止作业 gives the claim back.
    await a.getByTestId('dialer-stop').click();
    await expect.poll(() => sqlite.prepare('select count(*) from dialer_claims where user_id = ?').pluck().get(agent)).toBe(0);
    await a.context().close();
    await b.context().close();
  });

  it('队列规则: the CS manager sets a queue to dial only on the agent’s key, audited', async () => {
    const m = await openPhonePage('csmanager');
    await m.getByRole('treeitem', { name: '作业模式' }).click();
    const rules = m.getByTestId('dialer-rules');
    await rules.getByTestId('dialer-rules-edit-first_service').click();
    const dlg = m.getByRole('dialog');
    await dlg.getByTestId('dialer-rules-preview').fill('');
    await screenshot(m, 'dialer-rules');
    await dlg.getByTestId('dialer-rules-save').click();
    await dlg.waitFor({ state: 'detached' });
    await rules.getByRole('row').filter({ hasText: '首保提醒' }).filter({ hasText: '手动拨打' }).waitFor();
    expect(env.core.sqlite.prepare("select preview_seconds as p, max_attempts as n from dialer_queues where queue = 'first_service'").get()).toEqual({ p: null, n: 3 });
    expect(env.core.sqlite.prepare("select count(*) from audit_log where entity = 'dialer_queue' and entity_id = 'first_service'").pluck().get()).toBe(1);
    await m.context().close();
  });

  it('监听 on the wall board dials the PBX’s listen-in code before the agent’s extension (kamailio itself cannot listen: it answers 480)', async () => {
    env.core.settings.set('callCenter.monitorCode', '*33');
    try {
      await seat('service1', '1002');
      await seat('service2', '1005');
      await seat('csmanager', '1006');
      const agent = await phonePage('service1');
      const customer = await phonePage('service2');
      const manager = await phonePage('csmanager');
      await agent.getByTestId('tel-dialpad-toggle').click();
      await agent.getByTestId('tel-dial-number').fill('1005');
      await agent.getByTestId('tel-dial-call').click();
      await customer.getByTestId('tel-ringing').getByTestId('tel-answer').click();
      await agent.locator('[data-testid="tel-call"][data-state="connected"]').waitFor();
      await manager.getByRole('treeitem', { name: '坐席监控' }).click();
      const agentId = env.core.sqlite.prepare("select id from users where username = 'service1'").pluck().get() as number;
      await manager.getByTestId(`floor-listen-${agentId}`).click();
      const managerId = env.core.sqlite.prepare("select id from users where username = 'csmanager'").pluck().get() as number;
      await expect
        .poll(() => env.core.sqlite.prepare("select to_number from calls where user_id = ? and direction = 'outbound' order by id desc limit 1").pluck().get(managerId))
        .toBe('*331002');
      for (const p of [agent, customer, manager]) await p.context().close();
    } finally {
      env.core.settings.set('callCenter.monitorCode', '');
    }
  });

  it('a 维修回访 queue’s card shows the questionnaire to read from, and waits for 拨打 when the queue says so', async () => {
    const sqlite = env.core.sqlite;
    const agent = sqlite.prepare("select id from users where username = 'service3'").pluck().get() as number;
    sqlite.prepare("update tasks set status = 'done', version = version + 1 where assignee_id = ? and kind = 'revisit_repair' and status in ('open', 'in_progress')").run(agent);
    env.core.settings.set('callCenter.callingHours', '00:00-00:00'); // CI runs at any hour
    sqlite.prepare("insert or replace into dialer_queues (queue, preview_seconds, max_attempts, retry_hours, updated_at) values ('revisit_repair', null, 3, 4, 0)").run();
    const customerId = Number(sqlite.prepare("insert into customers (name, created_at, updated_at) values ('回访问卷客户', 0, 0)").run().lastInsertRowid);
    sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, '13900139555', '8613900139555', 'mobile', 1)").run(customerId);
    const vehicleId = Number(sqlite.prepare("insert into vehicles (customer_id, vin, model, plate, created_at, updated_at) values (?, 'LSVDIALER00000001', 'Lavida', '粤B54321', 0, 0)").run(customerId).lastInsertRowid);
    const visitId = Number(
      sqlite.prepare("insert into service_visits (vehicle_id, customer_id, ro_number, date, type, items, created_at) values (?, ?, 'RO-DIAL-1', ?, 'repair', '更换前刹车片', 0)").run(vehicleId, customerId, shanghaiDay(-2)).lastInsertRowid,
    );
    sqlite
      .prepare("insert into tasks (kind, natural_key, customer_id, vehicle_id, assignee_id, due_date, status, reason, ref_type, ref_id, created_at, updated_at) values ('revisit_repair', 'e2e-dialer-rv', ?, ?, ?, ?, 'open', '维修回访', 'service_visit', ?, 0, 0)")
      .run(customerId, vehicleId, agent, shanghaiDay(), visitId);
    await seat('service3', '1003');
    const a = await phonePage('service3');
    await a.keyboard.press('Alt+r');
    await a.locator('[data-testid="agent-state"][data-state="ready"]').waitFor();
    await a.getByRole('treeitem', { name: '作业模式' }).click();
    await a.getByTestId('dialer-queue').selectOption('revisit_repair');
    await a.getByTestId('dialer-start').click();
    const card = a.getByTestId('dialer-card');
    await card.getByTestId('dialer-customer').filter({ hasText: '回访问卷客户' }).waitFor();
    const questions = card.getByTestId('dialer-questions');
    await questions.getByText('更换前刹车片', { exact: false }).waitFor();
    expect(await questions.locator('li').count()).toBeGreaterThan(0);
    expect(await card.getByTestId('dialer-countdown').textContent()).toBe('按“拨打”开始');
    await a.waitForTimeout(1500);
    expect(await a.getByTestId('tel-call').count()).toBe(0); // nothing dialled without the key
    await screenshot(a, 'dialer-revisit-card');
    await a.getByTestId('dialer-stop').click();
    await a.context().close();
  });
});
