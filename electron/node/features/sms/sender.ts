/**
 * Drains the outbox through one channel: claims queued messages (committed as 'submitting'),
 * keeps at most `window` submits outstanding, respects the channel's rate limit, and records each
 * outcome. It never re-sends a message whose fate is unknown, and never a part the gateway
 * accepted: each accepted part of a long message is recorded before the next one goes out.
 */
import { ChannelError, RateLimiter, type SmsChannel } from './channel';
import type { ClaimedMessage, SmsOutbox } from './outbox';

/** A message the gateway keeps refusing as "too fast" is given up after this many tries. */
export const MAX_THROTTLED_ATTEMPTS = 8;
/** After "too fast", nothing is sent for this long; the rate is halved too. */
const THROTTLE_PAUSE_MS = 1000;
/** How long the batch view keeps saying 网关限流 after the last "too fast". */
const THROTTLE_SHOWN_MS = 5000;

export interface SenderOptions {
  window: number;
  ratePerSecond: number;
  /** Called after messages of a batch changed state (progress events); throttled by the caller. */
  onChange?: (batchIds: ReadonlySet<number>) => void;
  /** After the gateway ids of a message were recorded (receipts that came first are applied then). */
  onSubmitted?: (gatewayIds: readonly string[]) => void;
  /** Idle poll interval when nothing is queued (ms). */
  idleMs?: number;
}

export class SmsSender {
  private inFlight = 0;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private readonly limiter: RateLimiter;
  private changed = new Set<number>();
  private drained: (() => void)[] = [];
  /** The rate in force: the configured one, halved on each "too fast", creeping back on success (AIMD). */
  private rate: number;
  private pausedUntil = 0;
  private lastThrottleAt = -Infinity;
  private lastIncreaseAt = -Infinity;

  constructor(
    private readonly outbox: SmsOutbox,
    private readonly channel: SmsChannel,
    private readonly opts: SenderOptions,
  ) {
    this.rate = opts.ratePerSecond;
    this.limiter = new RateLimiter(opts.ratePerSecond);
  }

  /** The gateway said "too fast" within the last few seconds (the batch view shows 网关限流). */
  get throttled(): boolean {
    return performance.now() - this.lastThrottleAt < THROTTLE_SHOWN_MS;
  }

  /** The rate (submit_sm per second) in force now. */
  get currentRate(): number {
    return this.rate;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  /** Something was queued or a batch resumed: look now instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    while (this.inFlight > 0) await new Promise<void>((r) => this.drained.push(r));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wake = null;
        resolve();
      };
      this.wake = done;
      this.timer = setTimeout(done, ms);
    });
  }

  private async loop(): Promise<void> {
    const idle = this.opts.idleMs ?? 500;
    while (this.running) {
      if (!this.channel.ready) {
        await this.sleep(100);
        continue;
      }
      const pause = this.pausedUntil - performance.now();
      if (pause > 0) {
        await this.sleep(pause);
        continue;
      }
      const room = this.opts.window - this.inFlight;
      if (room <= 0) {
        await this.sleep(idle);
        continue;
      }
      const allowed = this.limiter.take(room);
      if (allowed === 0) {
        await this.sleep(Math.max(1, this.limiter.waitMs()));
        continue;
      }
      // The rate counts submit_sm PDUs, as the gateway does: a 3-part message spends 3 tokens.
      const claimed = this.outbox.claim(this.channel.kind, allowed, allowed);
      const parts = claimed.reduce((n, m) => n + m.toSend, 0);
      this.limiter.refund(allowed - parts); // negative when one long message is more than a second's worth
      if (claimed.length === 0) {
        this.flushChanges();
        await this.sleep(idle);
        continue;
      }
      for (const m of claimed) {
        this.inFlight++;
        this.channel
          .submit({
            number: m.number,
            text: m.text,
            ref: m.id,
            concatRef: m.concatRef ?? undefined,
            accepted: m.accepted,
            // A single part is recorded with the message (one write); a long message part by part.
            onPartAccepted:
              m.parts > 1
                ? (partNo, gatewayId) => {
                    this.outbox.partAccepted(m.id, partNo, gatewayId);
                    this.opts.onSubmitted?.([gatewayId]);
                  }
                : undefined,
          })
          .then(
            (ids) => {
              this.outbox.submitted(m.id, ids);
              this.opts.onSubmitted?.(ids);
              this.speedUp();
            },
            (e: unknown) => this.record(m, e),
          )
          .catch((e: unknown) => this.record(m, e))
          .finally(() => {
            this.inFlight--;
            this.changed.add(m.batchId);
            if (this.inFlight === 0) for (const r of this.drained.splice(0)) r();
            this.kick();
          });
      }
      // Let the submits reach the wire before the next claim.
      await new Promise<void>((r) => setImmediate(r));
    }
    this.flushChanges();
  }

  private record(m: ClaimedMessage, e: unknown): void {
    const id = m.id;
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof ChannelError && e.throttled) {
      this.slowDown();
      // Earlier parts are with the handset and the gateway would not take the next one: 待确认.
      if (e.failure === 'incomplete') this.outbox.unknown(id, msg);
      else if (m.attempts >= MAX_THROTTLED_ATTEMPTS) {
        this.outbox.failed(id, `网关持续限流,已尝试 ${m.attempts} 次,可稍后重发 / The gateway kept throttling after ${m.attempts} tries; resend later`);
      } else this.outbox.requeue(id, msg);
    } else if (e instanceof ChannelError && e.failure === 'not_sent') this.outbox.requeue(id, msg);
    else if (e instanceof ChannelError && e.failure === 'rejected') this.outbox.failed(id, msg);
    else this.outbox.unknown(id, msg);
  }

  /**
   * "Too fast": halve the rate and pause, once per burst of refusals (the window's other submits
   * answer "too fast" too; halving for each would drop to nothing). A gateway may block an
   * account that keeps hammering it.
   */
  private slowDown(): void {
    const now = performance.now();
    if (now < this.pausedUntil) return;
    this.lastThrottleAt = now;
    this.lastIncreaseAt = now;
    this.rate = Math.max(1, this.rate / 2);
    this.limiter.setRate(this.rate);
    this.pausedUntil = now + THROTTLE_PAUSE_MS;
  }

  /** Accepted messages probe back up: at most once a second, by a twentieth of the configured rate. */
  private speedUp(): void {
    const now = performance.now();
    if (this.rate >= this.opts.ratePerSecond || now - this.lastIncreaseAt < 1000) return;
    this.lastIncreaseAt = now;
    this.rate = Math.min(this.opts.ratePerSecond, this.rate + Math.max(1, this.opts.ratePerSecond / 20));
    this.limiter.setRate(this.rate);
  }

  private flushChanges(): void {
    const done = this.outbox.finishBatches();
    for (const b of done) this.changed.add(b);
    if (this.changed.size > 0 && this.opts.onChange) this.opts.onChange(this.changed);
    this.changed = new Set();
  }

  /** For progress reporting while sending (the service calls it on a timer). */
  takeChanges(): ReadonlySet<number> {
    const c = this.changed;
    this.changed = new Set();
    return c;
  }
}
