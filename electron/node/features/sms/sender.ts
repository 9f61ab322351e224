/**
 * Drains the outbox through one channel: claims queued messages (committed as 'submitting'),
 * keeps at most `window` submits outstanding, respects the channel's rate limit, and records each
 * outcome. It never re-sends a message whose fate is unknown.
 */
import { ChannelError, RateLimiter, type SmsChannel } from './channel';
import type { SmsOutbox } from './outbox';

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

  constructor(
    private readonly outbox: SmsOutbox,
    private readonly channel: SmsChannel,
    private readonly opts: SenderOptions,
  ) {
    this.limiter = new RateLimiter(opts.ratePerSecond);
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
      const claimed = this.outbox.claim(this.channel.kind, allowed);
      if (claimed.length < allowed) this.limiter.refund(allowed - claimed.length);
      if (claimed.length === 0) {
        this.flushChanges();
        await this.sleep(idle);
        continue;
      }
      for (const m of claimed) {
        this.inFlight++;
        this.channel
          .submit({ number: m.number, text: m.text })
          .then(
            (ids) => {
              this.outbox.submitted(m.id, ids);
              this.opts.onSubmitted?.(ids);
            },
            (e: unknown) => this.record(m.id, e),
          )
          .catch((e: unknown) => this.record(m.id, e))
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

  private record(id: number, e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof ChannelError && e.failure === 'not_sent') this.outbox.requeue(id, msg);
    else if (e instanceof ChannelError && e.failure === 'rejected') this.outbox.failed(id, msg);
    else this.outbox.unknown(id, msg);
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
