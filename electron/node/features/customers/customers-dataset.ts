import { sql } from 'drizzle-orm';
import { birthdayDays } from './birthday-days';
import { todayIn } from '../../../common/dates';
import type { GroupCountDim } from './group-counts';
import { mergePresets, type DatasetDef } from '../grid';
import { aftersalesPresets } from '../analysis';
import { primaryPhoneExpr } from './primary-phone';
import { CUSTOMER_COLUMNS } from './texts';
import { CONSENT_STATUS_OPTIONS, CUSTOMER_KIND_OPTIONS, GENDER_OPTIONS } from '../../../common/api/customers-texts';

/** Customers whose birthday is celebrated on one of the days (02-29 on 02-28 in other years). */
const birthdaysOn = (range: 'today' | 'week') => (ctx: { timeZone: string; now: number }) => {
  const mds = birthdayDays(range, todayIn(ctx.timeZone, ctx.now)).flatMap((d) => d.mds);
  return sql`c.birthday_md in (select value from json_each(${JSON.stringify(mds)}))`;
};

const firstVehicle = (col: string) => `(select v.${col} from vehicles v where v.customer_id = c.id order by v.id limit 1)`;

/**
 * Customers. Sortable only where an index backs the order at 1,000,000 rows (name, city,
 * created_at, id, model); the other related columns are correlated subqueries, filterable but not
 * sortable. Grouping is offered where an index (or a small key, like the owner id) keeps it fast.
 * The ID number is masked (1101**********002X) for users without customers.viewAll.
 */
