/**
 * 系统管理 → 定时任务 against the real server on a small demo database: the admin runs a job now
 * (its run appears with its counts in the job log), pauses another, and a wrong cron expression is
 * refused under the field with the reason while the saved schedule stays as it was. Only the
 * admin may call any of it.
 */
import { describe, expect, it } from 'vitest';
import { apiFromPage, loginToShell, screenshot } from './support/app';
import { DEMO_PASSWORD, useSeededApp } from './support/seeded';

const env = useSeededApp(1_000);

describe('scheduler admin screen (real server)', () => {
  it('run now, pause, and a refused cron expression', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'admin', DEMO_PASSWORD);
    await page.getByRole('treeitem', { name: '定时任务' }).click();
    const screen = page.getByTestId('scheduler-screen');
    await screen.getByText('生成生日关怀任务').waitFor();

    // 立即运行: the job's last run and the log show it.
    await screen.getByTestId('sched-run-tasks.expiryReminders').click();
    await screen.getByTestId('sched-last-tasks.expiryReminders').getByText('成功').waitFor();
    const run = env.core.sqlite.prepare("SELECT status, created FROM job_runs WHERE job = 'tasks.expiryReminders'").get() as { status: string; created: number };
    expect(run.status).toBe('ok');
    await page.locator('.ag-row [col-id="job"]', { hasText: '生成到期提醒任务' }).first().waitFor();

    // A failure of last night (written as a failed run would be): 只看失败 lists it with its error.
    env.core.sqlite
      .prepare("INSERT INTO job_runs (job, planned_for, started_at, ended_at, status, error, runner, attempts) VALUES ('maintenance.backup', '2026-01-01 03:00', ?, ?, 'failed', '磁盘空间已满,请清理数据目录所在磁盘(database or disk is full)', 'pc', 3)")
      .run(Date.now() - 3_600_000, Date.now() - 3_599_000);
    await screen.getByTestId('sched-failures-only').check();
    await page.locator('.ag-row [col-id="job"]', { hasText: '数据库备份' }).waitFor();
    await page.locator('.ag-row [col-id="job"]', { hasText: '生成到期提醒任务' }).waitFor({ state: 'detached' });
    await page.locator('.ag-row [col-id="status"]', { hasText: '失败' }).waitFor();
    await page.locator('.ag-row [col-id="error"]', { hasText: '磁盘空间已满' }).waitFor();
    await screenshot(page, 'scheduler-failures');
    await screen.getByTestId('sched-failures-only').uncheck();

    // 暂停 → 已暂停 on screen and in the database; 恢复 is offered.
    await screen.getByTestId('sched-pause-tasks.repairRevisits').click();
    await screen.getByTestId('sched-pause-tasks.repairRevisits').getByText('恢复').waitFor();
    expect(env.core.sqlite.prepare("SELECT paused FROM job_schedules WHERE job = 'tasks.repairRevisits'").pluck().get()).toBe(1);

    // A wrong cron: refused with the reason under the field; nothing saved.
    await screen.getByTestId('sched-edit-tasks.birthdays').click();
    const dlg = page.getByRole('dialog');
    await dlg.getByTestId('sched-cron-input').fill('61 6 * * *');
    await dlg.getByTestId('sched-cron-save').click();
    await dlg.getByText(/cron 表达式无效.*61/).waitFor();
    expect(env.core.sqlite.prepare("SELECT count(*) FROM job_schedules WHERE job = 'tasks.birthdays'").pluck().get()).toBe(0);
    await screenshot(page, 'scheduler-cron-refused');
    await dlg.getByTestId('sched-cron-input').fill('0 7 * * *');
    await dlg.getByTestId('sched-cron-save').click();
    await dlg.waitFor({ state: 'detached' });
    expect(env.core.sqlite.prepare("SELECT cron FROM job_schedules WHERE job = 'tasks.birthdays'").pluck().get()).toBe('0 7 * * *');
    await screenshot(page, 'scheduler-screen');
    // English is the second language: the same screen reads in English.
    await page.getByRole('button', { name: 'English' }).click();
    await screen.getByText('Birthday tasks').waitFor();
    await screenshot(page, 'scheduler-screen-en');
  });

  it('a manager cannot run, pause or read the jobs (the server refuses)', async () => {
    const { page } = env.tp;
    await loginToShell(page, env.url, 'csmanager', DEMO_PASSWORD);
    for (const [m, input] of [
      ['scheduler.overview', {}],
      ['scheduler.runNow', { job: 'tasks.birthdays' }],
      ['scheduler.setPaused', { job: 'tasks.birthdays', paused: true }],
    ] as const) {
      const r = await apiFromPage(page, m, input);
      expect(r.status, m).toBe(403);
    }
  });
});
