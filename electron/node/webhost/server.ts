import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { HTTP_STATUS, type ApiResult, type ErrorCode } from '../../common/api/contract';
import { errorMessage, pickLocale } from '../../common/i18n/errors';
import type { Core } from '../core';
import { dispatch, dispatchUpload } from '../dispatch';
import { formatBytes, UPLOAD_MAX_BYTES } from '../uploads/upload-store';
import { hashToken } from '../features/auth/service';
import { isFor, type EventEnvelope } from '../events';
import type { EventMessage } from '../../common/api/events';
import { LockedPushHold } from '../locked-push-hold';
import { serveStatic } from './static';
import { RECORDING_ROUTE, serveRecording } from '../features/telephony/playback-route';
import { handleRecordingUpload, RECORDING_UPLOAD_ROUTE } from '../features/telephony/upload-route';
import { apiVersion, APP_VERSION } from '../../common/api/version';
import { AppError } from '../errors';
import type { SeatRef } from '../handlers';
import { isLoopbackBind, lanIPv4Addresses, LOOPBACK_NAMES } from '../lan/host-names';
import { setLanStatus } from '../lan/lan-status';
import {
  CLOSE_SEAT_REVOKED,
  hostMatches,
  LanHostNames,
  otherApiVersion,
  peerAddress,
  SEAT_COOKIE,
  SEAT_COOKIE_MAX_AGE_S,
  seatTokenOf,
} from './lan-gate';
import { LanRefusalAudit } from './lan-refusals';
import { loginRateLimit } from './login-rate-limit';

export const SESSION_COOKIE = 'dscrm_session';
/** Files for imports: streamed, up to UPLOAD_MAX_BYTES, not inside a JSON body. */
export const UPLOAD_ROUTE = '/upload';
/** An API call's JSON body; files go through the upload route, not JSON. */
export const MAX_BODY = 2 * 1024 * 1024;
const TOO_LARGE = Symbol('too large');
/** On close, how long requests under way may take before every connection still open is cut. */
const CLOSE_GRACE_MS = 1_000;


export const defaultStaticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

/** The LAN listener's key and certificate (electron/node/lan/host-certificate.ts). */
export interface TlsMaterial {
  key: string;
  cert: string;
  fingerprint: string;
}

/** The LAN listener (issue 15): HTTPS only, every request from a paired seat. */
export interface LanListenerOptions {
  /** Interface to bind: '0.0.0.0' for every LAN address, or one address (tests: 127.0.0.1). */
  host: string;
  port: number;
  /** Required: without it the listener is refused at start-up (personal data never crosses the LAN in clear). */
  tls: TlsMaterial | undefined;
}

export interface WebHostOptions {
  core: Core;
  /** Interface of the plain-HTTP listener: loopback only (anything else is refused at start-up). */
  host?: string;
  /** False: no plain-HTTP listener at all (the Electron host serves its own window over IPC, only the LAN over HTTPS). */
  loopback?: boolean;
  port?: number;
  staticDir?: string;
  /** Also serve the LAN over HTTPS (npm run serve -- --lan, 系统设置 → 设为主机). */
  lan?: LanListenerOptions;
}

export interface WebHost {
  url: string;
  port: number;
  /** The LAN listener, when started: the addresses to give seats and the fingerprint they compare. */
  lan?: { urls: string[]; port: number; fingerprint: string };
  close(): Promise<void>;
}

/** Plain HTTP on a LAN address, or a LAN listener without its certificate: refused before anything listens. */
export class InsecureBindError extends Error {
  constructor(host: string) {
    super(
      `拒绝在本机以外的地址(${host})上提供未加密的服务:局域网只能通过 TLS 访问(npm run serve -- --lan,或 系统设置 → 设为主机)。\n` +
        `Refusing to serve ${host} without TLS: plain HTTP stays on this PC (127.0.0.1); the LAN is served over HTTPS only (npm run serve -- --lan, or 系统设置 → 设为主机).`,
    );
    this.name = 'InsecureBindError';
  }
}

