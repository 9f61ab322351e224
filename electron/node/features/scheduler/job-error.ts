/**
 * What the job log says when a run fails. The admin reads it in 定时任务, so the causes an admin
 * can act on are named in plain Chinese first, with the original text kept after it for support.
 */
const KNOWN: { codes: string[]; zh: string }[] = [
  { codes: ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'], zh: '磁盘空间已满,请清理数据目录所在磁盘' },
  { codes: ['SQLITE_BUSY', 'SQLITE_LOCKED'], zh: '数据库正被其他程序占用,稍后会自动重试' },
  { codes: ['SQLITE_READONLY', 'EACCES', 'EPERM', 'EROFS'], zh: '没有写入权限,请检查数据目录的权限' },
  { codes: ['SQLITE_CORRUPT', 'SQLITE_NOTADB'], zh: '数据库文件已损坏,请联系管理员从备份恢复' },
];

export function jobErrorText(e: unknown): string {
  const raw = e instanceof Error ? e.message || e.name : String(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const known = KNOWN.find((k) => k.codes.some((c) => code.startsWith(c) || raw.startsWith(c)));
  return (known ? `${known.zh}(${raw})` : raw).slice(0, 2000);
}
