/**
 * Calls from tasks (issue 8: "a call started from a task links to it and opens that task's form
 * when it ends") against the real SIP server: kamailio from tests/fixtures/kamailio, two Chromium
 * pages as two extensions. The agent (service1, extension 1002) presses 拨打 on a workbench task;
 * the customer's phone 138 0013 8005 is the page registered as 1005 (the fixture routes that
 * number to it). Answered → hang up → the task's outcome form is open; saved → the task is done
 * and the call-log row carries the task. Declined → the form proposes 未接通 and tomorrow.
 * A 免打扰 customer's 拨打 stays disabled with the reason. A 维修回访 task about a repair order opens
 * the revisit form when its call is answered; saved, the revisit is recorded and the task done.
 */
import { describe, expect, it } from 'vitest';
import { TEST_CALLER_IDS } from '../support/kamailio';
import { screenshot } from './support/app';
import { useSeededApp } from './support/seeded';
import { useSoftphoneLab } from './support/softphone';

const env = useSeededApp(200);

/** The dealer's today and tomorrow (Asia/Shanghai), as the workbench counts days. */
const shanghaiDay = (plusDays = 0) => new Date(Date.now() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);

const { seat, phonePage: openPhonePage } = useSoftphoneLab(env);
const phonePage = (username: string) => openPhonePage(username, { registered: true });

function customerWithTask(name: string, phone: string, kind: string, agentId: number, dndCall = 0): { customerId: number; taskId: number } {
  const sqlite = env.core.sqlite;
  const owner = sqlite.prepare("select id from users where username = 'sales1'").pluck().get() as number;
  const customerId = Number(sqlite.prepare('insert into customers (name, owner_id, dnd_call, created_at, updated_at) values (?, ?, ?, 0, 0)').run(name, owner, dndCall).lastInsertRowid);
  sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, 'mobile', 1)").run(customerId, phone, `86${phone}`);
  const taskId = Number(
    sqlite
      .prepare("insert into tasks (kind, natural_key, customer_id, assignee_id, due_date, status, reason, created_at, updated_at) values (?, ?, ?, ?, ?, 'open', ?, 0, 0)")
      .run(kind, `e2e:${kind}:${customerId}`, customerId, agentId, shanghaiDay(), `${name}的任务`).lastInsertRowid,
  );
  return { customerId, taskId };
}