/** One listening socket and what its requests must show: loopback (plain HTTP) or LAN (HTTPS, seat). */
interface Listener {
  lan: boolean;
  port: number;
}

/** The hello a seat reads before pairing (GET /lan/hello, no seat needed). */
export interface LanHello {
  product: 'DS-CRM';
  appVersion: string;
  apiVersion: string;
  hostName: string;
  fingerprint: string;
}

/**
 * The cookies of a request; a value that is not valid percent-encoding is dropped (the caller is
 * then simply not logged in) — decodeURIComponent throws URIError on "%c0", and a throw here used
 * to take the whole process down from inside the request listener.
 */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const value = safeDecode(part.slice(i + 1).trim());
    if (value !== null) out[part.slice(0, i).trim()] = value;
  }
  return out;
}

/** decodeURIComponent without the throw: null for malformed percent-encoding. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'",
};

/** Reads and discards the rest of a request body, up to `cap` bytes; past that the connection goes. */
function drain(req: IncomingMessage, cap: number): Promise<void> {
  return new Promise((resolve) => {
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > cap) {
        req.destroy();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.resume();
  });
}

/**
 * The headless host: the built renderer, the API as POST /api/<method>, events over /ws.
 * Always a plain-HTTP listener on loopback (this PC's own browser, the tests); with `lan`, also an
 * HTTPS listener for the LAN's seats. Both share every route; the LAN one first checks the seat,
 * the API version and its own Host names (docs/web-host.md "LAN listener").
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { core } = opts;
  const bindHost = opts.host ?? '127.0.0.1';
  // Personal data never crosses the network in clear: refuse before anything listens.
  if (!isLoopbackBind(bindHost)) throw new InsecureBindError(bindHost);
  if (opts.lan && !opts.lan.tls) throw new InsecureBindError(opts.lan.host);
  if (opts.loopback === false && !opts.lan) throw new Error('startWebHost: nothing to listen on (loopback: false without lan)');
  const staticDir = opts.staticDir ?? defaultStaticDir;
  const loopback: Listener = { lan: false, port: opts.port ?? 0 };
  const lanListener: Listener = { lan: true, port: opts.lan?.port ?? 0 };
  // Pairing, the seat on each LAN request, revocation: the seats service on the core.
  const seats = core.seats;
  const sockets = new Map<WebSocket, { tokenHash: string; userId: number; seatId: number | null }>();
  /** A seat's event socket's way of telling the seats service it went (终端管理's 在线 / 离线). */
  const seatPresence = new Map<WebSocket, () => void>();
  const lanNames = new LanHostNames(() => core.settings.get('lan.hostNames'));
  const refusals = new LanRefusalAudit(core);
  const loginLimit = loginRateLimit(core.clock);

  // DNS-rebinding and CSRF defence: only our own Host names, and no foreign Origin. On loopback
  // that is 127.0.0.1 / localhost over http; on the LAN this PC's names and addresses over https.
  const hostAllowed = (host: string | undefined, l: Listener): boolean =>
    l.lan ? hostMatches(host, lanNames.names(), l.port, 443) : hostMatches(host, LOOPBACK_NAMES, l.port, 80);
  const originAllowed = (origin: string | undefined, host: string | undefined, l: Listener): boolean =>
    origin === undefined || origin.toLowerCase() === `${l.lan ? 'https' : 'http'}://${host?.toLowerCase()}`;

  const sendJson = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra });
    res.end(JSON.stringify(body));
  };
  const errorBody = (req: IncomingMessage, code: ErrorCode, details: Record<string, unknown> = {}) => {
    const locale = pickLocale(req.headers['accept-language']);
    const message = errorMessage(code, locale, details);
    return { ok: false, error: { code, message } } satisfies ApiResult<never>;
  };
  const sendError = (res: ServerResponse, req: IncomingMessage, code: ErrorCode, details: Record<string, unknown> = {}) =>
    sendJson(res, HTTP_STATUS[code], errorBody(req, code, details));
  const sessionCookie = (value: string, l: Listener, clear = false) =>
    `${SESSION_COOKIE}=${value}; HttpOnly;${l.lan ? ' Secure;' : ''} SameSite=Strict; Path=/${clear ? '; Max-Age=0' : ''}`;
  const versionDetails = () => ({ hostApp: APP_VERSION, hostApi: apiVersion() });

  /**
   * The request body, or 'too large' past `cap`. The rest of a too-large body is drained, not
   * reset, so the client reads our 413 and its message instead of a dropped connection.
   */
  const readBody = (req: IncomingMessage, cap = MAX_BODY): Promise<string | typeof TOO_LARGE> =>
    new Promise((resolve, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= cap) chunks.push(c);
        else {
          chunks.length = 0;
          resolve(TOO_LARGE); // once; later calls are no-ops while the rest drains
        }
      });
      req.on('end', () => resolve(size > cap ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  /** POST /upload?name=<file name>: the body is the file, streamed to the upload store (see UploadStore). */
  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: string) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const name = new URLSearchParams(url.split('?')[1] ?? '').get('name') ?? '';
    const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    const result = await dispatchUpload(core, parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null, name || 'upload', req.iterator({ destroyOnReturn: false }), declared, {
      locale: req.headers['accept-language'],
    });
    // Refused before the end of the body (too large, no session): read the rest first, or the
    // connection is cut under a client still sending and it never sees the answer.
    if (!req.readableEnded) await drain(req, 4 * UPLOAD_MAX_BYTES);
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string, l: Listener, seat: SeatRef | null) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let input: unknown = {};
    const body = await readBody(req);
    if (body === TOO_LARGE) {
      sendError(res, req, 'TOO_LARGE', { size: formatBytes(Number(req.headers['content-length']) || MAX_BODY + 1), max: formatBytes(MAX_BODY) });
      return;
    }
    try {
      if (body.trim()) input = JSON.parse(body);
    } catch {
      sendError(res, req, 'INVALID_INPUT', { issues: 'malformed JSON' });
      return;
    }
    const address = peerAddress(req);
    // One LAN address that failed too many logins lately gets no further password check at all.
    const isLanLogin = l.lan && method === 'auth.login';
    if (isLanLogin && loginLimit.isBlocked(address)) {
      refusals.record({ code: 'TOO_MANY_ATTEMPTS', address, path: req.url ?? '', seat, detail: { method } });
      sendError(res, req, 'TOO_MANY_ATTEMPTS');
      return;
    }
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null;
    const { result, sessionChange } = await dispatch(core, token, method, input, {
      locale: req.headers['accept-language'],
      client: `web ${req.headers['user-agent'] ?? ''}`.slice(0, 200),
      address,
      ...(seat ? { seat } : {}),
    });
    if (isLanLogin && !result.ok && result.error.code === 'BAD_CREDENTIALS') loginLimit.fail(address);
    const headers: Record<string, string> = {};
    if (sessionChange && 'set' in sessionChange) {
      headers['set-cookie'] = sessionCookie(sessionChange.set, l);
      // Who works at the seat shows in 终端管理 straight away.
      if (seat) seats.touch(seat.id, { address, userId: core.auth.resolve(sessionChange.set)?.user.id ?? null });
    } else if (sessionChange) {
      headers['set-cookie'] = sessionCookie('', l, true);
    }
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result, headers);
  };

  /** GET /lan/hello: what a seat shows before pairing (product, versions, the fingerprint to compare). */
  const handleHello = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const hello: LanHello = { product: 'DS-CRM', appVersion: APP_VERSION, apiVersion: apiVersion(), hostName: os.hostname(), fingerprint: opts.lan!.tls!.fingerprint };
    sendJson(res, 200, hello);
  };

  /** POST /lan/pair { code, seatName }: a new seat's token, as JSON for the app and as a cookie for a browser. */
  const handlePair = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const body = await readBody(req, 4096);
    let input: { code?: unknown; seatName?: unknown } = {};
    try {
      if (body !== TOO_LARGE) input = JSON.parse(body || '{}') as typeof input;
    } catch {
      input = {};
    }
    if (body === TOO_LARGE || typeof input !== 'object' || input === null || typeof input.code !== 'string' || typeof input.seatName !== 'string') {
      sendError(res, req, 'INVALID_INPUT', { issues: 'expected { "code": "123456", "seatName": "前台-1" }' });
      return;
    }
    try {
      const paired = await seats.pair(input.code, input.seatName, peerAddress(req));
      sendJson(
        res,
        200,
        { ...paired, appVersion: APP_VERSION, apiVersion: apiVersion() },
        { 'set-cookie': `${SEAT_COOKIE}=${paired.seatToken}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=${SEAT_COOKIE_MAX_AGE_S}` },
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      sendError(res, req, err.code, err.details);
    }
  };

  /**
   * The LAN listener's checks on a route that reaches the user's data: the seat (header or cookie),
   * known and not revoked. Null: refused and answered (the seats service audits it).
   */
  const seatOf = (req: IncomingMessage): SeatRef | { refused: 'SEAT_UNKNOWN' | 'SEAT_REVOKED' } => {
    const address = peerAddress(req);
    const check = seats.verify(seatTokenOf(req, parseCookies(req.headers.cookie)), address);
    if (!check.ok) return { refused: check.code };
    seats.touch(check.seat.id, { address });
    return check.seat;
  };

  // Last resort: whatever one request throws is logged and answered 500; the server lives on.
  const onRequest = (l: Listener) => (req: IncomingMessage, res: ServerResponse) => {
    try {
      handleRequest(req, res, l);
    } catch (err) {
      console.error('[webhost] request failed', req.method, JSON.stringify(req.url ?? '').slice(0, 200), err);
      answerFailure(res);
    }
  };
  const answerFailure = (res: ServerResponse) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end();
  };
  const failed = (req: IncomingMessage, res: ServerResponse, what: string) => (err: unknown) => {
    console.error(`[webhost] ${what} error`, err);
    if (!res.headersSent) sendError(res, req, 'INTERNAL');
    else res.end();
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse, l: Listener) => {
    const host = req.headers.host;
    const url = req.url ?? '/';
    const route = url.split('?')[0] ?? '/';
    if (!hostAllowed(host, l) || !originAllowed(req.headers.origin, host, l)) {
      if (l.lan) refusals.record({ code: 'BAD_ORIGIN', address: peerAddress(req), path: route, detail: { host: String(host).slice(0, 100), origin: String(req.headers.origin).slice(0, 100) } });
      sendError(res, req, 'BAD_ORIGIN');
      return;
    }
    let seat: SeatRef | null = null;
    if (l.lan) {
      // Whoever asks learns the versions and the fingerprint: that is how a seat decides to pair.
      if (route === '/lan/hello') return handleHello(req, res);
      const other = otherApiVersion(req);
      if (other !== null) {
        refusals.record({ code: 'API_VERSION_MISMATCH', address: peerAddress(req), path: route, detail: { clientApi: other } });
        sendError(res, req, 'API_VERSION_MISMATCH', versionDetails());
        return;
      }
      if (route === '/lan/pair') return void handlePair(req, res).catch(failed(req, res, 'pair'));
      if (route === UPLOAD_ROUTE || route.startsWith('/api/') || route.startsWith('/media/')) {
        const s = seatOf(req);
        if ('refused' in s) {
          // Read what the client is still sending, or it sees a reset instead of the answer.
          void drain(req, 4 * UPLOAD_MAX_BYTES).then(() => sendError(res, req, s.refused));
          return;
        }
        seat = s;
      }
    }
    if (route === UPLOAD_ROUTE) return void handleUpload(req, res, url).catch(failed(req, res, 'upload'));
    // A client seat's spooled recording (issue 15): after the seat check above, before the GET-only routes.
    if (RECORDING_UPLOAD_ROUTE.test(route))
      return void handleRecordingUpload(core, parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null, req, res, seat).catch(failed(req, res, 'recording upload'));
    if (url.startsWith('/api/')) return void handleApi(req, res, url.slice(5).split('?')[0] ?? '', l, seat).catch(failed(req, res, 'api'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (RECORDING_ROUTE.test(url)) return void serveRecording(core, parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null, req, res);
    serveStatic(staticDir, url, res);
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const onUpgrade = (l: Listener) => (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A refusal names its error code in a JSON body, so a client seat can tell a revoked seat from a lost session.
    const reject = (status: string, code?: ErrorCode, details: Record<string, unknown> = {}) => {
      if (socket.writable) {
        const body = code ? JSON.stringify(errorBody(req, code, details)) : '';
        const type = code ? 'Content-Type: application/json; charset=utf-8\r\n' : '';
        socket.write(`HTTP/1.1 ${status}\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      }
      socket.destroy();
    };
    // A socket error (the peer reset mid-handshake) must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head, reject, l);
    } catch (err) {
      console.error('[webhost] upgrade failed', JSON.stringify(req.url ?? '').slice(0, 200), err);
      reject('500 Internal Server Error');
    }
  };
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, reject: (status: string, code?: ErrorCode, details?: Record<string, unknown>) => void, l: Listener) => {
    const host = req.headers.host;
    if ((req.url ?? '').split('?')[0] !== '/ws') return reject('404 Not Found');
    if (!hostAllowed(host, l) || !originAllowed(req.headers.origin, host, l)) {
      if (l.lan) refusals.record({ code: 'BAD_ORIGIN', address: peerAddress(req), path: '/ws', detail: { host: String(host).slice(0, 100), origin: String(req.headers.origin).slice(0, 100) } });
      return reject('403 Forbidden', 'BAD_ORIGIN');
    }
    let seatId: number | null = null;
    if (l.lan) {
      const other = otherApiVersion(req);
      if (other !== null) {
        refusals.record({ code: 'API_VERSION_MISMATCH', address: peerAddress(req), path: '/ws', detail: { clientApi: other } });
        return reject('409 Conflict', 'API_VERSION_MISMATCH', versionDetails());
      }
      const s = seatOf(req);
      if ('refused' in s) return reject('401 Unauthorized', s.refused);
      seatId = s.id;
    }
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const session = core.auth.resolve(token);
    if (!session || !token) return reject('401 Unauthorized', 'UNAUTHENTICATED');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, { tokenHash: hashToken(token), userId: session.user.id, seatId });
      // 终端管理's 在线 / 离线: a seat is online while one of its event sockets is open here.
      const presence = seatId === null ? null : { seatId, address: peerAddress(req), userId: session.user.id };
      if (presence) {
        seats.socketOpened(presence.seatId, presence);
        // Once per socket ('close' follows 'error'), and at the latest when this host stops — its
        // sockets' close events come after the core may have closed the database.
        let released = false;
        seatPresence.set(ws, () => {
          if (released) return;
          released = true;
          seats.socketClosed(presence.seatId, presence);
        });
      }
      const gone = () => {
        sockets.delete(ws);
        hold.forget(ws);
        seatPresence.get(ws)?.();
        seatPresence.delete(ws);
      };
      ws.on('close', gone);
      ws.on('error', gone);
    });
  };

  const hold = new LockedPushHold<WebSocket>(core);
  const unsubscribe = core.events.subscribe((e: EventEnvelope) => {
    const msg = { event: e.event, payload: e.payload } as EventMessage;
    for (const [ws, who] of sockets) {
      if (!isFor(e.target, who)) continue;
      if (ws.readyState === ws.OPEN) for (const m of hold.route(ws, who.tokenHash, msg)) ws.send(JSON.stringify(m));
      if (e.event === 'session.ended') ws.close(4001, 'session ended');
    }
  });
  // A revoked seat loses its open sockets at once, not at its next request.
  const stopRevoked = !opts.lan ? undefined : seats.onRevoked((seatId) => {
    for (const [ws, who] of sockets) {
      if (who.seatId !== seatId) continue;
      ws.close(CLOSE_SEAT_REVOKED, 'seat revoked');
      // A peer that does not answer the close handshake is cut off anyway.
      setTimeout(() => ws.terminate(), 1000).unref();
      sockets.delete(ws);
    }
  });

  const listen = async (server: http.Server, l: Listener, host: string) => {
    track(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(l.port, host, () => resolve());
    });
    l.port = (server.address() as AddressInfo).port;
    server.on('upgrade', onUpgrade(l));
  };
  const servers: http.Server[] = [];
  // Every connection either listener accepted, raw TCP included: close() waits for all of them, and
  // one that never sends a request (a browser's preconnect, a TLS handshake left half way) is not
  // an idle HTTP connection Node closes by itself — a host restart used to wait a minute and more.
  const connections = new Set<Socket>();
  const track = (server: http.Server) =>
    server.on('connection', (socket: Socket) => {
      connections.add(socket);
      socket.once('close', () => connections.delete(socket));
    });
  const closeAll = async () => {
    if (opts.lan) setLanStatus(core, null);
    unsubscribe();
    stopRevoked?.();
    for (const release of seatPresence.values()) release();
    seatPresence.clear();
    for (const ws of sockets.keys()) ws.terminate();
    wss.close();
    const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    // Requests under way get a moment to be answered; whatever is still open after it is cut.
    const cut = setTimeout(() => {
      for (const socket of connections) socket.destroy();
    }, CLOSE_GRACE_MS);
    await closed;
    clearTimeout(cut);
  };

  try {
    if (opts.loopback !== false) {
      const plain = http.createServer(onRequest(loopback));
      servers.push(plain);
      await listen(plain, loopback, bindHost);
    }
    let lan: WebHost['lan'];
    if (opts.lan) {
      const secure = https.createServer({ key: opts.lan.tls!.key, cert: opts.lan.tls!.cert, minVersion: 'TLSv1.2' }, onRequest(lanListener));
      // A peer that breaks off the TLS handshake (a port scan, a seat with the wrong pin) is no error of ours.
      secure.on('tlsClientError', () => undefined);
      servers.push(secure);
      await listen(secure, lanListener, opts.lan.host);
      lan = { urls: lanUrls(opts.lan.host, lanListener.port), port: lanListener.port, fingerprint: opts.lan.tls!.fingerprint };
      setLanStatus(core, lan);
      // Every seat's first request compares versions; work the contract's hash out now, not then.
      setImmediate(apiVersion);
    }
    if (opts.loopback === false) return { url: lan!.urls[0]!, port: lan!.port, lan, close: closeAll };
    const shownHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
    return { url: `http://${shownHost}:${loopback.port}/`, port: loopback.port, ...(lan ? { lan } : {}), close: closeAll };
  } catch (err) {
    // The LAN port taken: the loopback listener that did start must not stay behind.
    await closeAll();
    throw err;
  }
}

/** The addresses to give seats: every LAN address and the host name when bound to all interfaces. */
function lanUrls(bindHost: string, port: number): string[] {
  const hosts = bindHost === '0.0.0.0' || bindHost === '::' ? [...lanIPv4Addresses(), os.hostname()] : [bindHost.includes(':') ? `[${bindHost}]` : bindHost];
  return hosts.map((h) => `https://${h}:${port}/`);
}
