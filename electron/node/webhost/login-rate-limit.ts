import type { Clock } from '../clock';

/** Failed logins one LAN address may have in LOGIN_FAILURE_WINDOW_MS before its logins are refused. */
export const LOGIN_FAILURES_PER_ADDRESS = 20;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per LAN address in a sliding window (issue 15): one PC on the LAN guessing
 * passwords across many accounts gets TOO_MANY_ATTEMPTS for every further login — right or
 * wrong password — until its oldest failure is older than the window. Besides, not instead of,
 * the per-account lockout (AuthService) and the 4 logins at once per address (AttemptLimiter).
 * In memory on purpose: a host restart forgives, the per-account lock in the database does not.
 */
export class LoginRateLimit {
  private failures = new Map<string, number[]>();

  constructor(
    private clock: Clock,
    private limit = LOGIN_FAILURES_PER_ADDRESS,
    private windowMs = LOGIN_FAILURE_WINDOW_MS,
  ) {}

  private recent(address: string): number[] {
    const since = this.clock.now() - this.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(address, kept);
    else this.failures.delete(address);
    return kept;
  }

  /** Whether logins from this address are refused now. */
  blocked(address: string): boolean {
    return this.recent(address).length >= this.limit;
  }

  /** Minutes until the address may try again (at least 1), for the audit row. */
  minutesLeft(address: string): number {
    const oldest = this.recent(address)[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - this.clock.now()) / 60_000));
  }

  failed(address: string): void {
    const kept = this.recent(address);
    kept.push(this.clock.now());
    this.failures.set(address, kept);
    // Many addresses that failed once and never came back must not grow the map for ever.
    if (this.failures.size > 10_000) for (const a of [...this.failures.keys()]) this.recent(a);
  }
}
