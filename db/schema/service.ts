import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, createdAt, updatedAt, flag, version } from './columns';
import { users } from './auth';
import { customers, vehicles, serviceVisits } from './customers';
import { deliveries } from './sales';

/** 回访模板. The name must contain 销售 or 维修; kind is derived from it when saved. */
export const revisitTemplates = sqliteTable('revisit_templates', {
  id: id(),
  name: text().notNull(),
  kind: text({ enum: ['sales', 'repair'] }).notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** options: [{ label, score }] */
export const revisitQuestions = sqliteTable(
  'revisit_questions',
  {
    id: id(),
    templateId: integer().notNull().references(() => revisitTemplates.id, { onDelete: 'cascade' }),
    sort: integer().notNull(),
    text: text().notNull(),
    required: integer({ mode: 'boolean' }).notNull().default(true),
    options: text({ mode: 'json' }).notNull(),
  },
  (t) => [index('revisit_questions_tpl_idx').on(t.templateId, t.sort)],
);

export const revisits = sqliteTable(
  'revisits',
  {
    id: id(),
    kind: text({ enum: ['sales', 'repair'] }).notNull(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    deliveryId: integer().references(() => deliveries.id),
    serviceVisitId: integer().references(() => serviceVisits.id),
    templateId: integer().references(() => revisitTemplates.id),
    agentId: integer().references(() => users.id),
    status: text({ enum: ['open', 'unreachable', 'done'] }).notNull().default('open'),
    result: text({ enum: ['satisfied', 'neutral', 'dissatisfied'] }),
    score: real(),
    needsRevisitAgain: flag(),
    dissatisfactionReasons: text({ mode: 'json' }),
    notes: text(),
    attempts: integer().notNull().default(0),
    callId: integer(),
    dueDate: text(),
    doneAt: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('revisits_customer_idx').on(t.customerId),
    index('revisits_status_idx').on(t.kind, t.status, t.dueDate),
    index('revisits_again_idx').on(t.needsRevisitAgain),
    // The first completed revisit of one delivery / repair order (审核自查 checks 6a and 6b ask it
    // once per record of the period): one seek instead of every revisit of the customer.
    index('revisits_delivery_idx').on(t.deliveryId, t.kind, t.doneAt).where(sql`delivery_id is not null`),
    index('revisits_service_visit_idx').on(t.serviceVisitId, t.kind, t.doneAt).where(sql`service_visit_id is not null`),
    // 售后 / 客服's dissatisfied revisits of a period (the Pareto and the trend): a seek by kind and
    // completion time over the few dissatisfied ones instead of every revisit of the kind.
    index('revisits_dissatisfied_idx').on(t.kind, t.doneAt).where(sql`result = 'dissatisfied'`),
    index('revisits_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
    // Whether a template was used (the revisit form and 回访模板 ask it of every template on each
    // open and save): a seek, not every revisit ever made (~50 ms a call at 1M without it).
    index('revisits_template_idx').on(t.templateId).where(sql`template_id IS NOT NULL`),
  ],
);

export const revisitAnswers = sqliteTable(
  'revisit_answers',
  {
    id: id(),
    revisitId: integer().notNull().references(() => revisits.id, { onDelete: 'cascade' }),
    questionId: integer().notNull().references(() => revisitQuestions.id),
    optionIndex: integer(),
    score: real(),
    text: text(),
  },
  (t) => [
    index('revisit_answers_revisit_idx').on(t.revisitId),
    // A foreign key's child side: saving an unused template replaces its questions, and each question
    // deleted would otherwise scan every answer ever given.
    index('revisit_answers_question_idx').on(t.questionId),
  ],
);

/** CSI / SSI results from the manufacturer's surveys; a low score creates a follow-up task. */
export const satisfactionSurveys = sqliteTable(
  'satisfaction_surveys',
  {
    id: id(),
    kind: text({ enum: ['csi', 'ssi'] }).notNull(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    score: real().notNull(),
    dissatisfied: flag(),
    surveyDate: text().notNull(),
    comment: text(),
    /** kind:customer/vehicle:date — the same survey imported twice is one row (null on older rows). */
    naturalKey: text(),
    /** The import's file name and row number, so a result can be traced back to the manufacturer's file. */
    source: text(),
    createdBy: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index('surveys_customer_idx').on(t.customerId),
    uniqueIndex('surveys_natural_key_uq').on(t.naturalKey),
    // The CS manager's list sorts and filters by survey date.
    index('surveys_date_idx').on(t.surveyDate),
    index('satisfaction_surveys_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
  ],
);

/** 预约: service appointment in a time slot with an advisor. */
export const appointments = sqliteTable(
  'appointments',
  {
    id: id(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    advisorId: integer().references(() => users.id),
    date: text().notNull(),
    slot: text().notNull(), // 'HH:mm'
    status: text({ enum: ['booked', 'arrived', 'no_show', 'cancelled'] }).notNull().default('booked'),
    proactive: flag(), // 主动预约
    taskId: integer(),
    notes: text(),
    createdAt: createdAt(),
    createdBy: integer(),
  },
  (t) => [
    index('appointments_slot_idx').on(t.date, t.slot),
    index('appointments_customer_idx').on(t.customerId),
    // A service advisor's appointments of the day on the workbench.
    index('appointments_advisor_idx').on(t.advisorId, t.date),
    index('appointments_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
  ],
);

/**
 * Reminder, revisit and follow-up tasks generated by rules or the scheduler. naturalKey
 * (kind:customer/vehicle:dueDate) is unique so a job run twice creates nothing twice.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: id(),
    kind: text().notNull(),
    naturalKey: text().notNull(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    dueDate: text().notNull(),
    status: text({ enum: ['open', 'in_progress', 'done', 'failed', 'cancelled'] }).notNull().default('open'),
    assigneeId: integer().references(() => users.id),
    reason: text(),
    refType: text(),
    refId: integer(),
    result: text(),
    notes: text(),
    jobRunId: integer(),
    /** 0 普通, 1 优先, 2 紧急 (TASK_PRIORITIES): set by a CS manager in 任务分配; within a due day the higher goes first. */
    priority: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
    closedAt: integer(),
  },
  (t) => [
    uniqueIndex('tasks_natural_key_uq').on(t.naturalKey),
    index('tasks_assignee_idx').on(t.assigneeId, t.status, t.dueDate),
    index('tasks_kind_due_idx').on(t.kind, t.dueDate),
    // 售后 / 客服 counts a period's reminder tasks by when they were made (sent → booked → came):
    // a seek per kind and period instead of every task of the kind (6 counts at 1M: 170 -> see docs).
    index('tasks_kind_created_idx').on(t.kind, t.createdAt, t.status, t.customerId),
    index('tasks_customer_idx').on(t.customerId),
    index('tasks_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
    // 作业模式 (issue 19): an agent's open tasks of one kind in due order, the more urgent first within
    // a day — the dialer's next task is the first eligible one in this order, found without sorting
    // the agent's whole list.
    index('tasks_open_queue_idx').on(t.assigneeId, t.kind, t.dueDate, sql`${t.priority} desc`).where(sql`status IN ('open', 'in_progress')`),
  ],
);

/** 招揽任务单: 未分配 unassigned → 已分配 assigned → 招揽中 in_progress → 招揽成功 succeeded / failed. */
export const solicitationTasks = sqliteTable(
  'solicitation_tasks',
  {
    id: id(),
    naturalKey: text().notNull(),
    kind: text().notNull(), // regular_service | campaign | ...
    campaign: text(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    windowStart: text().notNull(),
    windowEnd: text().notNull(),
    status: text({ enum: ['unassigned', 'assigned', 'in_progress', 'succeeded', 'failed'] })
      .notNull()
      .default('unassigned'),
    assigneeId: integer().references(() => users.id),
    failReason: text(),
    successVisitId: integer().references(() => serviceVisits.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('solicitation_natural_key_uq').on(t.naturalKey),
    index('solicitation_status_idx').on(t.status, t.windowStart),
    index('solicitation_assignee_idx').on(t.assigneeId),
    // 作业模式's 招揽 queue: an agent's open 招揽任务 by the window's end (their due day).
    index('solicitation_open_queue_idx').on(t.assigneeId, t.windowEnd).where(sql`status IN ('assigned', 'in_progress')`),
    // A foreign key's child side: a repair order deleted (an import's undo) looks here for the tasks it made 招揽成功.
    index('solicitation_success_visit_idx').on(t.successVisitId).where(sql`success_visit_id IS NOT NULL`),
    // 招揽率 reads six months of one kind by creation time.
    index('solicitation_kind_created_idx').on(t.kind, t.createdAt),
    // A new service visit looks up that customer's open tasks (招揽成功 within the window).
    index('solicitation_customer_idx').on(t.customerId),
    index('solicitation_tasks_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`),
  ],
);

/** 投诉建议. Once closed the result is locked; only a manager reopens (history keeps both). */
export const complaints = sqliteTable(
  'complaints',
  {
    id: id(),
    source: text().notNull(),
    category: text().notNull(),
    customerId: integer().notNull().references(() => customers.id),
    vehicleId: integer().references(() => vehicles.id),
    description: text().notNull(),
    assigneeId: integer().references(() => users.id),
    status: text({ enum: ['open', 'assigned', 'handling', 'closed'] }).notNull().default('open'),
    result: text(),
    closedAt: integer(),
    closedBy: integer(),
    createdAt: createdAt(),
    createdBy: integer(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('complaints_status_idx').on(t.status), index('complaints_customer_idx').on(t.customerId), index('complaints_vehicle_idx').on(t.vehicleId).where(sql`vehicle_id IS NOT NULL`)],
);

export const complaintHistory = sqliteTable(
  'complaint_history',
  {
    id: id(),
    complaintId: integer().notNull().references(() => complaints.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    note: text(),
    userId: integer().references(() => users.id),
    at: integer().notNull(),
  },
  (t) => [index('complaint_history_idx').on(t.complaintId)],
);
