/**
 * The durable outbox. Every message is a row before anything goes to a channel, and every state
 * change is committed before the step it records has consequences:
 *
 *   queued ──claim──▶ submitting ──resp──▶ submitted ──receipt──▶ delivered / failed
 *                        │
 *                        └─ process died / connection dropped while in flight ─▶ unknown
 *
 * 'submitting' is committed BEFORE the submit goes on the wire, so after a crash a row still in
 * 'submitting' may or may not have reached the gateway: recover() marks it 'unknown' for a person
 * to decide and nothing re-sends it automatically. A message never left 'queued' was never
 * offered to a channel and is sent on the next start. This is what makes "never twice, never
 * lost" hold across kill -9.
 */
import type { Sqlite } from '../../../../db/client';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { LeftOut } from './recipients';
import type { SmsBatchProgress } from '../../../common/api/sms';

/** How long a submitted message may wait for its delivery receipt before it is 待确认. */
export const RECEIPT_WAIT_MS = 72 * 3600_000;
const NO_RECEIPT = '超过 72 小时未收到回执 / No delivery receipt within 72 hours';

export type SmsChannelKind = 'smpp' | 'modem';
export type MessageStatus = 'queued' | 'submitting' | 'submitted' | 'delivered' | 'failed' | 'unknown';
export type BatchStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'done' | 'cancelled';

export interface NewMessage {
  customerId: number | null;
  number: string;
  text: string;
  parts: number;
  /** Set when the message cannot be sent (missing merge field, too long): stored as failed. */
  problem?: string | null;
}

export interface NewBatch {
  createdBy: number | null;
  templateId: number | null;
  body: string;
  channel: SmsChannelKind;
  /** Epoch ms; null or past = send now. */
  scheduledAt: number | null;
  leftOut: LeftOut;
  messages: readonly NewMessage[];
}

export interface ClaimedMessage {
  id: number;
  batchId: number;
  number: string;
  text: string;
  attempts: number;
  /** submit_sm PDUs it takes (concatenated parts): what a gateway's rate limit counts. */
  parts: number;
}

/** A batch's messages by state: the progress the screen shows, without the batch's id and status. */
export type BatchCounts = Omit<SmsBatchProgress, 'batchId' | 'status'>;

export const CANCELLED = '批次已取消 / The batch was cancelled';
export const INTERRUPTED = '提交过程中程序中断,无法确定是否已发出,请人工确认 / The program stopped while submitting; whether it went out is unknown';

export class SmsOutbox {
  constructor(
    readonly sqlite: Sqlite,
    private readonly clock: Clock,
  ) {}

