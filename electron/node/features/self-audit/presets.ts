import type { Dataset, GridSelectionQuery } from '../../../common/api/grid';
import type { AuditCheckNo } from '../../../common/api/self-audit';
import { MAX_PERIOD_DAYS, type DayRange } from '../../../common/analysis';
import { daysBetween, isDate } from '../../../common/dates';
import { AppError } from '../../errors';
import { presetsByName, type ColumnDef, type DatasetDef } from '../grid';
import { SELF_AUDIT_COLUMNS } from './texts';
import { RULES } from './rules';
import { sql } from 'drizzle-orm';

/**
 * A check's offending records as a named preset of the record's own data set:
 * 'audit:<no>:<from>~<to>' (at most 31 characters, under the filter's 40). The grid builds the
 * preset's SQL from the same rule the check counts with (rules.ts), in the request's zone and
 * clock, so the drill-down lists exactly the check's numerator.
 */

/** The data set a check's records are listed in; 8 has none (the audit log is no grid). */
export const CHECK_DATASET: Partial<Record<AuditCheckNo, Dataset>> = {
  '1': 'showroomVisits',
  '2': 'showroomVisits',
  '3': 'showroomVisits',
  '4': 'showroomVisits',
  '5': 'solicitationTasks',
  '6a': 'revisitSales',
  '6b': 'revisitRepair',
  '7': 'serviceTasks',
};

export const auditPresetName = (no: AuditCheckNo, range: DayRange) => `audit:${no}:${range.from}~${range.to}`;

/** The drill of a check: its data set, every record of the dealer ('all'), the preset. */
export function auditDrill(no: AuditCheckNo, range: DayRange): GridSelectionQuery | null {
  const dataset = CHECK_DATASET[no];
  return dataset ? { dataset, scope: 'all', filter: { columns: [], preset: auditPresetName(no, range) } } : null;
}

const PRESET = /^audit:([0-9a-z]{1,2}):(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

/** The presets of one data set: the checks that list their records in it. */
export function selfAuditPresets(dataset: Dataset): NonNullable<DatasetDef['presets']> {
  const mine = new Set(Object.entries(CHECK_DATASET).filter(([, d]) => d === dataset).map(([no]) => no));
  const parse = (name: string) => {
    const m = PRESET.exec(name);
    return m && mine.has(m[1]!) ? { no: m[1] as AuditCheckNo, range: { from: m[2]!, to: m[3]! } } : null;
  };
  return presetsByName(parse, ({ no, range }, ctx) => {
    const n = isDate(range.from) && isDate(range.to) ? daysBetween(range.from, range.to) : -1;
    if (n < 0 || n >= MAX_PERIOD_DAYS) throw new AppError('INVALID_INPUT', { issues: ['preset: range'] });
    const rule = RULES[no]!({ range, timeZone: ctx.timeZone, now: ctx.now });
    return sql`${rule.applies} and ${rule.offending}`;
  });
}

/** The record's customer id (hidden by default): 审核自查's list opens the customer's card from it. */
export const auditCustomerIdColumn = (expr: string): ColumnDef => ({
  id: 'customerId', type: 'number', ...SELF_AUDIT_COLUMNS.pair('customerId'), expr, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90,
});
