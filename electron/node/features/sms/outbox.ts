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
 *
 * A long message is tracked per part (part-bookkeeping.ts): each part the gateway accepts is a
 * sms_parts row the moment its answer arrives, and every later send of the message (automatic
 * retry, 重发待确认, after a crash) sends only the parts without a row, under the message's own
 * UDH reference. The message is 'submitted' when every part is accepted.
 */
import type { Sqlite } from '../../../../db/client';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import type { LeftOut } from './recipients';
import type { SmsBatchProgress } from '../../../common/api/sms';
import { TEXT_CHANGED, TEXT_CHANGED_ZH, acceptedFrom, cutDigest, withPartsSent } from './part-bookkeeping';

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
  /** 服务通知 or 营销 (what the recipients were chosen by); service when not said. */
  purpose?: 'service' | 'marketing';
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
  /** Parts of the whole message (concatenated parts). */
  parts: number;
  /** The UDH reference its parts carry (long messages; null for one part). */
  concatRef: number | null;
  /** Parts the gateway accepted on an earlier attempt, with their ids: not sent again. */
  accepted: ReadonlyMap<number, string>;
  /** submit_sm PDUs this send takes (the parts not yet accepted): what a gateway's rate limit counts. */
  toSend: number;
}

/** A batch's messages by state: the progress the screen shows, without the batch's id and status. */
export type BatchCounts = Omit<SmsBatchProgress, 'batchId' | 'status'>;

export const CANCELLED = '批次已取消 / The batch was cancelled';
export const INTERRUPTED = '提交过程中程序中断,无法确定是否已发出,请人工确认 / The program stopped while submitting; whether it went out is unknown';

/** Resending these makes no sense: a person must change the data or send anew. */
const NOT_RESENDABLE = `(last_error IS NULL OR (last_error NOT LIKE '缺少字段%' AND last_error NOT LIKE '${TEXT_CHANGED_ZH}%'))`;