  /** The batch and all its messages in one transaction: a batch is never half-created. */
  createBatch(b: NewBatch): number {
    const now = this.clock.now();
    const scheduled = b.scheduledAt != null && b.scheduledAt > now;
    const insBatch = this.sqlite.prepare(
      `INSERT INTO sms_batches (created_by, template_id, body, channel, scheduled_at, status, left_out_dnd, left_out_duplicate,
         left_out_opt_out, left_out_no_mobile, started_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insMsg = this.sqlite.prepare(
      `INSERT INTO sms_messages (batch_id, customer_id, number, text, parts, status, attempts, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    return this.sqlite.transaction(() => {
      const batchId = Number(
        insBatch.run(
          b.createdBy, b.templateId, b.body, b.channel, b.scheduledAt, scheduled ? 'scheduled' : 'sending',
          b.leftOut.dnd, b.leftOut.duplicate, b.leftOut.optOut, b.leftOut.noMobile, scheduled ? null : now, now, now,
        ).lastInsertRowid,
      );
      for (const m of b.messages) {
        insMsg.run(batchId, m.customerId, m.number, m.text, m.parts, m.problem ? 'failed' : 'queued', m.problem ?? null, now, now);
      }
      return batchId;
    }).immediate();
  }

  /**
   * On start-up: whatever was in flight when the process died is 'unknown' (never re-sent); and a
   * message the gateway took more than RECEIPT_WAIT_MS ago without a receipt since is 'unknown'
   * too, for a person to decide, instead of 已提交 for ever (the receipt may have come while the
   * app was closed, or the gateway sends none for that number). A receipt arriving later still
   * settles it (see receipt()).
   */
  recover(): number {
    const now = this.clock.now();
    const interrupted = this.sqlite
      .prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE status = 'submitting'`)
      .run(INTERRUPTED, now).changes;
    this.sqlite
      .prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE status = 'submitted' AND submitted_at < ?`)
      .run(NO_RECEIPT, now, now - RECEIPT_WAIT_MS);
    return interrupted;
  }

  /** Scheduled batches whose time has come start sending. Returns their ids. */
  startDue(now = this.clock.now()): number[] {
    const rows = this.sqlite
      .prepare(`UPDATE sms_batches SET status = 'sending', started_at = ?, updated_at = ? WHERE status = 'scheduled' AND scheduled_at <= ? RETURNING id`)
      .all(now, now, now) as { id: number }[];
    return rows.map((r) => r.id);
  }

  /**
   * Takes up to n queued messages of sending batches on this channel, together at most
   * `partsBudget` submit_sm parts (but always the first one), and marks them 'submitting'
   * (attempts + 1), committed before the caller puts anything on the wire.
   */
  claim(channel: SmsChannelKind, n: number, partsBudget = Infinity): ClaimedMessage[] {
    if (n <= 0) return [];
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      const rows = this.sqlite
        .prepare(
          `SELECT m.id, m.batch_id AS batchId, m.number, m.text, m.attempts, m.parts FROM sms_batches b
             JOIN sms_messages m ON m.batch_id = b.id AND m.status = 'queued'
            WHERE b.status = 'sending' AND b.channel = ?
            ORDER BY b.id, m.id LIMIT ?`,
        )
        .all(channel, n) as ClaimedMessage[];
      let parts = 0;
      const fit = rows.findIndex((r, i) => (parts += Math.max(1, r.parts)) > partsBudget && i > 0);
      if (fit >= 0) rows.length = fit;
      const mark = this.sqlite.prepare(`UPDATE sms_messages SET status = 'submitting', attempts = attempts + 1, updated_at = ? WHERE id = ?`);
      for (const r of rows) {
        mark.run(now, r.id);
        r.attempts++;
      }
      return rows;
    }).immediate();
  }

  /** The gateway accepted every part: its ids, so receipts can be matched. */
  submitted(id: number, gatewayIds: readonly string[]): void {
    const now = this.clock.now();
    const ins = this.sqlite.prepare(`INSERT INTO sms_parts (message_id, part_no, gateway_id) VALUES (?, ?, ?)`);
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare(`UPDATE sms_messages SET status = 'submitted', message_id = ?, submitted_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND status = 'submitting'`)
        .run(gatewayIds[0] ?? null, now, now, id);
      gatewayIds.forEach((g, i) => ins.run(id, i + 1, g));
    })();
  }

  /**
   * The gateway's late answer for a part of a message marked 待确认 (its submit timed out): the id
   * is kept, so the part's receipt can settle the message. Nothing for a message in another state.
   */
  lateAccepted(messageId: number, partNo: number, gatewayId: string): void {
    this.sqlite
      .prepare(
        `INSERT INTO sms_parts (message_id, part_no, gateway_id)
           SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM sms_messages WHERE id = ? AND status = 'unknown')
             AND NOT EXISTS (SELECT 1 FROM sms_parts WHERE message_id = ? AND part_no = ?)`,
      )
      .run(messageId, partNo, gatewayId, messageId, messageId, partNo);
  }

  /** It certainly did not go out (the channel was down before writing): back to the queue. */
  requeue(id: number, error: string): void {
    this.sqlite
      .prepare(`UPDATE sms_messages SET status = 'queued', last_error = ?, updated_at = ? WHERE id = ? AND status = 'submitting'`)
      .run(error, this.clock.now(), id);
  }

  failed(id: number, error: string): void {
    this.sqlite.prepare(`UPDATE sms_messages SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?`).run(error, this.clock.now(), id);
  }

  /** In flight when the connection dropped: it may have gone out; a person decides. */
  unknown(id: number, error: string): void {
    this.sqlite
      .prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE id = ? AND status = 'submitting'`)
      .run(error, this.clock.now(), id);
  }

  /**
   * A delivery receipt for one part. The message is delivered when every part is, failed as soon
   * as one part fails. Returns the message and batch ids, or null for an id we never sent.
   */
  receipt(gatewayId: string, delivered: boolean, error: string | null): { messageId: number; batchId: number } | null {
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      const part = this.sqlite.prepare(`SELECT id, message_id AS messageId FROM sms_parts WHERE gateway_id = ? ORDER BY id DESC LIMIT 1`).get(gatewayId) as
        | { id: number; messageId: number }
        | undefined;
      if (!part) return null;
      this.sqlite.prepare(`UPDATE sms_parts SET status = ? WHERE id = ?`).run(delivered ? 'delivered' : 'failed', part.id);
      const msg = this.sqlite.prepare(`SELECT batch_id AS batchId, parts FROM sms_messages WHERE id = ?`).get(part.messageId) as { batchId: number; parts: number };
      if (!delivered) {
        this.sqlite
          .prepare(`UPDATE sms_messages SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ? AND status IN ('submitted', 'delivered', 'unknown')`)
          .run(error ?? '未送达 / Not delivered', now, part.messageId);
      } else {
        const { n } = this.sqlite.prepare(`SELECT count(*) AS n FROM sms_parts WHERE message_id = ? AND status = 'delivered'`).get(part.messageId) as { n: number };
        if (n >= msg.parts) {
          this.sqlite
            // 待确认 too: a receipt proves the message reached the gateway once (its id was learnt late).
            .prepare(`UPDATE sms_messages SET status = 'delivered', delivered_at = ?, updated_at = ? WHERE id = ? AND status IN ('submitted', 'unknown')`)
            .run(now, now, part.messageId);
        }
      }
      return { messageId: part.messageId, batchId: msg.batchId };
    })();
  }

  /** Sending batches with nothing left queued or in flight are done. Returns their ids. */
  finishBatches(): number[] {
    const now = this.clock.now();
    const rows = this.sqlite
      .prepare(
        `UPDATE sms_batches SET status = 'done', finished_at = ?, updated_at = ?
          WHERE status = 'sending' AND NOT EXISTS (SELECT 1 FROM sms_messages m WHERE m.batch_id = sms_batches.id AND m.status IN ('queued', 'submitting'))
          RETURNING id`,
      )
      .all(now, now) as { id: number }[];
    return rows.map((r) => r.id);
  }

  batchStatus(batchId: number): BatchStatus | null {
    const r = this.sqlite.prepare(`SELECT status FROM sms_batches WHERE id = ?`).get(batchId) as { status: BatchStatus } | undefined;
    return r?.status ?? null;
  }

  /** Moves a batch between states; false when it is not in one of `from`. */
  setBatchStatus(batchId: number, from: readonly BatchStatus[], to: BatchStatus): boolean {
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      const ok =
        this.sqlite
          .prepare(
            `UPDATE sms_batches SET status = ?, updated_at = ?, started_at = CASE WHEN ? = 'sending' THEN coalesce(started_at, ?) ELSE started_at END
              WHERE id = ? AND status IN (${from.map(() => '?').join(',')})`,
          )
          .run(to, now, to, now, batchId, ...from).changes > 0;
      if (ok && to === 'cancelled') {
        // What has not been offered to a channel is not sent; what is in flight finishes.
        this.sqlite
          .prepare(`UPDATE sms_messages SET status = 'failed', last_error = ?, updated_at = ? WHERE batch_id = ? AND status = 'queued'`)
          .run(CANCELLED, now, batchId);
      }
      return ok;
    }).immediate();
  }

  /**
   * A scheduled batch re-worded / re-timed before it starts: its messages are replaced in one
   * transaction, and only while it is still 'scheduled' (false otherwise: it has started).
   */
  replaceScheduled(batchId: number, b: Pick<NewBatch, 'body' | 'templateId' | 'scheduledAt' | 'leftOut' | 'messages'>): boolean {
    const now = this.clock.now();
    const insMsg = this.sqlite.prepare(
      `INSERT INTO sms_messages (batch_id, customer_id, number, text, parts, status, attempts, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    return this.sqlite.transaction(() => {
      const ok =
        this.sqlite
          .prepare(
            `UPDATE sms_batches SET body = ?, template_id = ?, scheduled_at = ?, left_out_dnd = ?, left_out_duplicate = ?, left_out_opt_out = ?,
               left_out_no_mobile = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'`,
          )
          .run(b.body, b.templateId, b.scheduledAt, b.leftOut.dnd, b.leftOut.duplicate, b.leftOut.optOut, b.leftOut.noMobile, now, batchId).changes > 0;
      if (!ok) return false;
      this.sqlite.prepare(`DELETE FROM sms_messages WHERE batch_id = ?`).run(batchId);
      for (const m of b.messages) insMsg.run(batchId, m.customerId, m.number, m.text, m.parts, m.problem ? 'failed' : 'queued', m.problem ?? null, now, now);
      return true;
    }).immediate();
  }

  /** Failed (and, when asked, unknown) messages of a batch go back to the queue. */
  resend(batchId: number, includeUnknown: boolean): number {
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      // A cancelled batch sends nothing more: requeued rows would wait for ever. The user starts a new send.
      const status = (this.sqlite.prepare('SELECT status FROM sms_batches WHERE id = ?').get(batchId) as { status: string } | undefined)?.status;
      if (status === 'cancelled') throw new AppError('CONFLICT', { reason: '批次已取消,不能重发;请重新发送一批 / The batch was cancelled and cannot be resent: start a new send' });
      const n = this.sqlite
        .prepare(
          `UPDATE sms_messages SET status = 'queued', updated_at = ? WHERE batch_id = ? AND (status = 'failed' ${includeUnknown ? "OR status = 'unknown'" : ''})
             AND parts BETWEEN 1 AND 10 AND (last_error IS NULL OR last_error NOT LIKE '缺少字段%')`,
        )
        .run(now, batchId).changes;
      if (n > 0) {
        this.sqlite
          .prepare(`UPDATE sms_batches SET status = 'sending', finished_at = NULL, started_at = coalesce(started_at, ?), updated_at = ? WHERE id = ? AND status IN ('done', 'sending', 'paused')`)
          .run(now, now, batchId);
      }
      return n;
    }).immediate();
  }

  counts(batchId: number): BatchCounts {
    const rows = this.sqlite.prepare(`SELECT status, count(*) AS n FROM sms_messages WHERE batch_id = ? GROUP BY status`).all(batchId) as {
      status: MessageStatus;
      n: number;
    }[];
    const c: BatchCounts = { total: 0, queued: 0, submitting: 0, submitted: 0, delivered: 0, failed: 0, unknown: 0 };
    for (const r of rows) {
      c[r.status] = r.n;
      c.total += r.n;
    }
    return c;
  }
}
