/**
 * SMS per core: the outbox, the running channels with their senders, delivery receipts and
 * inbound messages, and live batch progress on the event channel. Made on first use
 * (core.services.sms, electron/node/services.ts); on creation it recovers what a crash left in flight.
 */
import type { Core } from '../../core';
import { todayIn } from '../../../common/dates';
import type { SmsChannel } from './channel';
import { SmsOutbox, type BatchCounts, type SmsChannelKind } from './outbox';
import { isOptOutReply } from './recipients';
import { SmsSender } from './sender';
import { ModemChannel } from './modem-channel';
import { modemConfigOf, smppConfigOf } from './settings';
import { SmppChannel, type SmppLateAccepted } from './smpp-channel';

export interface Receipt {
  gatewayId: string;
  delivered: boolean;
  error: string | null;
}

export interface ChannelRun {
  channel: SmsChannel;
  sender: SmsSender;
}

export interface BatchProgress extends BatchCounts {
  batchId: number;
  status: string;
}

/** A receipt or reply whose write failed is tried again this often (1 s, 2 s … apart), then logged as lost. */
const EVENT_WRITE_ATTEMPTS = 5;

export class SmsService {
  readonly outbox: SmsOutbox;
  /** How many messages were found in flight (→ unknown) at start-up. */
  readonly recovered: number;
  private runs = new Map<SmsChannelKind, ChannelRun>();
  private progressTimer: NodeJS.Timeout | null = null;
  private dirty = new Set<number>();
  private early = new Map<string, Receipt>();
  private started = false;

  constructor(private readonly core: Pick<Core, 'clock' | 'dataDir' | 'events' | 'settings' | 'sqlite'>) {
    this.outbox = new SmsOutbox(core.sqlite, core.clock);
    this.recovered = this.outbox.recover();
  }

  /** Starts sending through a channel (replacing a running one of the same kind). */
  async attach(channel: SmsChannel, opts: { window: number; ratePerSecond: number }): Promise<void> {
    await this.detach(channel.kind);
    const sender = new SmsSender(this.outbox, channel, {
      window: opts.window,
      ratePerSecond: opts.ratePerSecond,
      onChange: (ids) => this.markDirty(ids),
      onSubmitted: (ids) => {
        for (const id of ids) {
          const early = this.early.get(id);
          if (early) {
            this.early.delete(id);
            this.applyReceipt(early);
          }
        }
      },
    });
    const ev = channel as unknown as NodeJS.EventEmitter;
    if (typeof ev.on === 'function') {
      // Gateway events arrive on the socket, outside any request: a write that fails here (the
      // database busy or damaged) is logged and retried, never thrown — an uncaught throw from an
      // event handler ended the whole process, and with it every user's session.
      ev.on('receipt', (r: Receipt) => this.onReceipt(r));
      ev.on('inbound', (m: { number: string; text: string }) => this.onInbound(m.number, m.text));
      ev.on('lateAccepted', (l: SmppLateAccepted) => {
        try {
          this.outbox.lateAccepted(l.ref, l.partNo, l.gatewayId);
          const early = this.early.get(l.gatewayId);
          if (early) {
            this.early.delete(l.gatewayId);
            this.onReceipt(early);
          }
        } catch (err) {
          console.error('[sms] late submit answer not recorded:', err);
        }
      });
    }
    this.runs.set(channel.kind, { channel, sender });
    channel.start();
    sender.start();
    this.progressTimer ??= setInterval(() => this.flushProgress(), 500);
  }

  async detach(kind: SmsChannelKind): Promise<void> {
    const run = this.runs.get(kind);
    if (!run) return;
    this.runs.delete(kind);
    await run.sender.stop();
    await run.channel.close();
  }