export const customersDataset: DatasetDef = {
  from: 'customers c',
  searchCustomerId: 'c.id',
  presets: mergePresets({
    // 生日提醒 (the dealer's today / Monday–Sunday week), on customers_birthday_md_idx.
    birthdaysToday: birthdaysOn('today'),
    birthdaysWeek: birthdaysOn('week'),
    // 无计划客户: an open opportunity and no planned follow-up at all (the same rule as sales.lists.noPlan).
    noPlan: () => sql`c.id in (select o.customer_id from opportunities o where o.status = 'open'
        and not exists (select 1 from activities a where a.opportunity_id = o.id and a.status = 'planned'))
      and not exists (select 1 from activities a where a.customer_id = c.id and a.status = 'planned')`,
  },
  // 售后 / 客服's retention (保有客户回厂率) and churn reasons ('ret@…', 'ret-@…', 'ch.<reason>@…').
  aftersalesPresets('customers')),
  defaultSort: [{ col: 'createdAt', dir: 'desc' }],
  columns: [
    { id: 'id', type: 'number', ...CUSTOMER_COLUMNS.pair('id'), expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 90 },
    { id: 'name', type: 'text', ...CUSTOMER_COLUMNS.pair('name'), expr: 'c.name', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 140 },
    {
      id: 'kind', type: 'enum', ...CUSTOMER_COLUMNS.pair('kind'), expr: 'c.kind', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'kind' satisfies GroupCountDim, defaultVisible: false,
      enumValues: CUSTOMER_KIND_OPTIONS,
    },
    {
      id: 'gender', type: 'enum', ...CUSTOMER_COLUMNS.pair('gender'), expr: 'c.gender', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'gender' satisfies GroupCountDim, defaultVisible: true, width: 80,
      enumValues: GENDER_OPTIONS,
    },
    { id: 'phone', type: 'text', ...CUSTOMER_COLUMNS.pair('phone'), related: 'customer_phones', phone: true, expr: primaryPhoneExpr('c.id'), nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 140 },
    { id: 'province', type: 'text', ...CUSTOMER_COLUMNS.pair('province'), expr: 'c.province', nullable: true, sortable: false, filterable: true, groupable: true, counted: 'province' satisfies GroupCountDim, defaultVisible: false },
    { id: 'city', type: 'text', ...CUSTOMER_COLUMNS.pair('city'), expr: 'c.city', nullable: true, sortable: true, filterable: true, groupable: true, counted: 'city' satisfies GroupCountDim, defaultVisible: true },
    { id: 'source', type: 'enum', ...CUSTOMER_COLUMNS.pair('source'), expr: 'c.source', dict: 'source', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'source' satisfies GroupCountDim, defaultVisible: true },
    // 职业: not one of the kept group counts; customers_occupation_idx (occupation, owner_id) covers its group-by.
    { id: 'occupation', type: 'enum', ...CUSTOMER_COLUMNS.pair('occupation'), expr: 'c.occupation', dict: 'occupation', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 100 },
    { id: 'ownerName', type: 'text', ...CUSTOMER_COLUMNS.pair('ownerName'), expr: '(select u.display_name from users u where u.id = c.owner_id)', groupKey: { expr: 'c.owner_id', label: '(select u.display_name from users u where u.id = g.k)' }, nullable: true, sortable: false, filterable: true, groupable: true, counted: 'owner_id' satisfies GroupCountDim, defaultVisible: true },
    { id: 'birthdayMd', type: 'text', ...CUSTOMER_COLUMNS.pair('birthdayMd'), expr: 'c.birthday_md', nullable: true, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 110 },
    { id: 'birthday', type: 'date', ...CUSTOMER_COLUMNS.pair('birthday'), expr: 'c.birthday', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false },
    { id: 'idNumber', type: 'text', ...CUSTOMER_COLUMNS.pair('idNumber'), expr: 'c.id_number', masked: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 180 },
    { id: 'dndCall', type: 'boolean', ...CUSTOMER_COLUMNS.pair('dndCall'), expr: 'c.dnd_call', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'dnd_call' satisfies GroupCountDim, defaultVisible: false },
    { id: 'dndSms', type: 'boolean', ...CUSTOMER_COLUMNS.pair('dndSms'), expr: 'c.dnd_sms', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'dnd_sms' satisfies GroupCountDim, defaultVisible: false },
    { id: 'dndRevisit', type: 'boolean', ...CUSTOMER_COLUMNS.pair('dndRevisit'), expr: 'c.dnd_revisit', nullable: false, sortable: false, filterable: true, groupable: true, counted: 'dnd_revisit' satisfies GroupCountDim, defaultVisible: false },
    // 同意接收商业信息 (reference/003): blank = not recorded; a campaign's audience filters on it.
    { id: 'consentStatus', type: 'enum', ...CUSTOMER_COLUMNS.pair('consentStatus'), expr: 'c.consent_status', enumValues: CONSENT_STATUS_OPTIONS, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: false, width: 110 },
    { id: 'consentDate', type: 'date', ...CUSTOMER_COLUMNS.pair('consentDate'), expr: 'c.consent_date', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 110 },
    { id: 'vehicleCount', type: 'number', ...CUSTOMER_COLUMNS.pair('vehicleCount'), related: 'vehicles', expr: '(select count(*) from vehicles v where v.customer_id = c.id)', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false },
    // The first vehicle's model, kept on customers by triggers (migration 0006) and indexed.
    { id: 'vehicleModel', type: 'enum', ...CUSTOMER_COLUMNS.pair('vehicleModel'), related: 'vehicles', dict: 'model', expr: 'c.primary_model', nullable: true, sortable: true, filterable: true, groupable: true, counted: 'primary_model' satisfies GroupCountDim, defaultVisible: true },
    { id: 'vehiclePlate', type: 'text', ...CUSTOMER_COLUMNS.pair('vehiclePlate'), related: 'vehicles', expr: firstVehicle('plate'), nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true },
    { id: 'lastServiceDate', type: 'date', ...CUSTOMER_COLUMNS.pair('lastServiceDate'), related: 'vehicles', expr: '(select max(v.last_service_date) from vehicles v where v.customer_id = c.id)', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false },
    { id: 'createdAt', type: 'datetime', ...CUSTOMER_COLUMNS.pair('createdAt'), expr: 'c.created_at', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 160 },
  ],
};
