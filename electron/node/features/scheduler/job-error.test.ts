import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobErrorDisplay, jobErrorText } from './job-error';
import { makeCore, userWithSession, type TestCore } from '../../../../tests/support/core';
import { callValue as call } from '../../../../tests/fixtures/sales-floor';
import type { GridPage } from '../../../common/api/grid';
import type { SchedulerOverview } from '../../../common/api/scheduler';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('what the job log says about a failed run', () => {
  it.each([
    [withCode('database or disk is full', 'SQLITE_FULL'), '磁盘空间已满,请清理数据目录所在磁盘(database or disk is full)', 'The disk is full: free space on the data folder’s disk (database or disk is full)'],
    [withCode('ENOSPC: no space left on device, write', 'ENOSPC'), '磁盘空间已满,请清理数据目录所在磁盘(ENOSPC: no space left on device, write)', 'The disk is full: free space on the data folder’s disk (ENOSPC: no space left on device, write)'],
    [withCode('database is locked', 'SQLITE_BUSY'), '数据库正被其他程序占用,稍后会自动重试(database is locked)', 'The database is in use by another program; the run will be retried (database is locked)'],
    [withCode('attempt to write a readonly database', 'SQLITE_READONLY'), '没有写入权限,请检查数据目录的权限(attempt to write a readonly database)', 'No permission to write: check the data folder’s permissions (attempt to write a readonly database)'],
    [new Error('SQLITE_CORRUPT: database disk image is malformed'), '数据库文件已损坏,请联系管理员从备份恢复(SQLITE_CORRUPT: database disk image is malformed)', 'The database file is damaged: ask the administrator to restore a backup (SQLITE_CORRUPT: database disk image is malformed)'],
    [new Error('规则出错:日期无效'), '规则出错:日期无效', '规则出错:日期无效'],
    ['a thrown string', 'a thrown string', 'a thrown string'],
  ])('%s', (e, zh, en) => {
    const stored = jobErrorText(e);
    expect(jobErrorDisplay(stored, 'zh-CN')).toBe(zh);
    expect(jobErrorDisplay(stored, 'en')).toBe(en);
  });

  it('stores the cause as a key with the original text, not a sentence in one language', () => {
    expect(JSON.parse(jobErrorText(withCode('database or disk is full', 'SQLITE_FULL')))).toEqual({ key: 'diskFull', params: { detail: 'database or disk is full' } });
  });

  it('still shows a row stored before, as it was stored', () => {
    const old = '磁盘空间已满,请清理数据目录所在磁盘(database or disk is full)';
    expect(jobErrorDisplay(old, 'en')).toBe(old);
    expect(jobErrorDisplay('{"key":"notOurs"}', 'en')).toBe('{"key":"notOurs"}');
    expect(jobErrorDisplay(null, 'zh-CN')).toBeNull();
  });

  it('keeps the log row bounded', () => {
    expect(jobErrorText(new Error('x'.repeat(5000)))).toHaveLength(2000);
    const known = jobErrorText(withCode(`database or disk is full ${'"'.repeat(3000)}`, 'SQLITE_FULL'));
    expect(known.length).toBeLessThanOrEqual(2000);
    expect(jobErrorDisplay(known, 'zh-CN')).toMatch(/^磁盘空间已满/);
  });
});

describe('the 定时任务 screen and run list read the stored cause in the admin’s language', () => {
  let t: TestCore;
  let zh: string;
  let en: string;
  beforeAll(async () => {
    t = await makeCore();
    zh = (await userWithSession(t.core, 'admin.zh', 'admin')).token;
    en = (await userWithSession(t.core, 'admin.en', 'admin')).token;
    await call(t.core, en, 'auth.setLocale', { locale: 'en' });
    const job = t.core.services.scheduler.jobs[0]!.id;
    const ins = t.core.sqlite.prepare("insert into job_runs (job, planned_for, status, started_at, ended_at, attempts, runner, error) values (?, ?, 'failed', 1, 2, 1, 't', ?)");
    ins.run(job, '2026-11-01T02:00', '磁盘空间已满,请清理数据目录所在磁盘(old row)');
    ins.run(job, '2026-11-02T02:00', jobErrorText(withCode('database is locked', 'SQLITE_BUSY')));
  }, 60_000);
  afterAll(() => t.cleanup());

  it('the last run on the screen, and the run list’s cause and original text', async () => {
    const last = async (token: string) => ((await call(t.core, token, 'scheduler.overview', {})) as SchedulerOverview).jobs[0]!.last!.error;
    expect(await last(zh)).toBe('数据库正被其他程序占用,稍后会自动重试(database is locked)');
    expect(await last(en)).toBe('The database is in use by another program; the run will be retried (database is locked)');
    const page = (await call(t.core, zh, 'grid.query', { dataset: 'jobRuns', scope: 'all', filter: { columns: [] }, columns: ['plannedFor', 'error', 'errorDetail'], limit: 10 })) as GridPage;
    if (page.kind !== 'rows') throw new Error('rows expected');
    expect(page.rows.map((r) => [r.plannedFor, r.error, r.errorDetail]).sort()).toEqual([
      ['2026-11-01T02:00', '磁盘空间已满,请清理数据目录所在磁盘(old row)', null],
      ['2026-11-02T02:00', 'busy', 'database is locked'],
    ]);
    const columns = (await call(t.core, en, 'grid.columns', { dataset: 'jobRuns' })) as { columns: { id: string; enumValues?: { value: string; en: string }[] }[] };
    expect(columns.columns.find((c) => c.id === 'error')!.enumValues!.find((v) => v.value === 'busy')!.en).toBe('The database is in use by another program; the run will be retried');
  });
});
