/**
 * The desktop's seat mode and the `seat.*` methods, answered by the main process itself: on first
 * start there is no core yet (the user has not said whether this PC keeps its own database or
 * connects to a host), and a client seat never has one. No `electron` import: tested under Node.
 *
 * Modes: 'unset' (first start, the renderer shows 本机 / 连接到主机), 'local' (own core, as before
 * seats existed), 'client' (forwards to the host). A PC that already has a database from before
 * seats existed and no seat.json is 'local' without asking.
 */
import { api } from '../common/api';
import type { ApiResult } from '../common/api/contract';
import type { HostProbe, LinkStatus, SeatStatus } from '../common/api/seat-mode';
import { apiVersion } from '../common/api/version';
import { errorMessage, pickLocale } from '../common/i18n/errors';
import { helloUnpinned, localError, normaliseHostUrl, pairSeat } from '../node/host-client/host-client';
import { loadSeatConfig, saveSeatConfig, type SeatConfig } from '../node/host-client/seat-config';

type ClientConfig = Extract<SeatConfig, { mode: 'client' }>;

export interface SeatGateOptions {
  configPath: string;
  /** The data folder already holds a database (an install from before seats existed). */
  hasLocalData(): boolean;
  /** Opens the local core and its IPC transport; false when it could not (the user was told). */
  startLocal(): Promise<boolean>;
  /** Starts forwarding to the host; resolves when its first check of the host is done. */
  startClient(config: ClientConfig): Promise<void>;
  stopClient(): Promise<void>;
  /** The running client's link, null before it is started. */
  link(): LinkStatus | null;
  /** The host's versions as last seen, for the API_VERSION_MISMATCH message. */
  hostVersions(): { hostApp: string; hostApi: string } | null;
}

/** How long the first screen waits for the host's answer before showing the login anyway. */
const FIRST_CHECK_WAIT_MS = 6_000;

/** Problems that pairing again cures, so the pairing form is offered instead of the login. */
const REPAIRABLE = new Set(['HOST_CERT_CHANGED', 'SEAT_REVOKED', 'SEAT_UNKNOWN']);

export class SeatGate {
  private config: SeatConfig | null = null;
  private busy = false;
  /** The client's first look at the host: seat.status waits for it (briefly) so the first screen is right. */
  private firstCheck: Promise<void> = Promise.resolve();

  constructor(private readonly opts: SeatGateOptions) {}

  /** Reads seat.json (throws SeatConfigError on a damaged one) and starts the chosen mode. */
  async start(): Promise<SeatStatus['mode']> {
    this.config = loadSeatConfig(this.opts.configPath) ?? (this.opts.hasLocalData() ? { mode: 'local' } : null);
    if (this.config?.mode === 'local') await this.opts.startLocal();
    else if (this.config?.mode === 'client') this.firstCheck = this.opts.startClient(this.config);
    return this.mode();
  }

  mode(): 'unset' | 'local' | 'client' {
    return this.config?.mode ?? 'unset';
  }

  status(locale?: string | null): SeatStatus {
    const c = this.config;
    if (!c) return { mode: 'unset' };
    if (c.mode === 'local') return { mode: 'local' };
    const link = this.opts.link() ?? { state: 'connected' };
    const problemMessage = link.state === 'refused' ? errorMessage(link.problem, pickLocale(locale), this.opts.hostVersions() ?? { hostApp: '?', hostApi: '?' }) : null;
    return { mode: 'client', hostUrl: c.hostUrl, seatName: c.seatName, fingerprint: c.fingerprint, link, problemMessage };
  }

