import { createTask, validateDetailed, type ScheduledTask } from 'node-cron';
import { addDays, dayStartMs, todayIn } from '../grid/dates';

const MINUTE = 60_000;

/** Why a cron expression is refused, or null when it is accepted. */
export function cronProblem(expr: string): string | null {
  const fields = expr.trim().split(/\s+/);
  // Five fields only: a seconds field would fire many times a minute, and the catch-up works in minutes.
  if (fields.length !== 5) return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  const v = validateDetailed(expr.trim());
  if (v.valid) return null;
  return v.errors.map((e) => `${e.field}${e.value != null ? ` "${e.value}"` : ''}: ${e.message}`).join('; ') || 'invalid cron expression';
}

/**
 * Occurrences of a cron expression in the dealer's time zone within (after, upTo], oldest first,
 * at most `max`. node-cron's own matcher decides (day-of-month / day-of-week rules, ranges,
 * steps); candidates are generated per local day from the parsed hour and minute fields, so a
 * daily job over a month of downtime costs a few dozen checks, not 43,200.
 */
export function occurrences(expr: string, timeZone: string, after: number, upTo: number, max = 400): number[] {
  const v = validateDetailed(expr.trim());
  if (!v.valid || !v.fields) return [];
  const matcher: ScheduledTask = createTask(expr.trim(), () => undefined, { timezone: timeZone, name: `matcher-${Math.random()}` });
  try {
    const out: number[] = [];
    const hours = v.fields.hour;
    const minutes = v.fields.minute;
    const last = todayIn(timeZone, upTo);
    for (let day = todayIn(timeZone, after); day <= last && out.length < max; day = addDays(day, 1)) {
      const start = dayStartMs(day, timeZone);
      for (const h of hours) {
        for (const m of minutes) {
          const t = start + h * 3_600_000 + m * MINUTE;
          if (t <= after || t > upTo) continue;
          if (matcher.match(new Date(t))) out.push(t);
          if (out.length >= max) break;
        }
        if (out.length >= max) break;
      }
    }
    return out;
  } finally {
    void matcher.destroy();
  }
}

/** Planned time as stored in job_runs.planned_for: the dealer's local 'YYYY-MM-DD HH:mm'. */
export function plannedLabel(t: number, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(t);
  const g = (k: string) => p.find((x) => x.type === k)?.value ?? '';
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
}

/** The epoch ms of a planned_for label (inverse of plannedLabel). */
export function plannedMs(label: string, timeZone: string): number {
  return dayStartMs(label.slice(0, 10), timeZone) + Number(label.slice(11, 13)) * 3_600_000 + Number(label.slice(14, 16)) * MINUTE;
}
