import { addDays, isLeapYear, relativeRange } from '../../../common/dates';

/**
 * The calendar days of 'today' or 'week' (Monday–Sunday containing today, the grid's 本周) in the
 * dealer's time zone, each with the birthdays ('MM-DD') celebrated on it: in a year without
 * 29 February, people born on 02-29 are listed on 02-28.
 */
export function birthdayDays(range: 'today' | 'week', today: string): { day: string; mds: string[] }[] {
  const [from, to] = relativeRange(range === 'today' ? 'today' : 'thisWeek', today);
  const out: { day: string; mds: string[] }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const md = d.slice(5);
    out.push({ day: d, mds: md === '02-28' && !isLeapYear(Number(d.slice(0, 4))) ? ['02-28', '02-29'] : [md] });
  }
  return out;
}
