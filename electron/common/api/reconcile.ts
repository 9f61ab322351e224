import { z } from 'zod';
import { MANAGER_ROLES } from '../roles';
import { method, returns } from './contract';
import { importEncoding } from './import-file';

/**
 * 厂家漏斗核对 (reference/003): the manufacturer's sales-funnel export for a period (name, phone,
 * visit date, first visit or not) against the showroom visits recorded here — what the auditor
 * samples. Matched by normalised phone, then by name and date; three lists come back.
 */
export type ReconcileField = 'name' | 'visitDate' | 'firstVisit';

export interface TheirRow {
  /** The row in their file (1-based, as Excel shows it). */
  row: number;
  name: string;
  phone: string;
  visitDate: string;
  firstVisit: boolean | null;
}

export interface OurVisit {
  visitId: number;
  customerId: number | null;
  name: string;
  phone: string | null;
  visitDate: string;
  firstVisit: boolean;
  consultantName: string | null;
}

export interface ReconcileResult {
  from: string;
  to: string;
  /** Rows of their file in the period; rows outside it and unreadable rows are counted, not compared. */
  theirRows: number;
  outsidePeriod: number;
  unreadable: { row: number; reason: string }[];
  ourVisits: number;
  consistent: { theirs: TheirRow; ours: OurVisit; matchedBy: 'phone' | 'nameDate' }[];
  different: { theirs: TheirRow; ours: OurVisit; matchedBy: 'phone' | 'nameDate'; fields: ReconcileField[] }[];
  onlyTheirs: TheirRow[];
  onlyOurs: OurVisit[];
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const reconcileApi = {
  'reconcile.funnel': method({
    input: z
      .object({
        /** The manufacturer's export, sent first through the upload route. */
        uploadId: z.string().min(1).max(64),
        from: day,
        to: day,
        encoding: importEncoding,
      })
      .strict(),
    access: MANAGER_ROLES,
    output: returns<ReconcileResult>(),
  }),
} as const;
