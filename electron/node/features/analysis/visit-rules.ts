import { sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS } from '../../../common/api/analysis';
import { dayEndMs, dayStartMs, daysBetween, isDate, weekdayMon0 } from '../../../common/dates';
import { AGE_BAND_TEXTS, MAX_PERIOD_DAYS, rangeDayList, type DayRange } from '../../../common/analysis';
import { AppError } from '../../errors';
import { mergePresets, presetsByName, type ColumnDef, type DatasetDef } from '../grid';
import { TRAFFIC_COLUMNS } from './texts';

/**
 * What 集客分析 counts a showroom visit under, written once as SQL: the figures group by these
 * expressions and the drill-down grid filters on the very same expressions (as columns of the
 * 展厅流量 data set, or its 'hour:…' preset), so a figure's list always has the figure's count.
 */

const HOUR = 3_600_000;

/**
 * The customer's birthday ('YYYY-MM-DD'), else the birth date inside an 18-digit 身份证号 (digits
 * 7–14): what the data has for age. NULL when neither is there.
 */
const birthSql = (cu: string) =>
  `coalesce(nullif(${cu}.birthday, ''), case when length(${cu}.id_number) = 18 and substr(${cu}.id_number, 7, 8) glob '[12][0-9][0-9][0-9][01][0-9][0-3][0-9]' then substr(${cu}.id_number, 7, 4) || '-' || substr(${cu}.id_number, 11, 2) || '-' || substr(${cu}.id_number, 13, 2) end)`;

/** Whole years of age on the visit day (a birthday on the visit day counts). */
const ageSql = (cu: string, visitDay: string) => {
  const b = birthSql(cu);
  return `(cast(substr(${visitDay}, 1, 4) as integer) - cast(substr(${b}, 1, 4) as integer) - (substr(${visitDay}, 6, 5) < substr(${b}, 6, 5)))`;
};

/** The age band key (AGE_BANDS) of the customer on the visit day, NULL when the age is not known. */
export function ageBandSql(cu: string, visitDay: string): string {
  const a = ageSql(cu, visitDay);
  return `(case when ${birthSql(cu)} is null then null when ${a} < 25 then 'u25' when ${a} < 35 then 'a25' when ${a} < 45 then 'a35' when ${a} < 55 then 'a45' else 'a55' end)`;
}

/** The home district by address: the customer's 城市 (address fields). '' counts as unknown. */
export const citySql = (cu: string) => `nullif(${cu}.city, '')`;

/**
 * The home district by ID number: the first six digits of a person's 身份证号 (18 digits, or the old
 * 15), the GB/T 2260 code of the county where it was issued; NULL for companies (a credit code's
 * first digits are no region), no number, or digits that cannot be a region (provinces are 11–82).
 * Named by traffic-regions.ts.
 */
export const idRegionSql = (cu: string) =>
  `(case when ${cu}.kind = 'individual' and length(${cu}.id_number) in (15, 18) and substr(${cu}.id_number, 1, 6) glob '[1-8][0-9][0-9][0-9][0-9][0-9]' then substr(${cu}.id_number, 1, 6) end)`;

/**
 * The home district by phone: the area code (with its 0) of the customer's landline — the primary
 * one, else the first — read from the normalised number (86 + area code without the 0 + local
 * number; 010 and 02x have two digits after the 0, the rest three: formatPhone's rule). NULL
 * without a landline: a mobile number carries no place without a paid number-segment database.
 */
export const phoneAreaSql = (cu: string) =>
  `(select case when substr(p.normalized, 3, 2) = '10' or substr(p.normalized, 3, 1) = '2' then '0' || substr(p.normalized, 3, 2) else '0' || substr(p.normalized, 3, 3) end
     from customer_phones p where p.customer_id = ${cu}.id and p.kind = 'landline' and p.normalized like '86%' order by p.is_primary desc, p.id limit 1)`;

const ofCustomer = (expr: string) => `(select ${expr} from customers cu where cu.id = c.customer_id)`;

