import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt, flag, version } from './columns';
import { users } from './auth';
import { customers, vehicles } from './customers';

/** 未留档客户: a count of walk-ins with no record kept, per model, day and consultant. */
export const walkInBatches = sqliteTable(
  'walk_in_batches',
  {
    id: id(),
    visitDate: text().notNull(),
    model: text().notNull(),
    count: integer().notNull(),
    consultantId: integer().references(() => users.id),
    createdAt: createdAt(),
    createdBy: integer(),
  },
  (t) => [index('walk_in_date_idx').on(t.visitDate)],
);

/** 展厅流量记录 with the audit's fields. visitMode 1,2 = first visit; 3,4 = return visit. */
export const showroomVisits = sqliteTable(
  'showroom_visits',
  {
    id: id(),
    customerId: integer().references(() => customers.id),
    opportunityId: integer(),
    name: text().notNull(),
    gender: text({ enum: ['male', 'female', 'other'] }).notNull().default('other'),
    phone: text(),
    consultantId: integer().references(() => users.id),
    visitDate: text().notNull(),
    visitAt: integer(),
    firstVisit: flag(),
    visitMode: integer().notNull(),
    testDrive: flag(),
    testDriveModel: text(),
    ordered: flag(),
    delivered: flag(),
    interestedModel: text(),
    competitorBrand: text(),
    expectedPurchaseDate: text(),
    late: flag(), // entered more than 24 h after the visit
    createdAt: createdAt(),
    createdBy: integer(),
    // A correction's form sends the version it loaded: a visit changed meanwhile is refused (issue 15's rule).
    version: version(),
  },
  (t) => [
    index('showroom_visits_date_idx').on(t.visitDate),
    index('showroom_visits_consultant_idx').on(t.consultantId, t.visitDate),
    index('showroom_visits_customer_idx').on(t.customerId),
    index('showroom_visits_opp_idx').on(t.opportunityId),
  ],
);

/** 销售机会. stage is one of the funnel codes; probability follows from it (see stage rules). */
export const opportunities = sqliteTable(
  'opportunities',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    consultantId: integer().references(() => users.id),
    source: text().notNull(), // market | phone | outbound | showroom
    stage: text().notNull(),
    status: text({ enum: ['open', 'won', 'abandoned'] }).notNull().default('open'),
    model: text(),
    price: real(),
    expectedPurchaseDate: text(),
    abandonReason: text(),
    competitorBrand: text(),
    lastStageChangeAt: integer().notNull(),
    closedAt: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('opps_consultant_idx').on(t.consultantId, t.status, t.stage),
    // A consultant's own opportunities newest first (销售机会, the grid's default sort): walked in
    // order and stopped after a page, instead of sorting all of theirs (~25,000 at 1M customers).
    index('opps_consultant_created_idx').on(t.consultantId, t.createdAt),
    index('opps_customer_idx').on(t.customerId),
    index('opps_status_stage_idx').on(t.status, t.stage),
    index('opps_created_idx').on(t.createdAt),
    // 销售分析's forecast counts open opportunities by expected month and stage from this index alone.
    index('opps_expected_idx').on(t.status, t.expectedPurchaseDate, t.stage, t.consultantId),
    // 销售分析's lost reasons: the opportunities abandoned in the period, not all ~70,000 abandoned ones at 1M.
    index('opps_status_closed_idx').on(t.status, t.closedAt),
  ],
);

/** 流程历史: every stage change. */
export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: id(),
    opportunityId: integer().notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    fromStage: text(),
    toStage: text().notNull(),
    reason: text(),
    userId: integer().references(() => users.id),
    at: integer().notNull(),
  },
  (t) => [index('stage_history_opp_idx').on(t.opportunityId, t.at)],
);

/** 跟踪计划 / 活动: planned or done contact. */
export const activities = sqliteTable(
  'activities',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    opportunityId: integer().references(() => opportunities.id),
    ownerId: integer().references(() => users.id),
    type: text().notNull(), // call | visit | sms | wechat | email | test_drive | quote | other
    status: text({ enum: ['planned', 'done', 'cancelled'] }).notNull(),
    plannedAt: integer(),
    doneAt: integer(),
    subject: text(),
    result: text(),
    nextStep: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // done_at: the consultant ranking's activities done on time are counted from the index alone.
    index('activities_owner_idx').on(t.ownerId, t.status, t.plannedAt, t.doneAt),
    index('activities_opp_idx').on(t.opportunityId, t.status),
    index('activities_customer_idx').on(t.customerId),
    // "all overdue plans" for managers, across owners
    index('activities_status_planned_idx').on(t.status, t.plannedAt),
  ],
);

