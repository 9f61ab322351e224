import { weekdayMon0, addDays } from '../../../common/dates';

/** A backup file's name: ds-crm-2026-12-05-0300.sqlite (the dealer's local day and time it was taken). */
export const BACKUP_FILE_RE = /^ds-crm-(\d{4}-\d{2}-\d{2})-(\d{4})\.sqlite$/;

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
  const ours = names.filter((n) => BACKUP_FILE_RE.test(n)).sort().reverse(); // newest first
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
