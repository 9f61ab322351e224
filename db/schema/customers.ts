import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, blob, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt, flag, version } from './columns';
import { users } from './auth';

/** A person or a company. Blank enumerations are stored as 'other' (其它), DS-CRM's completeness rule. */
export const customers = sqliteTable(
  'customers',
  {
    id: id(),
    kind: text({ enum: ['individual', 'company'] }).notNull().default('individual'),
    name: text().notNull(),
    gender: text({ enum: ['male', 'female', 'other'] }).notNull().default('other'),
    idNumber: text(), // 身份证号 (individual) or unified social credit code (company)
    birthday: text(), // YYYY-MM-DD
    birthdayMd: text(), // MM-DD, indexed for birthday lists
    province: text(),
    city: text(),
    address: text(),
    email: text(),
    wechat: text(),
    source: text().notNull().default('other'), // dictionary 'source'
    // 职业: a code of dictionary 'occupation' (集客分析 counts visits by it). NULL is 未知 — unlike the
    // enumerations above, 其他 (other) is a real answer here, so a blank stays blank rather than 'other'.
    occupation: text(),
    ownerId: integer().references(() => users.id), // owning consultant
    dndCall: flag(), // 免打扰: never called
    dndSms: flag(), // never texted
    dndRevisit: flag(), // never revisited
    // 同意接收商业信息 (reference/003: the customer's written consent before commercial messages).
    // NULL = not recorded; 'given' with the day and how (纸质签字 / 电子签名 / 电话录音); 'withdrawn'
    // with the day (by the customer, or a TD / 退订 reply). Marketing SMS go only to 'given'.
    consentStatus: text({ enum: ['given', 'withdrawn'] }),
    consentDate: text(), // YYYY-MM-DD given
    consentMethod: text({ enum: ['paper', 'esign', 'recording'] }),
    consentWithdrawnDate: text(), // YYYY-MM-DD
    consentFile: text(), // the signed form's scan or photo: a file name in <data>/consents
    notes: text(),
    // The model of the customer's first vehicle (lowest vehicles.id), kept by triggers on vehicles
    // (migration 0006). The lists group and filter customers by model (车型); reading it through
    // the vehicles table per row took ~4 s at 1,000,000 customers, the indexed copy ~50 ms.
    primaryModel: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
    createdBy: integer(),
  },
  (t) => [
    index('customers_owner_idx').on(t.ownerId, t.id),
    // A consultant's (scope mine) and a team's (scope team) grid pages in the common sorts (issue 15,
    // seats bench at 1M): a consultant owns ~125,000 customers, and sorting them in a temp B-tree took
    // 0.7–1.1 s a page (a team's 3–8 s); read in index order it takes ≤ 30 ms.
    index('customers_owner_name_idx').on(t.ownerId, t.name, t.id),
    index('customers_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('customers_owner_city_name_idx').on(t.ownerId, t.city, t.name, t.id),
    index('customers_name_idx').on(t.name),
    index('customers_birthday_md_idx').on(t.birthdayMd),
    index('customers_created_idx').on(t.createdAt),
    index('customers_id_number_idx').on(t.idNumber),
    // Grid group counts by source, then gender (issue 4): a covering index instead of a table scan.
    // owner_id last keeps it covering in scope mine / team too (issue 15): a manager's group-by over
    // a team at 1M read a table row per customer to check its owner, 2–8 s; covered it takes ~0.1 s.
    index('customers_source_gender_idx').on(t.source, t.gender, t.ownerId),
    // Grid sort by city then name (either direction for both, scanned backwards for desc), and group
    // by city; owner_id last for the same reason as above. It also serves city alone (a prefix), so
    // there is no separate city index.
    index('customers_city_name_idx').on(t.city, t.name, t.ownerId),
    // Grid group / filter by model and by province at 1M rows (a scan took 4 s and 0.5 s).
    index('customers_primary_model_idx').on(t.primaryModel),
    index('customers_province_idx').on(t.province),
    // Grid group / filter by 职业 (not one of the kept group counts): covering with the owner last, as
    // above, so a group-by reads the index instead of every customer row at 1M.
    index('customers_occupation_idx').on(t.occupation, t.ownerId),
    // 免打扰 customers only (~2 %): the reminder lists count the DND customers they leave out from
    // this side instead of reading every listed customer's row (issue 6); birthday_md makes the
    // birthday list's count index-only.
    index('customers_dnd_idx')
      .on(t.birthdayMd)
      .where(sql`dnd_call = 1 or dnd_sms = 1`),
    // Customers who refused revisits (免打扰 · 回访, a few %): 审核自查's revisit checks leave them
    // out as one small list instead of reading the customer of every delivery / repair order.
    index('customers_dnd_revisit_idx').on(t.id).where(sql`dnd_revisit = 1`),
  ],
);

/** Phones as typed (raw) and normalised (E.164-like without '+': 8613800138000, 86755xxxxxxx). */
export const customerPhones = sqliteTable(
  'customer_phones',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id, { onDelete: 'cascade' }),
    raw: text().notNull(),
    normalized: text().notNull(),
    kind: text({ enum: ['mobile', 'landline', 'other'] }).notNull(),
    isPrimary: flag(),
  },
  (t) => [
    index('phones_normalized_idx').on(t.normalized),
    index('phones_customer_idx').on(t.customerId),
    // 集客分析's home district by phone reads each visitor's first landline (primary first) from this
    // small index alone: no temp sort per visit (November's 21.8k visits at 1M: 350 -> 240 ms).
    index('phones_landline_idx').on(t.customerId, sql`${t.isPrimary} desc`, t.id, t.normalized).where(sql`kind = 'landline'`),
  ],
);