/** Columns 展厅流量 (showroomVisits) gets so a figure's drill is ordinary conditions; hidden by default, also useful in the list. */
export const trafficVisitColumns: ColumnDef[] = [
  { id: 'consultantId', type: 'number', ...TRAFFIC_COLUMNS.pair('consultantId'), expr: 'c.consultant_id', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
  { id: 'customerSource', type: 'enum', ...TRAFFIC_COLUMNS.pair('customerSource'), related: 'customer', dict: 'source', expr: ofCustomer('cu.source'), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
  { id: 'customerCity', type: 'text', ...TRAFFIC_COLUMNS.pair('customerCity'), related: 'customer', expr: ofCustomer(citySql('cu')), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
  { id: 'customerIdRegion', type: 'text', ...TRAFFIC_COLUMNS.pair('customerIdRegion'), related: 'customer', expr: ofCustomer(idRegionSql('cu')), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 110 },
  { id: 'customerPhoneArea', type: 'text', ...TRAFFIC_COLUMNS.pair('customerPhoneArea'), related: 'customer', expr: ofCustomer(phoneAreaSql('cu')), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 110 },
  { id: 'customerOccupation', type: 'enum', ...TRAFFIC_COLUMNS.pair('customerOccupation'), related: 'customer', dict: 'occupation', expr: ofCustomer('cu.occupation'), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
  {
    id: 'ageBand', type: 'enum', ...TRAFFIC_COLUMNS.pair('ageBand'), related: 'customer', expr: ofCustomer(ageBandSql('cu', 'c.visit_date')), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100,
    enumValues: AGE_BANDS.map((b) => ({ value: b, ...AGE_BAND_TEXTS.pair(b) })),
  },
];

export interface HourCell {
  range: DayRange;
  /** Monday = 0 … Sunday = 6. */
  weekday: number;
  /** 0–23: the hour since the day's first instant in the dealer's zone (hour 23 runs to the day's end on a 25-hour day). */
  hour: number;
}

/** [start, end) of an hour of a day in the zone. */
export function hourWindow(day: string, hour: number, timeZone: string): [number, number] {
  const start = dayStartMs(day, timeZone);
  return [start + hour * HOUR, hour === 23 ? dayEndMs(day, timeZone) : start + (hour + 1) * HOUR];
}

/** The preset name of a heat-map cell: 'hour:<from>~<to>:<weekday>:<hour>'. */
export const hourPresetName = (c: HourCell) => `hour:${c.range.from}~${c.range.to}:${c.weekday}:${c.hour}`;

const HOUR_PRESET = /^hour:(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2}):([0-6]):(\d{1,2})$/;

function parseHourPreset(name: string): HourCell | null {
  const m = HOUR_PRESET.exec(name);
  return m ? { range: { from: m[1]!, to: m[2]! }, weekday: Number(m[3]), hour: Number(m[4]) } : null;
}

const badCell = (message: string) => new AppError('INVALID_INPUT', { issues: [`preset: ${message}`] });

/** Checks a preset's day range: real days, from ≤ to, at most MAX_PERIOD_DAYS. */
function checkRange(r: DayRange): void {
  if (!isDate(r.from) || !isDate(r.to)) throw badCell('not a day');
  const n = daysBetween(r.from, r.to);
  if (n < 0 || n >= MAX_PERIOD_DAYS) throw badCell('range');
}

/**
 * Rows of the cell: on a day of the range that is that weekday, with the instant `at` (a visit's
 * visit_at, a walk-in batch's created_at) in that hour of that day.
 */
function hourCellSql(c: HourCell, timeZone: string, at = 'c.visit_at'): SQL {
  checkRange(c.range);
  if (c.hour > 23) throw badCell('hour');
  const days = rangeDayList(c.range).filter((d) => weekdayMon0(d) === c.weekday);
  if (days.length === 0) return sql`0`;
  const parts = days.map((d) => {
    const [a, b] = hourWindow(d, c.hour, timeZone);
    return sql`(c.visit_date = ${d} and ${sql.raw(at)} >= ${a} and ${sql.raw(at)} < ${b})`;
  });
  return sql`c.visit_date between ${days[0]} and ${days[days.length - 1]} and (${sql.join(parts, sql` or `)})`;
}

/** The 展厅流量 presets the heat map's cells drill into. */
export const trafficVisitPresets: NonNullable<DatasetDef['presets']> = presetsByName(parseHourPreset, (c, ctx) => hourCellSql(c, ctx.timeZone));

/** The preset of the walk-in batches saved on another day than the one they count: 'savedOtherDay:<from>~<to>'. */
export const otherDayPresetName = (r: DayRange) => `savedOtherDay:${r.from}~${r.to}`;
const OTHER_DAY_PRESET = /^savedOtherDay:(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

/** Batches of the range whose created_at is outside their own day (typed in later): no time of day. */
function savedOtherDaySql(r: DayRange, timeZone: string): SQL {
  checkRange(r);
  const onTheDay = rangeDayList(r).map((d) => sql`(c.visit_date = ${d} and c.created_at >= ${dayStartMs(d, timeZone)} and c.created_at < ${dayEndMs(d, timeZone)})`);
  return sql`c.visit_date between ${r.from} and ${r.to} and not (${sql.join(onTheDay, sql` or `)})`;
}

/**
 * The 未留档 batches' presets for the heat map: 'hour:…' as for visits, on the batch's created_at —
 * the counter saves a batch at each tap, so that is when the visitors came — and 'savedOtherDay:…'.
 */
export const walkInPresets: NonNullable<DatasetDef['presets']> = mergePresets(
  presetsByName(parseHourPreset, (c, ctx) => hourCellSql(c, ctx.timeZone, 'c.created_at')),
  presetsByName(
    (name) => {
      const m = OTHER_DAY_PRESET.exec(name);
      return m ? { from: m[1]!, to: m[2]! } : null;
    },
    (r, ctx) => savedOtherDaySql(r, ctx.timeZone),
  ),
);

/**
 * The hour of each visit for the figures: a VALUES table of the range's days with their first and
 * last instant in the zone, joined on the visit day — the same windows hourCellSql filters on.
 */
export function dayStartsSql(range: DayRange, timeZone: string): SQL {
  const rows = rangeDayList(range).map((d) => sql`(${d}, ${dayStartMs(d, timeZone)}, ${dayEndMs(d, timeZone)})`);
  // Bound numbers arrive as REAL: cast, so the hour below is an integer division.
  return sql`select column1 as day, cast(column2 as integer) as start, cast(column3 as integer) as stop from (values ${sql.join(rows, sql`, `)})`;
}

/** hour 0–23 of v.visit_at (or another instant column `at`) on its day (ds joined on the day), NULL when unknown or off the day. */
export const hourOfVisitSql = (v: string, ds: string, at = 'visit_at') =>
  `(case when ${v}.${at} is null or ${v}.${at} < ${ds}.start or ${v}.${at} >= ${ds}.stop then null else min(23, (${v}.${at} - ${ds}.start) / ${HOUR}) end)`;

const DAY = 86_400_000;

/**
 * The zone's offset (ms east of UTC) when it is the same at every midnight of the range and every
 * day lasts 24 h (no DST change inside it: always so in China); null otherwise.
 */
export function fixedOffset(range: DayRange, timeZone: string): number | null {
  let offset: number | null = null;
  for (const d of rangeDayList(range)) {
    const start = dayStartMs(d, timeZone);
    const o = Date.parse(`${d}T00:00:00Z`) - start;
    if ((offset !== null && o !== offset) || dayEndMs(d, timeZone) - start !== DAY) return null;
    offset = o;
  }
  return offset;
}

/**
 * hourOfVisitSql for a range of fixed offset, as arithmetic on the row (no join): the day's first
 * instant is the day's UTC midnight minus the offset — the same windows dayStartMs gives.
 */
export function hourOfVisitFixedSql(v: string, offset: number, at = 'visit_at'): string {
  if (!Number.isInteger(offset)) throw new Error('offset must be whole milliseconds');
  const x = `(${v}.${at} - (cast(strftime('%s', ${v}.visit_date) as integer) * 1000 - (${offset})))`;
  return `(case when ${v}.${at} is null or ${x} < 0 or ${x} >= ${DAY} then null else ${x} / ${HOUR} end)`;
}
