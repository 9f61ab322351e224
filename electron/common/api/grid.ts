import { z } from 'zod';
import { method, returns } from './contract';
import { ROLES } from '../roles';

/**
 * The one grid contract every list screen uses (issue 4). The renderer's DataGrid (ag-grid on the
 * infinite row model) sends a GridQuery; the main side turns it into SQL from a whitelist of the
 * data set's columns — never from names or operators it has not declared.
 */
export const GRID_MAX_CONDITIONS = 5;
export const GRID_MAX_GROUP_LEVELS = 3;
export const GRID_MAX_SORT = 3;
export const GRID_PAGE_MAX = 500;
export const EXPORT_MAX_ROWS = 10_000;

/**
 * Every grid data set, with the screen method it belongs to: the one line a new list adds on the
 * contract side. A data set may be read (columns, rows, counts, export, views, "all N matching"
 * selections) by exactly the roles that may call its screen's method, so a list never reaches
 * further than its screen (dataset-access.ts checks each name is a method of the contract;
 * tests/authz-matrix.test.ts prints the resulting matrix).
 */
export const DATASET_SCREENS = {
  customers: 'customers.get',
  showroomVisits: 'showroom.visits.update',
  opportunities: 'opportunities.get',
  activities: 'activities.today',
  opportunitiesReview: 'sales.lists.stalled',
  appointments: 'appointments.day',
  solicitationTasks: 'solicitation.agents',
  complaints: 'complaints.get',
  serviceTasks: 'workbench.list',
  reminderFirstService: 'reminders.list',
  reminderRegularService: 'reminders.list',
  reminderMileageService: 'reminders.list',
  reminderExpiryInsurance: 'reminders.list',
  reminderExpiryMembership: 'reminders.list',
  reminderExpiryInspection: 'reminders.list',
  reminderExpiryLicence: 'reminders.list',
  reminderChurn: 'reminders.list',
  reminderBirthday: 'reminders.list',
  revisitSales: 'revisits.open',
  revisitRepair: 'revisits.open',
  recordings: 'telephony.call.get',
  jobRuns: 'scheduler.overview',
  surveys: 'surveys.import',
  smsTemplates: 'sms.templates',
  dictionaries: 'admin.dictionaries.kinds',
  walkInBatches: 'analysis.traffic.get',
  calls: 'analysis.calls.get',
} as const;
export type Dataset = keyof typeof DATASET_SCREENS;
export const DATASETS = Object.keys(DATASET_SCREENS) as [Dataset, ...Dataset[]];

export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'enum' | 'boolean';

export interface EnumValue {
  value: string;
  zh: string;
  en: string;
}

export interface GridColumnMeta {
  id: string;
  type: ColumnType;
  zh: string;
  en: string;
  sortable: boolean;
  filterable: boolean;
  groupable: boolean;
  /** Shown in the default view; others are offered by the column chooser. */
  defaultVisible: boolean;
  /** Columns from related records (a customer's vehicle, last service) say where they come from. */
  related?: string;
  enumValues?: EnumValue[];
  width?: number;
  /** A phone number column: the grid offers click-to-call and SMS on it. */
  phone?: boolean;
}

export const TEXT_OPS = ['contains', 'notContains', 'equals', 'notEquals', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;
export const NUMBER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'between', 'blank', 'notBlank'] as const;
/** Dates: the number operators on 'YYYY-MM-DD' values, plus ranges relative to today (dealer's time zone). */
export const DATE_RELATIVE_OPS = ['today', 'yesterday', 'thisWeek', 'thisMonth', 'lastNDays', 'nextNDays'] as const;
export const ENUM_OPS = ['in', 'notIn', 'blank', 'notBlank'] as const;
export const BOOLEAN_OPS = ['isTrue', 'isFalse'] as const;
export const ALL_OPS = [...new Set([...TEXT_OPS, ...NUMBER_OPS, ...DATE_RELATIVE_OPS, ...ENUM_OPS, ...BOOLEAN_OPS])] as [string, ...string[]];

const scalar = z.union([z.string().max(200), z.number().finite()]);

