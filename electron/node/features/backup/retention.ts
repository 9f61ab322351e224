import { weekdayMon0, addDays } from '../../../common/dates';

/**
 * A backup file's name: ds-crm-2026-12-05-0300.sqlite (the dealer's local day and time it was
 * taken); a second one in the same minute (立即备份 twice, the safety copy of a restore made the
 * minute its backup was) is ds-crm-2026-12-05-0300-2.sqlite, never written over the first.
 */
export const BACKUP_FILE_RE = /^ds-crm-(\d{4}-\d{2}-\d{2})-(\d{4})(?:-(\d{1,2}))?\.sqlite$/;

/** Backup names newest first (a -2 after its minute's first; names of other patterns are left out). */
export function newestFirst(names: readonly string[]): string[] {
  const key = (n: string) => {
    const m = BACKUP_FILE_RE.exec(n)!;
    return `${m[1]}-${m[2]}-${(m[3] ?? '1').padStart(2, '0')}`;
  };
  return names
    .filter((n) => BACKUP_FILE_RE.test(n))
    .map((n) => ({ n, k: key(n) }))
    .sort((a, b) => (a.k < b.k ? 1 : a.k > b.k ? -1 : 0))
    .map((x) => x.n);
}

/** The name a backup taken at `label` gets in a folder holding `taken`: the minute's first free one. */
export function freeBackupName(label: string, taken: (name: string) => boolean): string {
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? `ds-crm-${label}.sqlite` : `ds-crm-${label}-${i}.sqlite`;
    if (!taken(name)) return name;
  }
  throw new Error(`一分钟内的备份过多 / Too many backups within one minute (${label})`);
}

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}

/**
 * Grandfather-father-son: the newest backup of each of the last `daily` days that have one, of each
 * of the last `weekly` weeks (Monday to Sunday) and of each of the last `monthly` months; the
 * newest backup of all is always kept. Returns the names to delete. Names not of the app's pattern
 * (a file someone put there) are never touched.
 */
export function backupsToDelete(names: readonly string[], keep: Retention): string[] {
  const ours = newestFirst(names);
  const kept = new Set<string>(ours.slice(0, 1));
  const newestPer = (key: (day: string) => string, n: number) => {
    const seen = new Set<string>();
    for (const name of ours) {
      const k = key(BACKUP_FILE_RE.exec(name)![1]!);
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      kept.add(name);
    }
  };
  newestPer((day) => day, keep.daily);
  newestPer((day) => addDays(day, -weekdayMon0(day)), keep.weekly);
  newestPer((day) => day.slice(0, 7), keep.monthly);
  return ours.filter((n) => !kept.has(n));
}
