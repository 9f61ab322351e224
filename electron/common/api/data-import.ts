import { z } from 'zod';
import { method, returns } from './contract';
import { importEncoding } from './import-file';
import { MANAGER_ROLES, type Role } from '../roles';

/**
 * 系统管理 → 数据导入: a dealer's customers, sales opportunities (潜客) and repair orders from the DMS
 * or an Excel sheet (.xlsx, or CSV in UTF-8 / GBK / GB18030), in three steps — upload and map the
 * columns, preview (every bad row with its row, column and reason; the rows matching a record
 * already here), run in batches with a progress bar and a cancel — and the whole import can be
 * undone while nobody has changed what it wrote.
 */
export const IMPORT_KINDS = ['customers', 'opportunities', 'repairOrders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields a customer import fills: the customer form's, one or two phones, one vehicle. */
export const CUSTOMER_IMPORT_FIELDS = [
  'name',
  'mobile',
  'phone2',
  'kind',
  'gender',
  'idNumber',
  'birthday',
  'email',
  'province',
  'city',
  'address',
  'wechat',
  'source',
  'occupation',
  'owner',
  'notes',
  'vin',
  'plate',
  'model',
  'colour',
  'purchaseDate',
  'mileage',
] as const;
export type CustomerImportField = (typeof CUSTOMER_IMPORT_FIELDS)[number];

/**
 * The fields an opportunity import fills (a DMS's 潜客 export): the customer it belongs to (found by
 * phone, created when new) and one open opportunity with its next follow-up.
 */
export const OPPORTUNITY_IMPORT_FIELDS = [
  'name',
  'mobile',
  'phone2',
  'source',
  'owner',
  'model',
  'stage',
  'channel',
  'createdDate',
  'expectedPurchaseDate',
  'price',
  'nextFollowUp',
] as const;

/** The fields a repair-order import fills (the DMS's 维修工单 export): one service visit of a vehicle here. */
export const REPAIR_ORDER_IMPORT_FIELDS = ['ro', 'vin', 'plate', 'date', 'type', 'mileage', 'items', 'advisor', 'amount'] as const;

export const IMPORT_FIELDS = {
  customers: CUSTOMER_IMPORT_FIELDS,
  opportunities: OPPORTUNITY_IMPORT_FIELDS,
  repairOrders: REPAIR_ORDER_IMPORT_FIELDS,
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
const ALL_FIELDS = [...new Set<ImportField>([...CUSTOMER_IMPORT_FIELDS, ...OPPORTUNITY_IMPORT_FIELDS, ...REPAIR_ORDER_IMPORT_FIELDS])] as [ImportField, ...ImportField[]];

/** Field → column (0-based index into the header); a field not mapped is left out. */
export type ImportMapping = Partial<Record<ImportField, number>>;
const mappingSchema = z.partialRecord(z.enum(ALL_FIELDS), z.number().int().min(0).max(499));

/**
 * What a row matching a record already here does: skip it, fill that customer's empty fields, or
 * create anyway (a new customer; for an opportunity, a second open one of that customer).
 */
export const MATCH_MODES = ['skip', 'updateEmpty', 'create'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];
/** The choices each kind offers: a repair order already here (same RO number) is always skipped. */
export const MATCH_MODES_OF: Record<ImportKind, readonly MatchMode[]> = {
  customers: MATCH_MODES,
  opportunities: ['skip', 'create'],
  repairOrders: ['skip'],
};

export type ImportStatus = 'draft' | 'running' | 'done' | 'cancelled' | 'interrupted' | 'failed' | 'undone';

/** A bad row: the file's row number, the column as Excel labels it (A, B, …) and why. */
export interface ImportProblem {
  row: number;
  column: string | null;
  field: ImportField | null;
  reason: string;
}

/**
 * A row that is a record already here (or an earlier row of the same file): a customer by phone,
 * ID number or VIN; an opportunity row whose customer has an open opportunity already; a repair
 * order whose RO number is here.
 */
export interface ImportMatch {
  row: number;
  by: 'phone' | 'idNumber' | 'vin' | 'openOpportunity' | 'ro';
  value: string;
  /** null: an earlier row of this file (`fileRow`). */
  customerId: number | null;
  /** Masked (张*) when the importing user may not open that customer. */
  name: string;
  canOpen: boolean;
  fileRow: number | null;
}

export interface ImportPreview {
  batchId: number;
  kind: ImportKind;
  fileName: string;
  /** How the file was read: 'xlsx', or the CSV's encoding (UTF-8, GBK/GB18030 …). */
  readAs: string;
  header: string[];
  mapping: ImportMapping;
  /** Fields a file must have mapped before it can run (customers: name, and a phone or a VIN). */
  missing: ImportField[];
  rows: number;
  /** The first rows as they will be stored (field → value). */
  sample: { row: number; values: Partial<Record<ImportField, string>> }[];
  bad: ImportProblem[];
  /** Bad rows in all (each listed up to the first 1,000 problems). */
  badRows: number;
  matches: ImportMatch[];
  matchRows: number;
  /** Rows that are good and match nothing: each becomes a new record. */
  newRows: number;
  /** Of the opportunity rows: those whose customer is not here yet (created with the opportunity). */
  newCustomers?: number;
}

export interface ImportBatchRow {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  matchMode: MatchMode | null;
  rowsTotal: number;
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  bad: number;
  error: string | null;
  createdBy: string;
  createdAt: number;
  finishedAt: number | null;
  undoneAt: number | null;
}

/** Undo refused: the customers (or their records) the import wrote that have changed since, and why. */
export interface ImportUndoResult {
  undone: boolean;
  customers: number;
  blocked: { customerId: number; name: string; reason: string }[];
  blockedCount: number;
}

export interface SavedMapping {
  id: number;
  name: string;
  /** field → the header text it was taken from, matched again by name in the next file. */
  columns: Partial<Record<ImportField, string>>;
}

/**
 * Who imports what (系统管理 → 数据导入 for the administrator; 销售管理 / 客户服务 → 数据导入 for the
 * managers): a sales manager their customers and prospects, a service manager customers and repair
 * orders, the general manager and the administrator all three.
 */
export const IMPORT_KINDS_OF_ROLE: Partial<Record<Role, readonly ImportKind[]>> = {
  salesManager: ['customers', 'opportunities'],
  serviceManager: ['customers', 'repairOrders'],
  generalManager: IMPORT_KINDS,
  admin: IMPORT_KINDS,
};
export const importKindsOf = (role: Role): readonly ImportKind[] => IMPORT_KINDS_OF_ROLE[role] ?? [];
/** These see, cancel and undo every import; another manager only their own. */
export const ALL_IMPORTS_ROLES: readonly Role[] = ['generalManager', 'admin'];

const importers = MANAGER_ROLES;
const kind = z.enum(IMPORT_KINDS);
const batchId = z.number().int().positive();

export const dataImportApi = {
  /**
   * A file read and checked, nothing written. The first call takes the upload (`uploadId`) and makes
   * the import's draft; later calls name the draft (`batchId`) with another encoding or mapping.
   * Without a mapping the columns are guessed from their headers (姓名 / 客户名称, 手机 / 联系电话 …).
   */
  'dataImport.preview': method({
    input: z
      .object({
        kind,
        uploadId: z.string().min(8).max(64).optional(),
        batchId: batchId.optional(),
        encoding: importEncoding,
        mapping: mappingSchema.optional(),
      })
      .strict()
      .refine((v) => (v.uploadId === undefined) !== (v.batchId === undefined)),
    access: importers,
    output: returns<ImportPreview>(),
  }),
  /** Runs a draft in batches (each its own transaction, progress as `dataImport.progress` events); answers at once. */
  'dataImport.start': method({
    input: z.object({ batchId, mapping: mappingSchema, matchMode: z.enum(MATCH_MODES), defaultOwnerId: z.number().int().positive().nullable() }).strict(),
    access: importers,
    output: returns<ImportBatchRow>(),
  }),
  /** Stops a running import after the batch in hand: what was committed stays (and can be undone). */
  'dataImport.cancel': method({ input: z.object({ batchId }).strict(), access: importers, output: returns<ImportBatchRow>() }),
  'dataImport.get': method({ input: z.object({ batchId }).strict(), access: importers, output: returns<ImportBatchRow>() }),
  /** The last 50 imports, newest first. */
  'dataImport.list': method({ input: z.object({}).strict(), access: importers, output: returns<ImportBatchRow[]>() }),
  /** Undoes a whole import, or refuses with the customers changed since (nothing undone then). */
  'dataImport.undo': method({ input: z.object({ batchId }).strict(), access: importers, output: returns<ImportUndoResult>() }),
  'dataImport.mappings.list': method({ input: z.object({ kind }).strict(), access: importers, output: returns<SavedMapping[]>() }),
  /** Saves (or replaces, by name) a named mapping. */
  'dataImport.mappings.save': method({
    input: z
      .object({ kind, name: z.string().trim().min(1).max(40), columns: z.partialRecord(z.enum(ALL_FIELDS), z.string().max(100)) })
      .strict(),
    access: importers,
    output: returns<SavedMapping>(),
  }),
  'dataImport.mappings.delete': method({ input: z.object({ id: z.number().int().positive() }).strict(), access: importers, output: returns<{ ok: true }>() }),
  /** An .xlsx with the headers the import knows and one example row. */
  'dataImport.template': method({ input: z.object({ kind }).strict(), access: importers, output: returns<{ fileName: string; base64: string }>() }),
} as const;
