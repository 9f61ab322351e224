import type { ImportField, ImportMapping, ImportMatch, ImportProblem, MatchMode } from '../../../common/api/data-import';

/** One file row read and checked: its problems, and the values it would store as the preview shows them. */
export interface ParsedRow {
  row: number;
  problems: ImportProblem[];
  shown: Partial<Record<ImportField, string>>;
}

/** What the run knows while it writes one transaction's rows. */
export interface RunEnv {
  actor: number;
  now: number;
  today: string;
  matchMode: MatchMode;
  defaultOwnerId: number | null;
  /** The importing user may see (and so change) this customer. */
  canSee: (customerId: number) => boolean;
  /** Called before a row writes a customer (its group counts are taken out and added back at the chunk's end). */
  touch: (customerId: number) => void;
}

/**
 * What one row of an import did, for its undo (import_batch_rows): the customer it created, filled in
 * or added a record to, the customer's version right after, and the rows it wrote.
 */
export interface TrailEntry {
  customerId: number;
  action: 'created' | 'updated' | 'attached';
  version: number;
  before: Record<string, unknown> | null;
  phoneIds: number[];
  vehicleIds: number[];
  records: TrailRecords | null;
}

/** The records an opportunity or repair-order row wrote, and what they changed, so undo can take them back. */
export interface TrailRecords {
  opportunity?: { id: number; version: number; activityId: number; activityVersion: number };
  visit?: {
    id: number;
    vehicleId: number;
    /** The vehicle's service fields before this row, and its updated_at right after. */
    vehicleBefore: Record<string, unknown>;
    vehicleAfter: number;
    /** 招揽 tasks this visit marked successful, with their status before. */
    solicitation: { id: number; status: string }[];
  };
}

/** One audit row of an imported record (entity, id, what it holds), named with the import's batch id. */
export interface ImportAudit {
  entity: string;
  entityId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export type Verdict = 'bad' | 'skipped' | { kind: 'created' | 'updated'; trail: TrailEntry; audits: ImportAudit[] };

/** A match found in the file itself: an earlier good row is the same record. */
export type FileKey = { by: ImportMatch['by']; value: string; key: string };

/**
 * One kind of import (客户, 销售机会, 维修工单): how a row is read and checked, what record here it is,
 * and what writing it does. The batch life (draft, preview, run in chunks, cancel, undo) is shared.
 */
export interface ImportKindRows<P extends ParsedRow = ParsedRow> {
  /** The fields a file cannot run without. */
  missing(mapping: ImportMapping): ImportField[];
  parse(mapping: ImportMapping, row: number, cells: readonly string[]): P;
  /** The record here this row is (preview): by what, and the customer to show; null = a new record. */
  existing(p: P): { by: ImportMatch['by']; value: string; customerId: number } | null;
  /** Keys by which a later row of the same file is this row's record. */
  keys(p: P): FileKey[];
  /** Opportunity rows: the row's customer is not here (nor earlier in the file), so the run creates one. */
  createsCustomer?(p: P, seenKeys: { has(key: string): boolean }): boolean;
  /**
   * The preview counts this row as new (the run will write it before the rows after it): later rows
   * are checked as though it were stored, so the preview finds what the run will (a repair order
   * reading fewer km than an earlier one of the same car).
   */
  previewed?(p: P): void;
  /** Writes the row, inside the run's transaction; `p` is what parse() read a moment before, in that same transaction. */
  apply(p: P, env: RunEnv): Verdict;
}