/** 领导批阅: a manager's comment on a plan or activity. */
export const managerComments = sqliteTable(
  'manager_comments',
  {
    id: id(),
    activityId: integer().references(() => activities.id, { onDelete: 'cascade' }),
    opportunityId: integer().references(() => opportunities.id, { onDelete: 'cascade' }),
    authorId: integer().notNull().references(() => users.id),
    text: text().notNull(),
    createdAt: createdAt(),
    readAt: integer(),
  },
  (t) => [
    index('manager_comments_activity_idx').on(t.activityId),
    // A foreign key's child side: deleting an opportunity (an import's undo) looks here for each one.
    index('manager_comments_opportunity_idx').on(t.opportunityId),
  ],
);

/** Follow-up plan templates: ordered steps applied in one click. */
export const planTemplates = sqliteTable('plan_templates', {
  id: id(),
  name: text().notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const planTemplateSteps = sqliteTable('plan_template_steps', {
  id: id(),
  templateId: integer().notNull().references(() => planTemplates.id, { onDelete: 'cascade' }),
  sort: integer().notNull(),
  type: text().notNull(),
  subject: text().notNull(),
  offsetDays: integer().notNull(),
  stage: text(),
});

/** 购车意向: several per customer over the years. */
export const purchaseIntents = sqliteTable(
  'purchase_intents',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    opportunityId: integer().references(() => opportunities.id),
    model: text().notNull(),
    quantity: integer().notNull().default(1),
    budget: real(),
    expectedDate: text(),
    notes: text(),
    createdAt: createdAt(),
    createdBy: integer(),
  },
  (t) => [
    index('intents_customer_idx').on(t.customerId),
    // A foreign key's child side: without it each opportunity deleted (an import's undo) scanned every intent.
    index('intents_opportunity_idx').on(t.opportunityId),
  ],
);

/** 递交新车: the deal, and its hand-off to the DMS (小R3). */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: id(),
    opportunityId: integer().notNull().references(() => opportunities.id),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    vin: text().notNull(),
    model: text().notNull(),
    price: real().notNull(),
    deliveryDate: text().notNull(),
    buyerIdNumber: text().notNull(),
    consultantId: integer().references(() => users.id),
    dmsStatus: text({ enum: ['pending', 'exported', 'failed'] }).notNull().default('pending'),
    dmsAttempts: integer().notNull().default(0),
    dmsLastError: text(),
    dmsExportedAt: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index('deliveries_date_idx').on(t.deliveryDate),
    index('deliveries_dms_idx').on(t.dmsStatus),
    index('deliveries_opp_idx').on(t.opportunityId),
    index('deliveries_customer_idx').on(t.customerId),
    index('deliveries_vin_idx').on(t.vin),
    index('deliveries_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
  ],
);

export const testDriveVehicles = sqliteTable('test_drive_vehicles', {
  id: id(),
  model: text().notNull(),
  plate: text(),
  vin: text(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
});

export const testDriveBookings = sqliteTable(
  'test_drive_bookings',
  {
    id: id(),
    vehicleId: integer().notNull().references(() => testDriveVehicles.id),
    customerId: integer().notNull().references(() => customers.id),
    opportunityId: integer().references(() => opportunities.id),
    consultantId: integer().references(() => users.id),
    startAt: integer().notNull(),
    endAt: integer().notNull(),
    status: text({ enum: ['booked', 'done', 'cancelled'] }).notNull().default('booked'),
    createdAt: createdAt(),
  },
  (t) => [
    index('test_drive_vehicle_time_idx').on(t.vehicleId, t.startAt),
    index('test_drive_bookings_customer_idx').on(t.customerId).where(sql`customer_id IS NOT NULL`),
    // A foreign key's child side (an opportunity deleted by an import's undo looks here).
    index('test_drive_bookings_opportunity_idx').on(t.opportunityId),
  ],
);