  /** The answer to a `seat.*` call, or null for every other method (the transport's). */
  async handle(method: unknown, input: unknown, locale?: string | null): Promise<ApiResult<unknown> | null> {
    if (typeof method !== 'string' || !method.startsWith('seat.') || !Object.hasOwn(api, method)) return null;
    const def = api[method as keyof typeof api];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return localError('INVALID_INPUT', locale, { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    if (method === 'seat.status') {
      await Promise.race([this.firstCheck, new Promise((r) => setTimeout(r, FIRST_CHECK_WAIT_MS).unref())]);
      return { ok: true, value: this.status(locale) };
    }
    // One change at a time: a double click must not pair twice or open the database twice.
    if (this.busy) return localError('CONFLICT', locale);
    this.busy = true;
    try {
      if (method === 'seat.probe') return await this.probe((parsed.data as { hostUrl: string }).hostUrl, locale);
      if (method === 'seat.pair') return await this.pair(parsed.data as { hostUrl: string; fingerprint: string; code: string; seatName: string }, locale);
      return await this.useLocal(locale);
    } finally {
      this.busy = false;
    }
  }

  /** Pairing is for a PC not set up yet, or a client seat the host now refuses (pair again). */
  private mayPair(): boolean {
    if (!this.config) return true;
    if (this.config.mode === 'local') return false;
    const link = this.opts.link();
    return link?.state === 'refused' && REPAIRABLE.has(link.problem);
  }

  private async probe(text: string, locale?: string | null): Promise<ApiResult<HostProbe>> {
    if (!this.mayPair()) return localError('CONFLICT', locale);
    let url: URL;
    try {
      url = normaliseHostUrl(text);
    } catch {
      return localError('INVALID_INPUT', locale, { issues: 'hostUrl' });
    }
    const r = await helloUnpinned(url);
    if ('error' in r) return localError(r.error, locale);
    const { hello, pin } = r;
    return { ok: true, value: { hostUrl: url.href, hostName: hello.hostName, appVersion: hello.appVersion, apiVersion: hello.apiVersion, fingerprint: pin.fingerprint, sameVersion: hello.apiVersion === apiVersion() } };
  }

  private async pair(input: { hostUrl: string; fingerprint: string; code: string; seatName: string }, locale?: string | null): Promise<ApiResult<SeatStatus>> {
    if (!this.mayPair()) return localError('CONFLICT', locale);
    let url: URL;
    try {
      url = normaliseHostUrl(input.hostUrl);
    } catch {
      return localError('INVALID_INPUT', locale, { issues: 'hostUrl' });
    }
    // The certificate is fetched again and must be the one the user compared; the code then goes
    // only over a connection pinned to it.
    const seen = await helloUnpinned(url);
    if ('error' in seen) return localError(seen.error, locale);
    if (seen.pin.fingerprint !== input.fingerprint) return localError('HOST_CERT_CHANGED', locale);
    if (seen.hello.apiVersion !== apiVersion()) {
      return { ok: false, error: { code: 'API_VERSION_MISMATCH', message: errorMessage('API_VERSION_MISMATCH', pickLocale(locale), { hostApp: seen.hello.appVersion, hostApi: seen.hello.apiVersion }) } };
    }
    const paired = await pairSeat(url, seen.pin, input.code, input.seatName, locale);
    if (!paired.ok) return paired;
    const config: ClientConfig = { mode: 'client', hostUrl: url.href, fingerprint: seen.pin.fingerprint, certPem: seen.pin.certPem, seatToken: paired.value.seatToken, seatName: paired.value.seatName };
    saveSeatConfig(this.opts.configPath, config);
    if (this.config?.mode === 'client') await this.opts.stopClient();
    this.config = config;
    this.firstCheck = this.opts.startClient(config);
    await this.firstCheck;
    return { ok: true, value: this.status(locale) };
  }

  private async useLocal(locale?: string | null): Promise<ApiResult<SeatStatus>> {
    if (this.config) return this.config.mode === 'local' ? { ok: true, value: this.status(locale) } : localError('CONFLICT', locale);
    if (!(await this.opts.startLocal())) return localError('INTERNAL', locale);
    saveSeatConfig(this.opts.configPath, { mode: 'local' });
    this.config = { mode: 'local' };
    return { ok: true, value: this.status(locale) };
  }
}