export const vehicles = sqliteTable(
  'vehicles',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    vin: text().notNull(),
    plate: text(),
    brand: text(),
    model: text().notNull(), // dictionary 'model'
    colour: text(),
    purchaseDate: text(),
    deliveryDate: text(),
    mileage: integer(),
    mileageDate: text(),
    avgKmPerDay: real(),
    nextServiceDate: text(),
    lastServiceDate: text(),
    insuranceExpiry: text(),
    membershipExpiry: text(),
    inspectionExpiry: text(),
    licenceExpiry: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vehicles_vin_uq').on(t.vin),
    index('vehicles_customer_idx').on(t.customerId),
    index('vehicles_plate_idx').on(t.plate),
    index('vehicles_purchase_idx').on(t.purchaseDate),
    index('vehicles_delivery_idx').on(t.deliveryDate),
    // 常规保养 counts its range without reading rows: "not serviced in the last 10 days" is in the index.
    index('vehicles_next_service_idx').on(t.nextServiceDate, t.lastServiceDate),
    // 专项保养 and 流失预警 scan vehicles by last visit and check plate and estimated mileage in the index.
    index('vehicles_last_service_idx').on(t.lastServiceDate, t.plate, t.mileage, t.mileageDate, t.avgKmPerDay),
    index('vehicles_insurance_idx').on(t.insuranceExpiry),
    index('vehicles_membership_idx').on(t.membershipExpiry),
    index('vehicles_inspection_idx').on(t.inspectionExpiry),
    index('vehicles_licence_idx').on(t.licenceExpiry),
  ],
);

/** A repair order (维修工单) at this dealership. */
export const serviceVisits = sqliteTable(
  'service_visits',
  {
    id: id(),
    vehicleId: integer().notNull().references(() => vehicles.id),
    customerId: integer().notNull().references(() => customers.id),
    roNumber: text().notNull(),
    date: text().notNull(),
    type: text({ enum: ['first_service', 'regular_service', 'repair', 'accident', 'warranty', 'other'] }).notNull(),
    mileage: integer(),
    advisorId: integer().references(() => users.id),
    amount: real(),
    items: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_visits_vehicle_idx').on(t.vehicleId, t.date),
    // Covering for 审核自查's repair-revisit check (check 6b: ~230,000 repair orders in six months at
    // 1M customers): the date range, the customer and the creation time without reading the rows.
    index('service_visits_date_idx').on(t.date, t.customerId, t.createdAt),
    index('service_visits_customer_idx').on(t.customerId),
    uniqueIndex('service_visits_ro_uq').on(t.roNumber),
  ],
);

/** Why a churned customer left (流失原因). */
export const churnRecords = sqliteTable(
  'churn_records',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    reason: text().notNull(), // dictionary 'churn_reason'
    note: text(),
    userId: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('churn_customer_idx').on(t.customerId), index('churn_records_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`)],
);

/**
 * How many customers each owner has per value of a groupable column (customers.kind, city, ...):
 * a grid grouped by one of them with no filter reads these few hundred rows for its counts instead
 * of counting ~1,000,000 index entries (issue 15: ~135 ms a group-by at 1M with 30 seats, every
 * other call waiting). Kept exact by migration 0020's triggers, in the same transaction as the
 * customer write. `value` has no type affinity so a column's own values come back as they are
 * (texts, 0/1 flags, owner ids); NULL is stored as x'00' and a missing owner as 0, because a
 * primary key never matches NULL and the triggers' upsert needs a match.
 */
export const customerGroupCounts = sqliteTable(
  'customer_group_counts',
  {
    dim: text().notNull(),
    ownerId: integer().notNull(),
    value: blob().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.ownerId, t.value] })],
);

/**
 * Customers per owner and per pair of values of two groupable columns (source × gender, city ×
 * model, ...): the second level of a grid grouped by two columns, with no filter, sums these rows
 * instead of counting a first-level group's customers (issue 15: opening 展厅 under 来源 → 性别
 * counted ~400,000 index entries, 50–70 ms at 1M). d1 comes before d2 in GROUP_COUNT_DIMS' order;
 * the owner is not a pair dimension (every row has one: customer_group_counts answers it). NULL and
 * "no owner" are stored as in customer_group_counts. Kept exact by migration 0021's triggers.
 */
export const customerGroupPairCounts = sqliteTable(
  'customer_group_pair_counts',
  {
    d1: text().notNull(),
    d2: text().notNull(),
    v1: blob().notNull(),
    v2: blob().notNull(),
    ownerId: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.d1, t.d2, t.v1, t.v2, t.ownerId] })],
);
