import type { Clock } from '../../clock';

/**
 * Failures per key (a client address) in a sliding window: after `limit` failures within
 * `windowMs` the key is refused until the oldest one ages out. In memory on purpose: it slows a
 * guesser on the LAN down; the lasting bound is the per-code limit kept in the database.
 */
export class FailureWindow {
  private failures = new Map<string, number[]>();

  constructor(
    private clock: Clock,
    private limit: number,
    private windowMs: number,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.limit;
  }

  fail(key: string): void {
    const kept = this.recent(key);
    kept.push(this.clock.now());
    this.failures.set(key, kept);
    // Many addresses that failed once and never came back must not grow the map for ever.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k);
  }
}
