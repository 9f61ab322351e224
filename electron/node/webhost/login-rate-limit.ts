import type { Clock } from '../clock';
import { FailureWindow } from '../features/seats/failure-window';

/** Failed logins one LAN address may have in LOGIN_FAILURE_WINDOW_MS before its logins are refused. */
export const LOGIN_FAILURES_PER_ADDRESS = 20;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per LAN address in a sliding window (issue 15): one PC on the LAN guessing
 * passwords across many accounts gets TOO_MANY_ATTEMPTS for every further login — right or
 * wrong password — until its oldest failure is older than the window. Besides, not instead of,
 * the per-account lockout (AuthService) and the 4 logins at once per address (AttemptLimiter).
 * In memory, like the pairing limit: a host restart forgives, the per-account lock in the database does not.
 */
export const loginRateLimit = (clock: Clock) => new FailureWindow(clock, LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURE_WINDOW_MS);
