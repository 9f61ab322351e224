/** Reconnect delays for the link to the host: 0.5 s, doubling, at most 15 s (LAN protocol). */
export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

export class Backoff {
  private next = BACKOFF_MIN_MS;
  constructor(
    private readonly min = BACKOFF_MIN_MS,
    private readonly max = BACKOFF_MAX_MS,
  ) {
    this.next = min;
  }
  /** The delay before the next try; each call doubles the one after it, up to the cap. */
  take(): number {
    const d = this.next;
    this.next = Math.min(this.next * 2, this.max);
    return d;
  }
  reset(): void {
    this.next = this.min;
  }
}
