/**
 * A client seat's connection to its host over the LAN (issue 15): the same API as the web host's
 * POST /api/<method>, /upload, /media and /ws, but from the desktop's main process, so the session
 * token stays out of the renderer (it travels as the dscrm_session cookie, which main reads from the
 * login's Set-Cookie), every request carries the seat token and the API version, and every
 * connection is pinned to the host certificate seen at pairing.
 *
 * A request the host cannot be reached for fails at once with HOST_UNREACHABLE and is never
 * queued or retried: a write the user believes failed must not happen later behind their back.
 * Plain Node only (no electron import): tested against a real HTTPS server on loopback.
 */
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { Readable } from 'node:stream';
import type { ApiResult, ErrorCode } from '../../common/api/contract';
import type { EventMessage } from '../../common/api/events';
import type { SeatProblem } from '../../common/api/seat-mode';
import { apiVersion } from '../../common/api/version';
import { errorMessage, pickLocale } from '../../common/i18n/errors';
import type { SessionChange } from '../dispatch';
import type { Uploaded } from '../uploads/upload-store';
import { EventSocket, type StopReason } from './event-socket';
import { HostLink, type ProbeOutcome } from './host-link';
import { fingerprintOf, isCertRefusal, pemOf, pinnedTls, type HostPin } from './pinning';

export const SEAT_HEADER = 'x-dscrm-seat';
export const API_HEADER = 'x-dscrm-api';
export const SESSION_COOKIE = 'dscrm_session';

/** Connecting (TCP + TLS) must not take longer: a switched-off host PC drops packets silently. */
const CONNECT_TIMEOUT_MS = 5_000;
/** An answer must start within this; past it the call fails (the host may be hung). */
const ANSWER_TIMEOUT_MS = 60_000;

export interface HostHello {
  product: 'DS-CRM';
  appVersion: string;
  apiVersion: string;
  hostName: string;
  fingerprint: string;
}

export interface PairedSeat {
  seatId: number;
  seatToken: string;
  seatName: string;
  appVersion: string;
  apiVersion: string;
}

export interface CallOptions {
  sessionToken: string | null;
  locale?: string | null;
}

export interface InvokeOutcome {
  result: ApiResult<unknown>;
  sessionChange: SessionChange;
}

