import { sql } from 'drizzle-orm';
import { primaryPhoneExpr } from '../../customers';
import { LOCAL_PATTERN_FROM_SETTINGS, estimatedMileageText, kindDateColumn, notDndVehicleSql, ruleParams, vehicleRuleSql, type VehicleKind } from '../reminder-sql';
import { parameterisedPresets, parseBand, parseRange } from './reminder-presets';
import { type ColumnDef, type DatasetDef, mergePresets, userNameColumn } from '../../grid';
import { aftersalesPresets } from '../../analysis';
import { REMINDER_VEHICLE_COLUMNS } from './texts';

/** The grid's aliases: the vehicle is the row (`c`); the rule reads no customer column. */
const A = { v: 'c', c: 'cu' } as const;
const OF_CUSTOMER = (col: string) => `(select cu.${col} from customers cu where cu.id = c.customer_id)`;
const OWNER = OF_CUSTOMER('owner_id');

const DATE_HEADER: Record<VehicleKind, [string, string]> = {
  first_service: ['购车日期', 'Purchased'],
  regular_service: ['下次保养日', 'Next service'],
  mileage_service: ['末次进厂', 'Last visit'],
  expiry_insurance: ['保险到期', 'Insurance expiry'],
  expiry_membership: ['会员到期', 'Membership expiry'],
  expiry_inspection: ['年检到期', 'Inspection due'],
  expiry_licence: ['驾照到期', 'Licence expiry'],
  churn: ['末次进厂', 'Last visit'],
};

/**
 * A reminder list on the grid (提醒服务: 首保, 常规保养, 专项保养, the four 客户关怀 expiries,
 * 流失预警): one row per vehicle that the rule of reminder-sql.ts picks for the preset's range or
 * band — DND customers (no calls / no messages) left out — with the grid's sort, filters and
 * grouping within those rows. Visibility by the customer's owner, as for customers. 首保 also lists
 * 售后 / 客服's 首保回厂率 drills (aftersales-rules.ts: every vehicle due in a period, DND included).
 *
 * Sortable at scale: the rule's date only (its index also drives the rule's range; the id breaks
 * ties within a date). Anything else — the id included — sorts every qualifying row for one page,
 * computing the customer's columns for each (a month of insurance expiries: 100,000 rows, 425 ms;
 * docs/service-reminders.md, EXPLAIN QUERY PLAN at 1M customers).
 */
export function reminderVehiclesDataset(kind: VehicleKind): DatasetDef {
  const dateCol = `c.${kindDateColumn(kind)}`;
  const [dateZh, dateEn] = DATE_HEADER[kind];
  // 专项保养 picks vehicles by today's estimate (reading + km/day × days since), so the list shows
  // that estimate. A column's SQL is constant text and cannot see the core's clock, but the preset
  // can: the grid builds the preset's WHERE first (filterSql, from the dealer's today) and then, in
  // the same synchronous call, the SELECT — so the preset notes the day and the column reads it
  // (estimatedMileageText, the rule's formula with the day as a checked literal). Not filterable,
  // sortable or groupable: a column filter is built before the preset, so it could see an older day
  // (the band above the grid is the filter). Without a preset it reads NULL.
  let presetToday: string | null = null;
  const estimate = {
    id: 'estimatedKm',
    type: 'number',
    ...REMINDER_VEHICLE_COLUMNS.pair('estimatedKm'),
    get expr() {
      return presetToday ? estimatedMileageText('c', presetToday) : 'null';
    },
    nullable: true,
    sortable: false,
    filterable: false,
    groupable: false,
    defaultVisible: true,
    width: 100,
  } satisfies ColumnDef;
  const figure: ColumnDef[] =
    kind === 'mileage_service'
      ? [
          estimate,
          { id: 'mileage', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('mileage'), expr: 'c.mileage', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
          { id: 'mileageDate', type: 'date', ...REMINDER_VEHICLE_COLUMNS.pair('mileageDate'), expr: 'c.mileage_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
          { id: 'avgKmPerDay', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('avgKmPerDay'), expr: 'c.avg_km_per_day', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
        ]
      : kind === 'churn'
        ? [{ id: 'figure', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('figure'), expr: '(select count(*) from service_visits s where s.vehicle_id = c.id)', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 }]
        : [];
  const lastService: ColumnDef[] =
    kind === 'mileage_service' || kind === 'churn'
      ? []
      : [{ id: 'lastServiceDate', type: 'date', ...REMINDER_VEHICLE_COLUMNS.pair('lastServiceDate'), expr: 'c.last_service_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 }];
  const parse = kind === 'mileage_service' ? parseBand : parseRange;
  const presets = parameterisedPresets<{ from?: string; to?: string; kmFrom?: number; kmTo?: number }>(parse, (q, today) => {
    presetToday = today;
    const p = ruleParams(kind, today, q);
    return sql`${vehicleRuleSql(kind, p, A, LOCAL_PATTERN_FROM_SETTINGS)} and ${notDndVehicleSql('c.id')}`;
  });
  return {
    // The customer's columns are subqueries, not a join: a COUNT (the grid's total, "all N
    // matching") then reads only the rule's index (SQLite keeps an unused join in a COUNT).
    from: 'vehicles c',
    owner: OWNER,
    searchCustomerId: 'c.customer_id',
    presets: kind === 'first_service' ? mergePresets(presets, aftersalesPresets('reminderFirstService')) : presets,
    defaultSort: [{ col: 'date', dir: 'asc' }],
    columns: [
      { id: 'id', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
      { id: 'customerId', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('customerId'), expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
      { id: 'customerName', type: 'text', ...REMINDER_VEHICLE_COLUMNS.pair('customerName'), related: 'customers', expr: OF_CUSTOMER('name'), nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 140 },
      { id: 'phone', type: 'text', ...REMINDER_VEHICLE_COLUMNS.pair('phone'), related: 'customers', expr: primaryPhoneExpr('c.customer_id'), phone: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
      { id: 'plate', type: 'text', ...REMINDER_VEHICLE_COLUMNS.pair('plate'), expr: 'c.plate', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
      { id: 'model', type: 'enum', ...REMINDER_VEHICLE_COLUMNS.pair('model'), expr: 'c.model', dict: 'model', nullable: false, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
      { id: 'date', type: 'date', zh: dateZh, en: dateEn, expr: dateCol, nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 125 },
      ...figure,
      ...lastService,
      ...(kind === 'mileage_service' ? [] : [{ id: 'mileage', type: 'number', ...REMINDER_VEHICLE_COLUMNS.pair('mileage'), expr: 'c.mileage', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 } satisfies ColumnDef]),
      { id: 'vin', type: 'text', ...REMINDER_VEHICLE_COLUMNS.pair('vin'), expr: 'c.vin', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 170 },
      { id: 'city', type: 'text', ...REMINDER_VEHICLE_COLUMNS.pair('city'), related: 'customers', expr: OF_CUSTOMER('city'), nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 90 },
      userNameColumn({ id: 'ownerName', ...REMINDER_VEHICLE_COLUMNS.pair('ownerName'), related: 'customers', userIdExpr: OWNER }),
    ],
  };
}