describe('calls from workbench tasks (kamailio, two Chromium pages)', () => {
  it('拨打 on a task calls the customer; when the call ends the task’s form is open; saved, the call-log row has the task', async () => {
    const sqlite = env.core.sqlite;
    const agent = sqlite.prepare("select id from users where username = 'service1'").pluck().get() as number;
    const answered = customerWithTask('续保呼叫客户', TEST_CALLER_IDS['1005']!, 'expiry_insurance', agent);
    const declined = customerWithTask('回访呼叫客户', TEST_CALLER_IDS['1005']!, 'revisit_repair', agent);
    customerWithTask('免打扰任务客户', '13900139777', 'birthday', agent, 1);
    // A 维修回访 about a real repair order (its service visit).
    const repair = customerWithTask('维修回访客户', TEST_CALLER_IDS['1005']!, 'revisit_repair', agent);
    const vehicleId = Number(sqlite.prepare("insert into vehicles (customer_id, vin, model, plate, created_at, updated_at) values (?, 'LSVE2E00000000001', 'Lavida', '粤B12345', 0, 0)").run(repair.customerId).lastInsertRowid);
    const visitId = Number(
      sqlite.prepare("insert into service_visits (vehicle_id, customer_id, ro_number, date, type, items, created_at) values (?, ?, 'RO-E2E-1', ?, 'repair', '更换刹车片', 0)").run(vehicleId, repair.customerId, shanghaiDay(-1)).lastInsertRowid,
    );
    sqlite.prepare("update tasks set ref_type = 'service_visit', ref_id = ?, vehicle_id = ? where id = ?").run(visitId, vehicleId, repair.taskId);
    await seat('service1', '1002');
    await seat('service2', '1005');
    const a = await phonePage('service1');
    const b = await phonePage('service2');

    await a.getByRole('treeitem', { name: '客服工作台' }).click();
    const rows = a.getByTestId('workbench-rows');
    // 免打扰: disabled, and the tooltip says why.
    const dndRow = rows.locator('tr', { hasText: '免打扰任务客户' });
    expect(await dndRow.getByTestId('task-call').isDisabled()).toBe(true);
    expect(await dndRow.getByTestId('task-call').locator('..').getAttribute('title')).toBe('客户设置了免打扰,不可致电');

    // Answered: the other page answers, then hangs up.
    const row = rows.locator('tr', { hasText: '续保呼叫客户' });
    await row.getByTestId('task-call').and(a.locator(':enabled')).waitFor();
    await screenshot(a, 'telephony-tasks-workbench');
    await row.getByTestId('task-call').click();
    await b.getByTestId('tel-ringing').getByTestId('tel-answer').click();
    await a.getByTestId('tel-call').and(a.locator('[data-state="connected"]')).waitFor();
    await b.waitForTimeout(1000);
    await b.getByTestId('tel-hangup').click();
    const dlg = a.getByRole('dialog');
    await dlg.getByTestId('outcome-from-call').getByText('通话已结束,请填写任务结果。').waitFor();
    expect(await dlg.textContent()).toContain('续保呼叫客户');
    expect(await dlg.getByTestId('outcome-kind').inputValue()).toBe('done');
    // The task's form replaces the generic 通话结果 form.
    expect(await a.getByTestId('tel-outcome').count()).toBe(0);
    await dlg.getByTestId('outcome-note').fill('客户确认下周到店续保');
    await screenshot(a, 'telephony-tasks-outcome');
    await dlg.getByTestId('outcome-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sqlite.prepare('select status, notes from tasks where id = ?').get(answered.taskId)).toEqual({ status: 'done', notes: '客户确认下周到店续保' });
    const callRow = sqlite.prepare("select task_id as taskId, customer_id as customerId, extension, to_number as toNumber, answered_at as answeredAt from calls where direction = 'outbound' and extension = '1002' order by id desc limit 1").get() as {
      taskId: number;
      customerId: number;
      extension: string;
      toNumber: string;
      answeredAt: number | null;
    };
    expect(callRow).toMatchObject({ taskId: answered.taskId, customerId: answered.customerId, toNumber: TEST_CALLER_IDS['1005'] });
    expect(callRow.answeredAt).not.toBeNull();
    // The answering page (an inbound call) keeps the generic 通话结果 form.
    await b.getByTestId('tel-outcome').waitFor();
    await b.keyboard.press('Escape');

    // Not answered: declined on the other page → the form proposes 未接通 and tomorrow.
    await rows.locator('tr', { hasText: '续保呼叫客户' }).waitFor({ state: 'detached' });
    const row2 = rows.locator('tr', { hasText: '回访呼叫客户' });
    await row2.getByTestId('task-call').click();
    await b.getByTestId('tel-ringing').getByTestId('tel-decline').click();
    await dlg.getByTestId('outcome-from-call').getByText('电话未接通:已建议改期到明天,可修改。').waitFor();
    expect(await dlg.getByTestId('outcome-kind').inputValue()).toBe('reschedule');
    expect(await dlg.getByTestId('outcome-note').inputValue()).toBe('未接通');
    await screenshot(a, 'telephony-tasks-no-answer');
    await dlg.getByTestId('outcome-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sqlite.prepare('select status, due_date as due from tasks where id = ?').get(declined.taskId)).toEqual({ status: 'open', due: shanghaiDay(1) });
    const callRow2 = sqlite.prepare("select task_id as taskId, answered_at as answeredAt from calls where direction = 'outbound' and extension = '1002' order by id desc limit 1").get();
    expect(callRow2).toEqual({ taskId: declined.taskId, answeredAt: null });

    // A 维修回访 about a repair order: answered → the revisit form (questions, result) opens.
    await rows.locator('tr', { hasText: '维修回访客户' }).getByTestId('task-call').click();
    await b.getByTestId('tel-ringing').getByTestId('tel-answer').click();
    await a.getByTestId('tel-call').and(a.locator('[data-state="connected"]')).waitFor();
    await a.getByTestId('tel-hangup').click();
    await dlg.getByTestId('rv-q-0').waitFor();
    expect(await dlg.textContent()).toContain('维修回访客户');
    for (let i = 0; ; i++) {
      const q = dlg.getByTestId(`rv-q-${i}`);
      if ((await q.count()) === 0) break;
      await q.getByRole('radio').first().check();
    }
    await dlg.getByTestId('rv-result-satisfied').check();
    await screenshot(a, 'telephony-tasks-revisit');
    await dlg.getByTestId('rv-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(sqlite.prepare("select status, result from revisits where kind = 'repair' and service_visit_id = ?").get(visitId)).toEqual({ status: 'done', result: 'satisfied' });
    expect(sqlite.prepare('select status, notes from tasks where id = ?').get(repair.taskId)).toEqual({ status: 'done', notes: '回访已保存' });
    expect(sqlite.prepare("select task_id from calls where direction = 'outbound' and extension = '1002' order by id desc limit 1").pluck().get()).toBe(repair.taskId);
    await a.context().close();
    await b.context().close();
  });
});
