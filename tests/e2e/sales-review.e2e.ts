/**
 * 领导批阅 end to end: a sales manager opens a consultant's plans in 跟踪计划 → 领导批阅 and comments
 * on one; the consultant sees the comment as a notification on the home screen (a click opens the
 * customer) and on the activity itself.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/node/dispatch';
import { loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(500);
const COMMENT = '先确认客户的预算和贷款需求,再约试驾';

/** sales1's earliest planned activity: the first row both in the review list and in their own 全部计划 grid. */
const firstPlanned = () =>
  env.core.sqlite
    .prepare(
      `SELECT a.id, a.customer_id AS customerId, cu.name AS customerName, a.subject FROM activities a JOIN customers cu ON cu.id = a.customer_id
       WHERE a.owner_id = (SELECT id FROM users WHERE username = 'sales1') AND a.status = 'planned' ORDER BY a.planned_at, a.id LIMIT 1`,
    )
    .get() as { id: number; customerId: number; customerName: string; subject: string };

describe('领导批阅 (real server)', () => {
  it('the manager picks a consultant of their team, opens a plan and comments on it', async () => {
    const { page } = env.tp;
    const target = firstPlanned();
    expect(target).toBeTruthy();
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await page.getByRole('tab', { name: '领导批阅' }).click();
    const panel = page.getByTestId('review-panel');
    const select = panel.getByTestId('review-consultant');
    // Only the consultants of the teams the manager leads are offered.
    const offered = await select.locator('option').allTextContents();
    expect(offered.some((o) => o.startsWith('张伟'))).toBe(true);
    const value = await select.locator('option', { hasText: '张伟' }).getAttribute('value');
    await select.selectOption(value!);
    await panel.getByTestId(`review-open-${target.id}`).click();
    const dialog = page.getByRole('dialog', { name: '活动详情' });
    await dialog.getByTestId('activity-detail').getByText(target.customerName).first().waitFor();
    await dialog.getByTestId('comment-text').fill(COMMENT);
    await dialog.getByRole('button', { name: '批阅', exact: true }).click();
    await dialog.getByTestId('comment').filter({ hasText: COMMENT }).waitFor();
    await screenshot(page, 'sales-review-manager');

    const row = env.core.sqlite.prepare('SELECT author_id AS authorId, text FROM manager_comments WHERE activity_id = ?').get(target.id) as { authorId: number; text: string };
    expect(row.text).toBe(COMMENT);
    const note = env.core.sqlite
      .prepare("SELECT n.body, n.ref_type AS refType, u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'review.comment' AND n.ref_id = ?")
      .get(target.id) as { body: string; refType: string; username: string };
    expect(note).toEqual({ body: COMMENT, refType: 'activity', username: 'sales1' });
  });

  it('the consultant sees the notification on the home screen and the comment on the activity', async () => {
    const { page } = env.tp;
    const target = firstPlanned();
    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    const home = page.getByTestId('home-notifications');
    const note = home.getByTestId('notification').filter({ hasText: COMMENT });
    await note.waitFor();
    expect(await note.textContent()).toContain('领导批阅');
    await page.getByTestId('home-followups').waitFor();
    await screenshot(page, 'sales-review-home');

    // A click opens the customer's card and marks the notification read.
    await note.getByRole('button', { name: new RegExp(target.customerName) }).click();
    await page.getByTestId('customer-card').waitFor();
    await expect.poll(() => env.core.sqlite.prepare("SELECT COUNT(*) FROM notifications WHERE kind = 'review.comment' AND ref_id = ? AND read_at IS NULL").pluck().get(target.id)).toBe(0);

    // On the record: 跟踪计划 → the activity (first row of 全部计划, earliest first) shows the comment.
    await page.getByRole('treeitem', { name: '跟踪计划' }).click();
    const firstRow = page.locator('.ag-row[row-index="0"] [col-id="subject"]');
    await firstRow.waitFor();
    await expect.poll(async () => (await firstRow.textContent())?.trim()).toBe(target.subject);
    await firstRow.dblclick();
    const dialog = page.getByRole('dialog', { name: '活动详情' });
    await dialog.getByTestId('comment').filter({ hasText: COMMENT }).waitFor();
    // A consultant reads comments but cannot write one.
    expect(await dialog.getByTestId('comment-text').count()).toBe(0);
    await screenshot(page, 'sales-review-consultant');
  });

  it('the consultant’s overdue follow-up is on the home screen; completing the last one of an open opportunity asks for the next, then saves both', async () => {
    const { page } = env.tp;
    // The only planned activity of one of sales1's open opportunities, made overdue (planned yesterday).
    const target = env.core.sqlite
      .prepare(
        `SELECT a.id, a.opportunity_id AS opp, cu.name AS customerName FROM activities a JOIN opportunities o ON o.id = a.opportunity_id JOIN customers cu ON cu.id = a.customer_id
         WHERE a.owner_id = (SELECT id FROM users WHERE username = 'sales1') AND a.status = 'planned' AND o.status = 'open'
           AND (SELECT COUNT(*) FROM activities x WHERE x.opportunity_id = a.opportunity_id AND x.status = 'planned') = 1
         ORDER BY a.id LIMIT 1`,
      )
      .get() as { id: number; opp: number; customerName: string };
    expect(target).toBeTruthy();
    // Overdue lists run oldest first: planned a day before sales1's oldest overdue one (the demo plants some), it leads them.
    const oldest = env.core.sqlite
      .prepare(`SELECT min(planned_at) FROM activities WHERE owner_id = (SELECT id FROM users WHERE username = 'sales1') AND status = 'planned' AND planned_at < ?`)
      .pluck()
      .get(Date.now()) as number | null;
    env.core.sqlite.prepare('UPDATE activities SET planned_at = ? WHERE id = ?').run(Math.min(oldest ?? Date.now(), Date.now()) - 86_400_000, target.id);

    await loginToShell(page, env.url, 'sales1', DEMO_PASSWORD);
    const overdue = page.getByTestId('home-overdue');
    await overdue.getByRole('button', { name: target.customerName }).first().waitFor();
    expect(await page.getByTestId('home-followups').locator('h3').textContent()).toMatch(/逾期 [1-9]\d* 条/);

    await page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await page.getByRole('radio', { name: '逾期' }).click();
    const firstRow = page.locator('.ag-row[row-index="0"] [col-id="customerName"]');
    await expect.poll(async () => (await firstRow.textContent())?.trim()).toBe(target.customerName);
    await firstRow.dblclick();
    const detail = page.getByRole('dialog', { name: '活动详情' });
    await detail.getByRole('button', { name: '完成', exact: true }).click();
    const form = page.getByRole('dialog', { name: new RegExp(`^完成 · ${target.customerName}`) });
    await form.getByTestId('result').fill('客户已到店看车');
    await form.getByRole('checkbox').uncheck();
    await form.getByRole('button', { name: '确定' }).click();
    await form.getByTestId('next-error').getByText('下一次跟进活动').waitFor();
    expect(env.core.sqlite.prepare('SELECT status FROM activities WHERE id = ?').pluck().get(target.id)).toBe('planned');
    await screenshot(page, 'sales-activity-next-required');

    await form.getByTestId('next-subject').fill('邀约周末试驾');
    await form.getByRole('button', { name: '确定' }).click();
    await form.waitFor({ state: 'detached' });
    expect(env.core.sqlite.prepare('SELECT status, result FROM activities WHERE id = ?').get(target.id)).toEqual({ status: 'done', result: '客户已到店看车' });
    expect(env.core.sqlite.prepare("SELECT subject FROM activities WHERE opportunity_id = ? AND status = 'planned'").pluck().all(target.opp)).toEqual(['邀约周末试驾']);
  });

  it('a manager writes a plan template (at least 4 steps) and applies it to an open opportunity in one click', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'manager', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '跟踪计划' }).click();
    await page.getByRole('tab', { name: '跟进计划模板' }).click();
    const panel = page.getByTestId('templates-panel');
    await panel.getByRole('button', { name: '新建模板' }).click();
    await panel.getByLabel('模板名称').fill('浏览器测试模板');
    const subjects = panel.getByRole('textbox', { name: '主题' });
    await panel.getByRole('button', { name: '删除' }).last().click();
    for (const [i, text] of ['电话回访', '邀约到店', '试乘试驾'].entries()) await subjects.nth(i).fill(text);
    await panel.getByRole('button', { name: '保存模板' }).click();
    await panel.getByText('跟进计划模板至少需要 4 个步骤').waitFor();
    await panel.getByRole('button', { name: '添加步骤' }).click();
    await subjects.nth(3).fill('报价');
    await panel.getByRole('spinbutton', { name: '第几天' }).nth(3).fill('9');
    await panel.getByRole('button', { name: '保存模板' }).click();
    await panel.getByRole('button', { name: '浏览器测试模板' }).waitFor();
    const tpl = env.core.sqlite.prepare("SELECT id FROM plan_templates WHERE name = '浏览器测试模板'").get() as { id: number };
    expect(env.core.sqlite.prepare('SELECT subject, offset_days AS d FROM plan_template_steps WHERE template_id = ? ORDER BY sort').all(tpl.id)).toEqual([
      { subject: '电话回访', d: 0 },
      { subject: '邀约到店', d: 0 },
      { subject: '试乘试驾', d: 0 },
      { subject: '报价', d: 9 },
    ]);

    // Apply it from a planned activity of one of 张伟's open opportunities (the review list opens the activity).
    const target = env.core.sqlite
      .prepare(
        `SELECT a.id, a.opportunity_id AS opp FROM activities a JOIN opportunities o ON o.id = a.opportunity_id
         WHERE a.owner_id = (SELECT id FROM users WHERE username = 'sales1') AND a.status = 'planned' AND o.status = 'open' ORDER BY a.id LIMIT 1`,
      )
      .get() as { id: number; opp: number };
    const opp = target.opp;
    const before = env.core.sqlite.prepare("SELECT COUNT(*) FROM activities WHERE opportunity_id = ? AND status = 'planned'").pluck().get(opp) as number;
    await page.getByRole('tab', { name: '领导批阅' }).click();
    const select = page.getByTestId('review-consultant');
    await select.selectOption((await select.locator('option', { hasText: '张伟' }).getAttribute('value'))!);
    await page.getByTestId(`review-open-${target.id}`).click();
    await page.getByRole('dialog', { name: '活动详情' }).getByRole('button', { name: '应用跟进模板' }).click();
    const apply = page.getByRole('dialog', { name: '应用跟进模板' });
    await apply.getByLabel('模板', { exact: true }).selectOption(String(tpl.id));
    await apply.getByTestId('template-steps').getByText('第 9 天:报价').waitFor();
    await apply.getByRole('button', { name: '确定' }).click();
    await apply.waitFor({ state: 'detached' });
    expect(env.core.sqlite.prepare("SELECT COUNT(*) FROM activities WHERE opportunity_id = ? AND status = 'planned'").pluck().get(opp)).toBe(before + 4);
  });
  it('a comment made while the consultant works in another screen pops up there at once', async () => {
    const { page } = env.tp;
    const a = env.core.sqlite
      .prepare(
        `SELECT a.id FROM activities a WHERE a.owner_id = (SELECT id FROM users WHERE username = 'sales2') AND a.status = 'planned' ORDER BY a.id LIMIT 1`,
      )
      .pluck()
      .get() as number;
    await loginToShell(page, env.url, 'sales2', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '我的客户' }).click();
    await page.locator('.ag-row[row-index="0"]').waitFor();
    // The manager comments from their own desk (another session, same server).
    const { token } = await env.core.auth.login('manager', DEMO_PASSWORD);
    const r = await dispatch(env.core, token, 'review.comment', { activityId: a, text: '这位客户本周内要再约一次' });
    expect(r.result.ok).toBe(true);
    await page.locator('.toast', { hasText: '新的领导批阅' }).waitFor();
  });
});
