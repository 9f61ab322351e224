import { sql } from 'drizzle-orm';
import { MAX_PERIOD_DAYS, type DayRange } from '../../../common/analysis';
import { daysBetween, isDate } from '../../../common/dates';
import { AppError } from '../../errors';
import { presetsByName, type ColumnDef, type DatasetDef } from '../grid';
import { SALES_COLUMNS } from './texts';

/**
 * What 销售分析 counts an opportunity under, as columns and a preset of the 销售机会 data set, so
 * each sales figure's drill-down is that list filtered by the same rule the figure counts with.
 */

/** Columns 销售机会 (opportunities) gets for the drills: the consultant's id and when it was won / abandoned. */
export const salesOpportunityColumns: ColumnDef[] = [
  { id: 'consultantId', type: 'number', ...SALES_COLUMNS.pair('consultantId'), expr: 'c.consultant_id', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
  { id: 'closedAt', type: 'datetime', ...SALES_COLUMNS.pair('closedAt'), expr: 'c.closed_at', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150 },
];

/** The preset of a period's deals: 'deals:<from>~<to>' (the opportunities delivered then). */
export const dealsPresetName = (r: DayRange) => `deals:${r.from}~${r.to}`;

const DEALS = /^deals:(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

/**
 * 新增成交 as the 日报 counts it: deliveries (递交新车) dated in the period, with a consultant. The SQL of the figure
 * (dealsSql) and of the preset (the opportunities those deliveries closed) share the date rule.
 */
export const deliveredBetween = (d: string, r: DayRange) => sql`${sql.raw(d)}.delivery_date between ${r.from} and ${r.to} and ${sql.raw(d)}.consultant_id is not null`;

function parseDeals(name: string): DayRange | null {
  const m = DEALS.exec(name);
  return m ? { from: m[1]!, to: m[2]! } : null;
}

/** The 销售机会 presets the deals figure drills into. */
export const salesOpportunityPresets: NonNullable<DatasetDef['presets']> = presetsByName(parseDeals, (r) => {
  const n = isDate(r.from) && isDate(r.to) ? daysBetween(r.from, r.to) : -1;
  if (n < 0 || n >= MAX_PERIOD_DAYS) throw new AppError('INVALID_INPUT', { issues: ['preset: range'] });
  return sql`c.id in (select d.opportunity_id from deliveries d where ${deliveredBetween('d', r)})`;
});