export const conditionSchema = z
  .object({
    col: z.string().min(1).max(64),
    op: z.enum(ALL_OPS),
    value: scalar.nullable().optional(),
    /** Upper bound for 'between'. */
    value2: scalar.nullable().optional(),
    /** Values for 'in' / 'notIn'. */
    values: z.array(z.string().max(100)).max(100).optional(),
    /** N for 'lastNDays' / 'nextNDays'. */
    n: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/** Up to 5 conditions joined by AND or OR. */
export const conditionGroupSchema = z
  .object({ join: z.enum(['and', 'or']), conditions: z.array(conditionSchema).min(1).max(GRID_MAX_CONDITIONS) })
  .strict();
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;

/**
 * The whole filter: per-column groups (each on one column, ANDed together) and the advanced-find
 * group (up to 5 conditions across columns), ANDed with the rest. `search` is the quick-find box.
 */
export const gridFilterSchema = z
  .object({
    columns: z.array(conditionGroupSchema).max(40).default([]),
    advanced: conditionGroupSchema.nullable().optional(),
    search: z.string().max(100).optional(),
    /**
     * A named server-side rule of the data set that needs the server's own facts (the dealer's
     * today, "no planned follow-up"): e.g. customers 'birthdaysWeek'. Unknown names are refused.
     */
    preset: z.string().max(40).optional(),
  })
  .strict();
export type GridFilter = z.infer<typeof gridFilterSchema>;

export const sortSchema = z.object({ col: z.string().min(1).max(64), dir: z.enum(['asc', 'desc']) }).strict();
export type GridSort = z.infer<typeof sortSchema>;

/** Whose records: 'mine' (owner = me), 'team' (my team, managers), 'all' (needs customers.viewAll). */
export const SCOPES = ['mine', 'team', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** What a query selects, without paging: also the "all N rows matching" selection and the export. */
export const gridSelectionQuerySchema = z
  .object({
    dataset: z.enum(DATASETS),
    scope: z.enum(SCOPES).default('mine'),
    filter: gridFilterSchema.default({ columns: [] }),
  })
  .strict();

/** What a figure counts (an analysis number's `drill`): the data set, scope and filter of exactly its records. */
export type GridSelectionQuery = z.infer<typeof gridSelectionQuerySchema>;

const groupKey = z.union([z.string().max(200), z.number(), z.null()]);

export const gridQuerySchema = gridSelectionQuerySchema
  .extend({
    columns: z.array(z.string().min(1).max(64)).min(1).max(60),
    sort: z.array(sortSchema).max(GRID_MAX_SORT).default([]),
    groupBy: z.array(z.string().min(1).max(64)).max(GRID_MAX_GROUP_LEVELS).default([]),
    /** Keys of the open group path: groupKeys.length < groupBy.length → group rows; equal → data rows. */
    groupKeys: z.array(groupKey).max(GRID_MAX_GROUP_LEVELS).default([]),
    /** Keyset paging: the opaque cursor of the previous page; or an offset for a jump (scrollbar drag). */
    cursor: z.string().max(2000).nullable().optional(),
    offset: z.number().int().min(0).max(2_000_000).optional(),
    limit: z.number().int().min(1).max(GRID_PAGE_MAX).default(100),
    /** Ask for the matching row count (first page only: it costs a COUNT). */
    withTotal: z.boolean().default(false),
  })
  .strict();
export type GridQuery = z.input<typeof gridQuerySchema>;

export interface GroupRow {
  key: string | number | null;
  /** Display value (an enum's label in the user's language). */
  label: string;
  count: number;
}

export type GridPage =
  | { kind: 'rows'; rows: Record<string, unknown>[]; nextCursor: string | null; total: number | null }
  | { kind: 'groups'; level: number; groups: GroupRow[]; total: number | null };

/** Selected rows for bulk actions (SMS, reassign, export): explicit ids, or all rows matching a query. */
export const gridSelectionSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(EXPORT_MAX_ROWS) }).strict(),
  z.object({ query: gridSelectionQuerySchema, expectedCount: z.number().int().min(0) }).strict(),
]);
export type GridSelection = z.infer<typeof gridSelectionSchema>;

/** What a saved view remembers (ag-grid column state is kept as the renderer gives it). */
export const viewStateSchema = z
  .object({
    columns: z.array(z.object({ id: z.string().max(64), width: z.number().int().min(20).max(2000).optional(), hidden: z.boolean().optional() })).max(60),
    sort: z.array(sortSchema).max(GRID_MAX_SORT),
    filter: gridFilterSchema,
    groupBy: z.array(z.string().max(64)).max(GRID_MAX_GROUP_LEVELS),
    scope: z.enum(SCOPES).optional(),
  })
  .strict();
export type ViewState = z.infer<typeof viewStateSchema>;

export interface GridView {
  id: number;
  dataset: Dataset;
  name: string;
  state: ViewState;
  isDefault: boolean;
  /** Shared by a manager with a role; everyone in that role sees it (read-only unless theirs). */
  sharedWithRole: string | null;
  mine: boolean;
  ownerName: string;
}

export const gridApi = {
  'grid.columns': method({
    input: z.object({ dataset: z.enum(DATASETS) }).strict(),
    access: 'session',
    output: returns<{ columns: GridColumnMeta[]; defaultSort: GridSort[]; scopes: Scope[] }>(),
  }),
  'grid.query': method({ input: gridQuerySchema, access: 'session', output: returns<GridPage>() }),
  /** How many rows a selection covers (the "select all N matching" confirmation). */
  'grid.count': method({ input: gridSelectionQuerySchema, access: 'session', output: returns<{ count: number }>() }),
  'grid.views.list': method({ input: z.object({ dataset: z.enum(DATASETS) }).strict(), access: 'session', output: returns<GridView[]>() }),
  'grid.views.save': method({
    input: z
      .object({
        id: z.number().int().positive().optional(),
        dataset: z.enum(DATASETS),
        name: z.string().trim().min(1).max(60),
        state: viewStateSchema,
        isDefault: z.boolean().optional(),
      })
      .strict(),
    access: 'session',
    output: returns<GridView>(),
  }),
  'grid.views.delete': method({ input: z.object({ id: z.number().int().positive() }).strict(), access: 'session', output: returns<{ ok: true }>() }),
  /** Managers share one of their views with a role (null stops sharing). */
  'grid.views.share': method({
    input: z.object({ id: z.number().int().positive(), role: z.enum(ROLES).nullable() }).strict(),
    access: ['salesManager', 'serviceManager', 'generalManager', 'admin'],
    output: returns<GridView>(),
  }),
  /**
   * The current view as .xlsx (header row in the user's language), at most EXPORT_MAX_ROWS rows,
   * only with the 'export' permission (checked on every call); progress is pushed as
   * 'export.progress' events; audited with the filter and row count.
   */
  'grid.export': method({
    input: gridSelectionQuerySchema
      .extend({
        columns: z.array(z.string().min(1).max(64)).min(1).max(60),
        sort: z.array(sortSchema).max(GRID_MAX_SORT).default([]),
        exportId: z.string().regex(/^[\w-]{8,64}$/),
      })
      .strict(),
    access: 'session',
    output: returns<{ fileName: string; rows: number; base64: string }>(),
  }),
} as const;
