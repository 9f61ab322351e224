import { createTask, validateDetailed, type ScheduledTask } from 'node-cron';
import { addDays, dayStartMs, todayIn } from '../../../common/dates';
import { DAY_AND_MINUTE, zoneFormat } from '../../../common/dates';
import { CRON_TEXTS } from './cron-texts';

const MINUTE = 60_000;

/** The allowed range of each field node-cron names, shown with the refusal. */
const FIELD_RANGES = {
  minute: '0–59',
  hour: '0–23',
  dayOfMonth: '1–31',
  month: '1–12',
  dayOfWeek: '0–7',
} as const;
type CronField = keyof typeof FIELD_RANGES;

/** Why a cron expression is refused (in the user's language), or null when it is accepted. */
export function cronProblem(expr: string, locale: 'zh-CN' | 'en' = 'en'): string | null {
  const fields = expr.trim().split(/\s+/).filter(Boolean);
  // Five fields only: a seconds field would fire many times a minute, and the catch-up works in minutes.
  if (fields.length !== 5) return CRON_TEXTS.text('fieldCount', locale, { count: fields.length });
  const v = validateDetailed(expr.trim());
  if (v.valid) return null;
  const parts = v.errors.map((e) => {
    const value = e.value ?? '';
    if (!Object.hasOwn(FIELD_RANGES, e.field)) return CRON_TEXTS.text('valueInvalid', locale, { value });
    const field = e.field as CronField;
    return CRON_TEXTS.text('fieldInvalid', locale, { field: CRON_TEXTS.text(field, locale), value, range: FIELD_RANGES[field] });
  });
  return parts.join('; ') || CRON_TEXTS.text('unknown', locale);
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

/** The latest occurrence within (after, upTo], or null: newest first, so an every-minute job stops at once. */
export function latestOccurrence(expr: string, timeZone: string, after: number, upTo: number): number | null {
  const v = validateDetailed(expr.trim());
  if (!v.valid || !v.fields) return null;
  const matcher: ScheduledTask = createTask(expr.trim(), () => undefined, { timezone: timeZone, name: `matcher-${Math.random()}` });
  try {
    const hours = [...v.fields.hour].sort((a, b) => b - a);
    const minutes = [...v.fields.minute].sort((a, b) => b - a);
    const first = todayIn(timeZone, after);
    for (let day = todayIn(timeZone, upTo); day >= first; day = addDays(day, -1)) {
      const start = dayStartMs(day, timeZone);
      for (const h of hours)
        for (const m of minutes) {
          const t = start + h * 3_600_000 + m * MINUTE;
          if (t > upTo) continue;
          if (t <= after) return null;
          if (matcher.match(new Date(t))) return t;
        }
    }
    return null;
  } finally {
    void matcher.destroy();
  }
}

/** Planned time as stored in job_runs.planned_for: the dealer's local 'YYYY-MM-DD HH:mm'. */
export function plannedLabel(t: number, timeZone: string): string {
  const p = zoneFormat('en-CA', timeZone, DAY_AND_MINUTE).formatToParts(t);
  const g = (k: string) => p.find((x) => x.type === k)?.value ?? '';
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
}

/** The epoch ms of a planned_for label (inverse of plannedLabel). */
export function plannedMs(label: string, timeZone: string): number {
  return dayStartMs(label.slice(0, 10), timeZone) + Number(label.slice(11, 13)) * 3_600_000 + Number(label.slice(14, 16)) * MINUTE;
}
