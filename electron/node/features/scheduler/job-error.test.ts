import { describe, expect, it } from 'vitest';
import { jobErrorText } from './job-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('what the job log says about a failed run', () => {
  it.each([
    [withCode('database or disk is full', 'SQLITE_FULL'), '磁盘空间已满,请清理数据目录所在磁盘(database or disk is full)'],
    [withCode('ENOSPC: no space left on device, write', 'ENOSPC'), '磁盘空间已满,请清理数据目录所在磁盘(ENOSPC: no space left on device, write)'],
    [withCode('database is locked', 'SQLITE_BUSY'), '数据库正被其他程序占用,稍后会自动重试(database is locked)'],
    [withCode('attempt to write a readonly database', 'SQLITE_READONLY'), '没有写入权限,请检查数据目录的权限(attempt to write a readonly database)'],
    [new Error('SQLITE_CORRUPT: database disk image is malformed'), '数据库文件已损坏,请联系管理员从备份恢复(SQLITE_CORRUPT: database disk image is malformed)'],
    [new Error('规则出错:日期无效'), '规则出错:日期无效'],
    ['a thrown string', 'a thrown string'],
  ])('%s', (e, text) => {
    expect(jobErrorText(e)).toBe(text);
  });

  it('keeps the log row bounded', () => {
    expect(jobErrorText(new Error('x'.repeat(5000)))).toHaveLength(2000);
  });
});