  /**
   * Starts the channels enabled in the settings, once per core: queued messages left by the
   * previous run go out without anyone touching the batch.
   */
  ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    void this.restartChannels();
  }

  /** After the settings changed: the channels as configured now. */
  async restartChannels(): Promise<void> {
    this.started = true;
    const smpp = smppConfigOf(this.core);
    if (smpp?.enabled && smpp.systemId) {
      await this.attach(new SmppChannel(smpp), { window: smpp.windowSize, ratePerSecond: smpp.ratePerSecond });
    } else await this.detach('smpp');
    const modem = modemConfigOf(this.core);
    if (modem?.enabled && modem.path) {
      // One message at a time: a modem has one radio.
      await this.attach(new ModemChannel({ path: modem.path, baudRate: modem.baudRate }), { window: 1, ratePerSecond: modem.ratePerSecond });
    } else await this.detach('modem');
  }

  channel(kind: SmsChannelKind): SmsChannel | null {
    return this.runs.get(kind)?.channel ?? null;
  }

  /** New work (a batch created, resumed, resent): senders look now. */
  kick(): void {
    for (const r of this.runs.values()) r.sender.kick();
  }

  /** Scheduled batches whose time has come start sending (the scheduler's job calls this). */
  sendDueBatches(now = this.core.clock.now()): number[] {
    const ids = this.outbox.startDue(now);
    if (ids.length) {
      this.markDirty(ids);
      this.kick();
    }
    return ids;
  }

  /**
   * An inbound message (MO): stored and matched to the customer by number; TD / 退订 / T opts the
   * number out (and sets the customers' 免打扰 for SMS and withdraws their consent to commercial
   * messages, each audited as a system change).
   */
  inbound(number: string, text: string): { customerId: number | null; optOut: boolean } {
    const s = this.core.sqlite;
    const now = this.core.clock.now();
    const optOut = isOptOutReply(text);
    return s.transaction(() => {
      const owners = s.prepare(`SELECT DISTINCT customer_id AS id FROM customer_phones WHERE normalized = ? ORDER BY customer_id`).all(number) as { id: number }[];
      const customerId = owners[0]?.id ?? null;
      s.prepare(`INSERT INTO sms_inbound (number, text, customer_id, opt_out, received_at) VALUES (?, ?, ?, ?, ?)`).run(number, text, customerId, optOut ? 1 : 0, now);
      if (optOut) {
        s.prepare(`INSERT INTO sms_opt_outs (number, source, created_at) VALUES (?, 'reply', ?) ON CONFLICT(number) DO NOTHING`).run(number, now);
        // 退订 also withdraws consent to commercial messages (reference/003), dated today in the dealer's zone:
        // one change of the customer (one version, one audit row) with what moved.
        const today = todayIn(this.core.settings.get('dealer.timeZone'), now);
        const read = s.prepare(`SELECT dnd_sms AS dnd, consent_status AS consent FROM customers WHERE id = ?`);
        const upd = s.prepare(
          // A customer already withdrawn keeps the day it happened (SET reads the row as it was); only 免打扰 moves.
          `UPDATE customers SET version = version + 1, dnd_sms = 1, consent_status = 'withdrawn',
             consent_withdrawn_date = CASE WHEN consent_status = 'withdrawn' THEN consent_withdrawn_date ELSE ? END, updated_at = ? WHERE id = ?`,
        );
        const audit = s.prepare(
          `INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, NULL, 'update', 'customer', ?, ?, ?)`,
        );
        for (const o of owners) {
          const b = read.get(o.id) as { dnd: number; consent: string | null } | undefined;
          if (!b || (b.dnd === 1 && b.consent === 'withdrawn')) continue;
          const before: Record<string, unknown> = {};
          const after: Record<string, unknown> = {};
          if (b.dnd === 0) [before.dndSms, after.dndSms] = [false, true];
          if (b.consent !== 'withdrawn') {
            [before.consentStatus, after.consentStatus, after.consentWithdrawnDate] = [b.consent, 'withdrawn', today];
          }
          upd.run(today, now, o.id);
          audit.run(now, String(o.id), JSON.stringify(before), JSON.stringify({ ...after, reason: `短信回复退订:${text}` }));
        }
      }
      return { customerId, optOut };
    })();
  }

  progress(batchId: number): BatchProgress {
    const gatewayThrottled = [...this.runs.values()].some((r) => r.sender.throttled);
    return { batchId, status: this.outbox.batchStatus(batchId) ?? 'unknown', ...this.outbox.counts(batchId), gatewayThrottled };
  }

  private onReceipt(r: Receipt, attempt = 1): void {
    try {
      if (!this.applyReceipt(r)) this.keepEarly(r);
    } catch (err) {
      console.error(`[sms] receipt ${r.gatewayId} not recorded (attempt ${attempt}):`, err);
      if (attempt < EVENT_WRITE_ATTEMPTS) setTimeout(() => this.onReceipt(r, attempt + 1), attempt * 1000).unref();
    }
  }

  private onInbound(number: string, text: string, attempt = 1): void {
    try {
      this.inbound(number, text);
    } catch (err) {
      console.error(`[sms] reply from ${number.slice(0, -4)}**** not recorded (attempt ${attempt}):`, err);
      if (attempt < EVENT_WRITE_ATTEMPTS) setTimeout(() => this.onInbound(number, text, attempt + 1), attempt * 1000).unref();
    }
  }

  private applyReceipt(r: Receipt): boolean {
    const hit = this.outbox.receipt(r.gatewayId, r.delivered, r.error);
    if (hit) this.markDirty([hit.batchId]);
    return hit !== null;
  }

  /**
   * A gateway may send the receipt before our side has processed the submit response that told
   * us the id (both arrive on the same socket, a few bytes apart). Such receipts wait here until
   * the id is recorded; a bounded map, so ids we never sent cannot grow it without limit.
   */
  private keepEarly(r: Receipt): void {
    if (this.early.size >= 10_000) {
      const oldest = this.early.keys().next().value;
      if (oldest !== undefined) this.early.delete(oldest);
    }
    this.early.set(r.gatewayId, r);
  }

  private markDirty(ids: Iterable<number>): void {
    for (const id of ids) this.dirty.add(id);
  }

  /** Progress of the changed batches to their creators, at most twice a second. */
  private flushProgress(): void {
    for (const b of this.outbox.finishBatches()) this.dirty.add(b);
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const row = this.core.sqlite.prepare(`SELECT created_by AS createdBy FROM sms_batches WHERE id = ?`).get(id) as { createdBy: number | null } | undefined;
      if (!row) continue;
      const p = this.progress(id);
      this.core.events.publish(row.createdBy != null ? { userId: row.createdBy } : 'all', 'sms.batch', p);
    }
  }

  async stop(): Promise<void> {
    if (this.progressTimer) clearInterval(this.progressTimer);
    this.progressTimer = null;
    for (const k of [...this.runs.keys()]) await this.detach(k);
  }
}

/** For the scheduler's job registry: starts the scheduled batches that are due. */
export function sendDueBatches(core: Pick<Core, 'services'>, now: number): number[] {
  return core.services.sms.sendDueBatches(now);
}