export class SmsOutbox {
  /** The last concatenation reference given out (0–255, cycling from a random start, like a handset's). */
  private lastRef = Math.floor(Math.random() * 256);

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
         left_out_opt_out, left_out_no_mobile, purpose, left_out_no_consent, started_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insMsg = this.sqlite.prepare(
      `INSERT INTO sms_messages (batch_id, customer_id, number, text, parts, status, attempts, last_error, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    );
    return this.sqlite.transaction(() => {
      const batchId = Number(
        insBatch.run(
          b.createdBy, b.templateId, b.body, b.channel, b.scheduledAt, scheduled ? 'scheduled' : 'sending',
          b.leftOut.dnd, b.leftOut.duplicate, b.leftOut.optOut, b.leftOut.noMobile, b.purpose ?? 'service', b.leftOut.noConsent, scheduled ? null : now, now, now,
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
    return this.sqlite.transaction(() => {
      // A long message cut off between parts says how much went out: 重发 sends only the rest.
      const inFlight = this.sqlite
        .prepare(`SELECT id, parts, (SELECT count(DISTINCT part_no) FROM sms_parts p WHERE p.message_id = m.id) AS sent FROM sms_messages m WHERE status = 'submitting'`)
        .all() as { id: number; parts: number; sent: number }[];
      const mark = this.sqlite.prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE id = ?`);
      for (const m of inFlight) mark.run(withPartsSent(INTERRUPTED, m.sent, m.parts), now, m.id);
      this.sqlite
        .prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE status = 'submitted' AND submitted_at < ?`)
        .run(NO_RECEIPT, now, now - RECEIPT_WAIT_MS);
      return inFlight.length;
    }).immediate();
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
   *
   * A long message keeps its UDH reference and comes with the parts the gateway accepted before:
   * only the others are sent. One whose parts were all accepted already (late answers) is
   * 'submitted' without sending anything; one whose text no longer cuts into the parts already
   * sent is refused (failed, TEXT_CHANGED) rather than finished with parts that do not fit.
   */
  claim(channel: SmsChannelKind, n: number, partsBudget = Infinity): ClaimedMessage[] {
    if (n <= 0) return [];
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      const rows = this.sqlite
        .prepare(
          // The accepted parts are looked up for the claimed rows only (outside the sorted
          // subquery: in it, SQLite would evaluate them for every queued row before the LIMIT).
          `SELECT q.*, (SELECT json_group_array(json_array(p.part_no, p.gateway_id)) FROM sms_parts p WHERE p.message_id = q.id) AS acceptedJson
             FROM (SELECT m.id, m.batch_id AS batchId, m.number, m.text, m.attempts, m.parts, m.concat_ref AS concatRef, m.parts_digest AS digest
                     FROM sms_batches b
                     JOIN sms_messages m ON m.batch_id = b.id AND m.status = 'queued'
                    WHERE b.status = 'sending' AND b.channel = ?
                    ORDER BY b.id, m.id LIMIT ?) q
            ORDER BY q.batchId, q.id`,
        )
        .all(channel, n) as (Omit<ClaimedMessage, 'accepted' | 'toSend'> & { digest: string | null; acceptedJson: string | null })[];
      const mark = this.sqlite.prepare(
        `UPDATE sms_messages SET status = 'submitting', attempts = attempts + 1, concat_ref = ?, parts_digest = ?, updated_at = ? WHERE id = ?`,
      );
      const out: ClaimedMessage[] = [];
      let budget = partsBudget;
      for (const r of rows) {
        let accepted = acceptedFrom(r.acceptedJson);
        let { concatRef, digest } = r;
        if (r.parts > 1) {
          const cut = cutDigest(r.text);
          if (accepted.size > 0 && (concatRef == null || digest == null)) {
            // Parts recorded before references were kept (a late answer under an older version):
            // the rest cannot be joined to them, so the message goes whole under a new reference.
            this.sqlite.prepare(`DELETE FROM sms_parts WHERE message_id = ?`).run(r.id);
            accepted = new Map();
          }
          if (accepted.size > 0 && digest !== cut) {
            this.failed(r.id, TEXT_CHANGED(accepted.size, r.parts));
            continue;
          }
          if (accepted.size === 0) digest = cut;
          concatRef ??= this.lastRef = (this.lastRef + 1) & 0xff;
        }
        if (accepted.size >= Math.max(1, r.parts)) {
          // Every part is with the gateway already: sending again would only duplicate them.
          this.sqlite
            .prepare(`UPDATE sms_messages SET status = 'submitted', message_id = ?, submitted_at = ?, last_error = NULL, updated_at = ? WHERE id = ?`)
            .run(accepted.get(1) ?? null, now, now, r.id);
          this.settle(r.id, null);
          continue;
        }
        const toSend = Math.max(1, r.parts - accepted.size);
        if (out.length > 0 && toSend > budget) break;
        budget -= toSend;
        mark.run(concatRef, r.parts > 1 ? digest : null, now, r.id);
        out.push({ id: r.id, batchId: r.batchId, number: r.number, text: r.text, attempts: r.attempts + 1, parts: r.parts, concatRef, accepted, toSend });
      }
      return out;
    }).immediate();
  }

  /**
   * One part of a long message was accepted (its submit_sm_resp): recorded at once, before the
   * next part goes out, so no later send repeats it.
   */
  partAccepted(messageId: number, partNo: number, gatewayId: string): void {
    this.sqlite
      .prepare(
        `INSERT INTO sms_parts (message_id, part_no, gateway_id)
           SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sms_parts WHERE message_id = ? AND part_no = ?)`,
      )
      .run(messageId, partNo, gatewayId, messageId, partNo);
  }

  /**
   * The gateway accepted every part: its ids (parts 1…n), so receipts can be matched. Parts
   * recorded as they were accepted stay as they are; receipts that came for them meanwhile
   * settle the message now.
   */
  submitted(id: number, gatewayIds: readonly string[]): void {
    const now = this.clock.now();
    const ins = this.sqlite.prepare(
      `INSERT INTO sms_parts (message_id, part_no, gateway_id)
         SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sms_parts WHERE message_id = ? AND part_no = ?)`,
    );
    this.sqlite.transaction(() => {
      const changed = this.sqlite
        .prepare(`UPDATE sms_messages SET status = 'submitted', message_id = ?, submitted_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND status = 'submitting'`)
        .run(gatewayIds[0] ?? null, now, now, id).changes;
      gatewayIds.forEach((g, i) => ins.run(id, i + 1, g, id, i + 1));
      if (changed > 0 && gatewayIds.length > 1) this.settle(id, null);
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
    const sent = this.sqlite
      .prepare(`SELECT parts, (SELECT count(DISTINCT part_no) FROM sms_parts p WHERE p.message_id = m.id) AS sent FROM sms_messages m WHERE id = ?`)
      .get(id) as { parts: number; sent: number } | undefined;
    this.sqlite
      .prepare(`UPDATE sms_messages SET status = 'unknown', last_error = ?, updated_at = ? WHERE id = ? AND status = 'submitting'`)
      .run(sent ? withPartsSent(error, sent.sent, sent.parts) : error, this.clock.now(), id);
  }

  /**
   * A delivery receipt for one part. The message is delivered when every part is, failed as soon
   * as one part fails (even while its later parts still wait to be sent: they could never be
   * joined to it). Returns the message and batch ids, or null for an id we never sent.
   */
  receipt(gatewayId: string, delivered: boolean, error: string | null): { messageId: number; batchId: number } | null {
    return this.sqlite.transaction(() => {
      const part = this.sqlite.prepare(`SELECT id, message_id AS messageId FROM sms_parts WHERE gateway_id = ? ORDER BY id DESC LIMIT 1`).get(gatewayId) as
        | { id: number; messageId: number }
        | undefined;
      if (!part) return null;
      this.sqlite.prepare(`UPDATE sms_parts SET status = ? WHERE id = ?`).run(delivered ? 'delivered' : 'failed', part.id);
      const batchId = this.settle(part.messageId, error);
      return { messageId: part.messageId, batchId };
    })();
  }

  /**
   * The message's state from its parts' receipts: failed when one part failed, delivered when
   * every part was delivered — only once it was whole ('submitted'), or 待确认 (a receipt proves
   * the parts reached the gateway once; their ids were learnt late). Returns its batch id.
   */
  private settle(messageId: number, error: string | null): number {
    const now = this.clock.now();
    const m = this.sqlite
      .prepare(
        `SELECT batch_id AS batchId, parts,
                (SELECT count(DISTINCT part_no) FROM sms_parts p WHERE p.message_id = m.id AND p.status = 'delivered') AS delivered,
                (SELECT count(*) FROM sms_parts p WHERE p.message_id = m.id AND p.status = 'failed') AS failed
           FROM sms_messages m WHERE id = ?`,
      )
      .get(messageId) as { batchId: number; parts: number; delivered: number; failed: number };
    if (m.failed > 0) {
      this.sqlite
        .prepare(`UPDATE sms_messages SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'submitted', 'delivered', 'unknown')`)
        .run(error ?? '未送达 / Not delivered', now, messageId);
    } else if (m.delivered >= m.parts) {
      this.sqlite
        .prepare(`UPDATE sms_messages SET status = 'delivered', delivered_at = ?, updated_at = ? WHERE id = ? AND status IN ('submitted', 'unknown')`)
        .run(now, now, messageId);
    }
    return m.batchId;
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
               left_out_no_mobile = ?, left_out_no_consent = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'`,
          )
          .run(b.body, b.templateId, b.scheduledAt, b.leftOut.dnd, b.leftOut.duplicate, b.leftOut.optOut, b.leftOut.noMobile, b.leftOut.noConsent, now, batchId).changes > 0;
      if (!ok) return false;
      this.sqlite.prepare(`DELETE FROM sms_messages WHERE batch_id = ?`).run(batchId);
      for (const m of b.messages) insMsg.run(batchId, m.customerId, m.number, m.text, m.parts, m.problem ? 'failed' : 'queued', m.problem ?? null, now, now);
      return true;
    }).immediate();
  }

  /**
   * Failed (and, when asked, unknown) messages of a batch go back to the queue.
   *
   * A 待确认 long message keeps its accepted parts and reference: only the parts the gateway did
   * not accept go out. A failed one goes whole, under a new reference: a part failed or was
   * refused, so the parts the handset holds can never be completed — its part records are
   * cleared in the same transaction.
   */
  resend(batchId: number, includeUnknown: boolean): number {
    const now = this.clock.now();
    return this.sqlite.transaction(() => {
      // A cancelled batch sends nothing more: requeued rows would wait for ever. The user starts a new send.
      const status = (this.sqlite.prepare('SELECT status FROM sms_batches WHERE id = ?').get(batchId) as { status: string } | undefined)?.status;
      if (status === 'cancelled') throw new AppError('CONFLICT', { reason: '批次已取消,不能重发;请重新发送一批 / The batch was cancelled and cannot be resent: start a new send' });
      const failedOnes = `SELECT id FROM sms_messages WHERE batch_id = ? AND status = 'failed' AND parts BETWEEN 1 AND 10 AND ${NOT_RESENDABLE}`;
      this.sqlite.prepare(`DELETE FROM sms_parts WHERE message_id IN (${failedOnes})`).run(batchId);
      this.sqlite.prepare(`UPDATE sms_messages SET concat_ref = NULL, parts_digest = NULL WHERE id IN (${failedOnes})`).run(batchId);
      const n = this.sqlite
        .prepare(
          `UPDATE sms_messages SET status = 'queued', updated_at = ? WHERE batch_id = ? AND (status = 'failed' ${includeUnknown ? "OR status = 'unknown'" : ''})
             AND parts BETWEEN 1 AND 10 AND ${NOT_RESENDABLE}`,
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
