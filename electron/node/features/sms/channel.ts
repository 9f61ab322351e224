/** What the outbox's sender needs from a channel (SMPP gateway, GSM modem). */

export interface OutgoingSms {
  /** Normalised number, 86… */
  number: string;
  text: string;
  /** The outbox's message id: a late answer from the gateway names it (SMPP 'lateAccepted'). */
  ref?: number;
  /**
   * The concatenation UDH reference (0–255) of a long message, kept by the outbox: a message
   * finished after a drop, a crash or 重发 must carry the one its earlier parts had, or the
   * handset cannot join them. Absent: the channel picks one.
   */
  concatRef?: number;
  /** Parts (1-based) the gateway accepted earlier, with their ids: never sent again. */
  accepted?: ReadonlyMap<number, string>;
  /**
   * Called as each part is accepted, before the next one goes out, so the outbox records it at
   * once: whatever happens to the later parts, this one is never sent again. A throw here stops
   * the message (its fate is then unknown).
   */
  onPartAccepted?: (partNo: number, gatewayId: string) => void;
}

/**
 * Why a submit failed, and what that means for the message:
 * - 'not_sent': the part being sent certainly did not go out (not connected, refused before
 *   writing) → queue again; parts accepted before it are recorded and not sent again;
 * - 'maybe': it was on the wire when the link dropped or timed out → 'unknown', never re-sent;
 * - 'rejected': the gateway answered with an error for this message → failed;
 * - 'incomplete': earlier parts were accepted and the gateway kept refusing the next one as too
 *   fast → 'unknown' (待确认): the handset holds a fragment, a person decides; 重发 sends only
 *   the parts not accepted.
 */
export type SubmitFailure = 'not_sent' | 'maybe' | 'rejected' | 'incomplete';

export class ChannelError extends Error {
  constructor(
    readonly failure: SubmitFailure,
    message: string,
    /** The gateway said "too fast" (ESME_RTHROTTLED / ESME_RMSGQFUL): slow down, do not hammer it. */
    readonly throttled = false,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface SmsChannel {
  readonly kind: 'smpp' | 'modem';
  /** Ready to take submits now (bound / modem answering). */
  readonly ready: boolean;
  /** Connects (and keeps reconnecting) in the background. */
  start(): void;
  /** Resolves with the gateway's id of every part (those in `accepted` included), in part order. */
  submit(sms: OutgoingSms): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Token bucket: at most `perSecond` submit_sm a second, with a burst of a tenth of a second's worth.
 * A gateway counts in a sliding second: a burst of a whole second's worth could put twice the
 * rate into one of its seconds and meet "too fast" at once.
 */
const burstOf = (perSecond: number) => Math.max(1, perSecond / 10);

export class RateLimiter {
  private tokens: number;
  private last: number;
  constructor(
    private perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burstOf(perSecond);
    this.last = this.now();
  }
  setRate(perSecond: number): void {
    this.perSecond = perSecond;
  }
  /** How many may go now (and takes them). */
  take(max: number): number {
    const t = this.now();
    const burst = burstOf(this.perSecond);
    this.tokens = Math.min(burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    const n = Math.max(0, Math.min(max, Math.floor(this.tokens)));
    this.tokens -= n;
    return n;
  }
  /** More went out than was taken (a long message is several submit_sm): the debt delays what follows. */
  spend(n: number): void {
    this.tokens -= n;
  }
  /** Tokens taken but not used go back. */
  refund(n: number): void {
    this.tokens += n;
  }
  /** Milliseconds until the next token. */
  waitMs(): number {
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}
