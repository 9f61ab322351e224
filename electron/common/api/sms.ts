/** SMS: batches, templates, channels (issue 9). */

export interface SmsBatchProgress {
  batchId: number;
  status: string;
  total: number;
  queued: number;
  submitting: number;
  submitted: number;
  delivered: number;
  failed: number;
  unknown: number;
}