/** Why a request got no answer from the host. */
class NoAnswer extends Error {
  constructor(
    readonly kind: 'HOST_CERT_CHANGED' | 'HOST_UNREACHABLE',
    cause: unknown,
  ) {
    super(`${kind}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The certificate the host presented (for the unpinned hello of pairing). */
  peer: HostPin | null;
}

type TlsOptions = Pick<https.RequestOptions, 'ca' | 'rejectUnauthorized' | 'checkServerIdentity' | 'agent'>;

/**
 * One HTTPS exchange. Fails with NoAnswer when no HTTP answer arrived: refused certificate
 * (nothing was sent — TLS stops before the request) or a network failure / timeout.
 */
function exchange(url: URL, method: string, headers: Record<string, string>, body: Buffer | null, tls: TlsOptions, stream = false): Promise<RawAnswer & { res?: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers: body ? { ...headers, 'content-length': String(body.length) } : headers, ...tls }, (res) => {
      clearTimeout(connectTimer);
      const socket = res.socket as TLSSocket;
      const raw = socket.getPeerCertificate?.(true)?.raw;
      const peer = raw ? { certPem: pemOf(raw), fingerprint: fingerprintOf(pemOf(raw)) } : null;
      if (stream) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0), peer, res });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), peer }));
      res.on('error', (err) => reject(new NoAnswer('HOST_UNREACHABLE', err)));
    });
    const connectTimer = setTimeout(() => req.destroy(new Error('connect timeout')), CONNECT_TIMEOUT_MS);
    req.on('socket', (s) => {
      // A kept-alive socket is already through its handshake.
      if (req.reusedSocket) clearTimeout(connectTimer);
      else s.once('secureConnect', () => clearTimeout(connectTimer));
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error('answer timeout')));
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      reject(new NoAnswer(isCertRefusal(err) ? 'HOST_CERT_CHANGED' : 'HOST_UNREACHABLE', err));
    });
    req.end(body ?? undefined);
  });
}

function isResult(v: unknown): v is ApiResult<unknown> {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  const r = v as { ok: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'object' && r.error !== null && typeof (r.error as { code?: unknown }).code === 'string');
}

/** A refusal the client makes itself, in the caller's language. */
export function localError(code: ErrorCode, locale?: string | null, details: Record<string, unknown> = {}): ApiResult<never> {
  return { ok: false, error: { code, message: errorMessage(code, pickLocale(locale), details) } };
}

/** What the login (or logout, expiry) asked the transport to do with its session, from Set-Cookie. */
export function sessionChangeOf(setCookie: string[] | undefined): SessionChange {
  for (const cookie of setCookie ?? []) {
    const m = new RegExp(`^\\s*${SESSION_COOKIE}=([^;]*)`).exec(cookie);
    if (!m) continue;
    return !m[1] || /;\s*max-age=0\b/i.test(cookie) ? { clear: true } : { set: m[1] };
  }
  return undefined;
}

/** Normalises what the user typed ("192.168.1.10", "host:5443", "https://…") to the host's base URL. */
export function normaliseHostUrl(text: string): URL {
  const t = text.trim();
  const url = new URL(/^[a-z]+:\/\//i.test(t) ? t : `https://${t}`);
  if (url.protocol !== 'https:') throw new TypeError('the host is reached over HTTPS only');
  if (!url.port) url.port = '5443';
  return new URL(`https://${url.host}/`);
}

const SEAT_PROBLEMS: ReadonlySet<string> = new Set<SeatProblem>(['HOST_CERT_CHANGED', 'SEAT_REVOKED', 'SEAT_UNKNOWN', 'API_VERSION_MISMATCH']);

/**
 * Before pairing: GET /lan/hello without a pin, to show the admin the certificate's fingerprint
 * (trust on first use). Nothing secret is sent on this connection.
 */
export async function helloUnpinned(hostUrl: URL): Promise<{ hello: HostHello; pin: HostPin } | { error: 'HOST_UNREACHABLE' }> {
  try {
    const a = await exchange(new URL('/lan/hello', hostUrl), 'GET', { accept: 'application/json' }, null, { rejectUnauthorized: false, agent: false });
    const hello = JSON.parse(a.body.toString('utf8')) as HostHello;
    if (a.status !== 200 || hello.product !== 'DS-CRM' || !a.peer) return { error: 'HOST_UNREACHABLE' };
    return { hello, pin: a.peer };
  } catch {
    return { error: 'HOST_UNREACHABLE' };
  }
}

/**
 * Pairs with the host presenting `pin` (the certificate the admin just compared): the pairing code
 * goes only over a connection pinned to it, so a different machine answering meanwhile gets nothing.
 */
export async function pairSeat(hostUrl: URL, pin: HostPin, code: string, seatName: string, locale?: string | null): Promise<ApiResult<PairedSeat>> {
  let a: RawAnswer;
  try {
    a = await exchange(
      new URL('/lan/pair', hostUrl),
      'POST',
      { 'content-type': 'application/json', 'accept-language': locale ?? 'zh-CN', [API_HEADER]: apiVersion() },
      Buffer.from(JSON.stringify({ code, seatName })),
      { ...pinnedTls(pin), agent: false },
    );
  } catch (err) {
    return localError(err instanceof NoAnswer ? err.kind : 'HOST_UNREACHABLE', locale);
  }
  let body: unknown;
  try {
    body = JSON.parse(a.body.toString('utf8'));
  } catch {
    return localError('HOST_UNREACHABLE', locale);
  }
  if (isResult(body)) return body as ApiResult<PairedSeat>;
  const seat = body as Partial<PairedSeat>;
  if (a.status !== 200 || typeof seat.seatToken !== 'string') return localError('HOST_UNREACHABLE', locale);
  return { ok: true, value: seat as PairedSeat };
}

export interface HostClientOptions {
  hostUrl: string;
  pin: HostPin;
  seatToken: string;
}

/** The paired seat's client: pinned requests with the seat header, and the link state they feed. */
export class HostClient {
  readonly link: HostLink;
  private readonly base: URL;
  private readonly agent: https.Agent;
  private readonly sockets = new Set<EventSocket>();
  /** The host's versions from its last hello (for the API_VERSION_MISMATCH message). */
  hostVersions: { hostApp: string; hostApi: string } | null = null;

  constructor(private readonly opts: HostClientOptions) {
    this.base = new URL(opts.hostUrl);
    // A fresh connection per call (TLS sessions are resumed, so it stays cheap): a kept-alive
    // socket the host closed in a restart would fail the next call with a reset that cannot be told
    // apart from "the host got it and died", and a write is never sent twice to find out.
    this.agent = new https.Agent({ keepAlive: false, maxSockets: 16, ...pinnedTls(opts.pin) });
    this.link = new HostLink(() => this.probe());
    this.link.onChange((s) => {
      if (s.state === 'connected') for (const s of this.sockets) s.retryNow();
    });
  }

  get pin(): HostPin {
    return this.opts.pin;
  }

  private headers(call: CallOptions, extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { [SEAT_HEADER]: this.opts.seatToken, [API_HEADER]: apiVersion(), 'accept-language': call.locale ?? 'zh-CN', ...extra };
    if (call.sessionToken) h.cookie = `${SESSION_COOKIE}=${call.sessionToken}`;
    return h;
  }

  /** Feeds the link from a failure to get any answer; returns the caller's error. */
  private noAnswer(err: unknown, locale?: string | null): ApiResult<never> {
    const kind = err instanceof NoAnswer ? err.kind : 'HOST_UNREACHABLE';
    if (kind === 'HOST_CERT_CHANGED') this.link.refuse('HOST_CERT_CHANGED');
    else this.link.down();
    return localError(kind, locale);
  }

  /** Feeds the link from an answer: the host is there, but may refuse this seat for good. */
  private answered(result: ApiResult<unknown>): void {
    if (!result.ok && SEAT_PROBLEMS.has(result.error.code)) this.link.refuse(result.error.code as SeatProblem);
    else this.link.up();
  }

  private async send(path: string, headers: Record<string, string>, body: Buffer, locale?: string | null): Promise<{ result: ApiResult<unknown>; headers?: IncomingHttpHeaders }> {
    let a: RawAnswer;
    try {
      a = await exchange(new URL(path, this.base), 'POST', headers, body, { agent: this.agent });
    } catch (err) {
      return { result: this.noAnswer(err, locale) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(a.body.toString('utf8'));
    } catch {
      parsed = null;
    }
    const result = isResult(parsed) ? parsed : localError('INTERNAL', locale);
    this.answered(result);
    return { result, headers: a.headers };
  }

  /** One API call, as POST /api/<method>; the session change comes from the answer's Set-Cookie. */
  async invoke(method: string, input: unknown, call: CallOptions): Promise<InvokeOutcome> {
    const body = Buffer.from(JSON.stringify(input ?? {}));
    const { result, headers } = await this.send(`/api/${encodeURIComponent(method)}`, this.headers(call, { 'content-type': 'application/json' }), body, call.locale);
    return { result, sessionChange: headers ? sessionChangeOf(headers['set-cookie']) : undefined };
  }

  /** A file for an import, as POST /upload?name=…; the import method then takes the upload id. */
  async upload(name: string, bytes: Buffer, call: CallOptions): Promise<ApiResult<Uploaded>> {
    const { result } = await this.send(`/upload?name=${encodeURIComponent(name)}`, this.headers(call, { 'content-type': 'application/octet-stream' }), bytes, call.locale);
    return result as ApiResult<Uploaded>;
  }

  /**
   * One step of a spooled recording's upload (recording-uploader.ts): POST declares it and asks the
   * host's offset, PUT sends bytes from that offset. 'no answer' feeds the link like any call; the
   * upload is retried later by the uploader (it is the seat's own copy, so retrying is safe).
   */
  async recordingUpload(
    method: 'POST' | 'PUT',
    callId: number,
    headers: Record<string, string>,
    body: Buffer | null,
    /** Null: no user session, the seat's own credential alone (the host allows it for calls made from this seat). */
    sessionToken: string | null,
  ): Promise<{ status: number; offset: number | null; result: ApiResult<unknown> } | { noAnswer: true }> {
    let a: RawAnswer;
    try {
      a = await exchange(new URL(`/media/recordings/upload/${callId}`, this.base), method, this.headers({ sessionToken }, headers), body, { agent: this.agent });
    } catch (err) {
      this.noAnswer(err);
      return { noAnswer: true };
    }
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(a.body.toString('utf8'));
    } catch {
      // not JSON: treated as an internal error below
    }
    const result = isResult(parsed) ? parsed : localError('INTERNAL');
    this.answered(result);
    const offset = a.headers['upload-offset'];
    return { status: a.status, offset: typeof offset === 'string' && /^\d+$/.test(offset) ? Number(offset) : null, result };
  }

  /**
   * A GET the renderer's player makes (/media/recordings/<id>, with Range), streamed from the host
   * with the window's session. A network failure is a 503 the <audio> element reports.
   */
  async media(pathAndQuery: string, call: CallOptions & { range?: string | null }): Promise<Response> {
    try {
      const a = await exchange(new URL(pathAndQuery, this.base), 'GET', this.headers(call, call.range ? { range: call.range } : {}), null, { agent: this.agent }, true);
      this.link.up();
      const headers = new Headers();
      for (const [k, v] of Object.entries(a.headers)) if (typeof v === 'string') headers.set(k, v);
      const bodyless = a.status === 204 || a.status === 304;
      return new Response(bodyless ? null : (Readable.toWeb(a.res!) as ReadableStream), { status: a.status, headers });
    } catch (err) {
      const r = this.noAnswer(err, call.locale);
      return new Response(r.ok ? '' : r.error.message, { status: err instanceof NoAnswer && err.kind === 'HOST_CERT_CHANGED' ? 502 : 503 });
    }
  }

  /** GET /lan/hello over the pinned connection: reachable, same certificate, same API version. */
  async probe(): Promise<ProbeOutcome> {
    try {
      const a = await exchange(new URL('/lan/hello', this.base), 'GET', { accept: 'application/json', [SEAT_HEADER]: this.opts.seatToken }, null, { agent: this.agent });
      const hello = JSON.parse(a.body.toString('utf8')) as Partial<HostHello>;
      if (a.status !== 200) return 'unreachable';
      this.hostVersions = { hostApp: String(hello.appVersion), hostApi: String(hello.apiVersion) };
      return hello.apiVersion === apiVersion() ? 'ok' : 'API_VERSION_MISMATCH';
    } catch (err) {
      return err instanceof NoAnswer && err.kind === 'HOST_CERT_CHANGED' ? 'HOST_CERT_CHANGED' : 'unreachable';
    }
  }

  /**
   * At start: does the host know this seat, present the pinned certificate, speak our API version?
   * An anonymous auth.session answers UNAUTHENTICATED when all is well, the seat refusal otherwise.
   */
  async check(locale?: string | null): Promise<void> {
    const probe = await this.probe();
    if (probe === 'unreachable') this.link.down();
    else if (probe !== 'ok') this.link.refuse(probe);
    else await this.invoke('auth.session', {}, { sessionToken: null, locale });
  }

  /**
   * A session ended on the host: if it ended because the seat was revoked (its sessions end with
   * it), say so now, through the link, rather than at the next login. An anonymous call is enough.
   */
  async recheckSeat(): Promise<void> {
    await this.invoke('auth.session', {}, { sessionToken: null });
  }

  /** The pushed events of one session: reconnects with back-off, feeds the link. */
  events(sessionToken: string, onMessage: (msg: EventMessage) => void, onStopped: (why: StopReason) => void): EventSocket {
    const url = new URL('/ws', this.base);
    url.protocol = 'wss:';
    const socket: EventSocket = new EventSocket({
      url: url.href,
      pin: this.opts.pin,
      headers: { cookie: `${SESSION_COOKIE}=${sessionToken}`, [SEAT_HEADER]: this.opts.seatToken, [API_HEADER]: apiVersion() },
      onMessage,
      onLink: (up) => (up ? this.link.up() : this.link.down()),
      onStopped: (why) => {
        this.sockets.delete(socket);
        if (why === 'certificate') this.link.refuse('HOST_CERT_CHANGED');
        if (why === 'seat') this.link.refuse('SEAT_REVOKED');
        if (why === 'session') void this.recheckSeat();
        onStopped(why);
      },
    });
    this.sockets.add(socket);
    socket.start();
    return socket;
  }

  closeSocket(socket: EventSocket): void {
    this.sockets.delete(socket);
    socket.close();
  }

  dispose(): void {
    for (const s of this.sockets) s.close();
    this.sockets.clear();
    this.link.dispose();
    this.agent.destroy();
  }
}
