import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { HTTP_STATUS, type ApiResult, type ErrorCode } from '../../common/api/contract';
import { ERROR_MESSAGES, pickLocale } from '../../common/i18n/errors';
import type { Core } from '../core';
import { dispatch, dispatchUpload } from '../dispatch';
import { formatBytes, UPLOAD_MAX_BYTES } from '../uploads/upload-store';
import { hashToken } from '../features/auth/service';
import { isFor, type EventEnvelope } from '../events';
import type { EventMessage } from '../../common/api/events';
import { LockedPushHold } from '../locked-push-hold';
import { serveStatic } from './static';
import { RECORDING_ROUTE, serveRecording } from '../features/telephony/playback-route';

export const SESSION_COOKIE = 'dscrm_session';
/** Files for imports: streamed, up to UPLOAD_MAX_BYTES, not inside a JSON body. */
export const UPLOAD_ROUTE = '/upload';
/** An API call's JSON body; files go through the upload route, not JSON. */
export const MAX_BODY = 2 * 1024 * 1024;
const TOO_LARGE = Symbol('too large');


export const defaultStaticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

export interface WebHostOptions {
  core: Core;
  /** Interface to bind; loopback unless the admin deliberately opens it. */
  host?: string;
  port?: number;
  staticDir?: string;
  /** Extra Host header values accepted besides loopback names (when bound to another interface). */
  allowedHosts?: string[];
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
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

/** The headless host: the built renderer over HTTP, the API as POST /api/<method>, events over /ws. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { core } = opts;
  const bindHost = opts.host ?? '127.0.0.1';
  const staticDir = opts.staticDir ?? defaultStaticDir;
  let port = opts.port ?? 0;
  const sockets = new Map<WebSocket, { tokenHash: string; userId: number }>();

  // DNS-rebinding and CSRF defence: only our own Host names, and no foreign Origin.
  const hostAllowed = (host: string | undefined): boolean => {
    if (!host) return false;
    const names = ['127.0.0.1', 'localhost', '[::1]', ...(opts.allowedHosts ?? [])];
    return names.some((n) => host === `${n}:${port}` || (port === 80 && host === n));
  };
  const originAllowed = (origin: string | undefined, host: string | undefined): boolean =>
    origin === undefined || origin === `http://${host}`;

  const sendJson = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, req: IncomingMessage, code: ErrorCode, details: Record<string, unknown> = {}) => {
    const locale = pickLocale(req.headers['accept-language']);
    const message = ERROR_MESSAGES[code][locale].replace(/\{(\w+)\}/g, (m, k: string) => String(details[k] ?? m));
    sendJson(res, HTTP_STATUS[code], { ok: false, error: { code, message } } satisfies ApiResult<never>);
  };

  /**
   * The request body, or 'too large' past MAX_BODY. The rest of a too-large body is drained, not
   * reset, so the client reads our 413 and its message instead of a dropped connection.
   */
  const readBody = (req: IncomingMessage): Promise<string | typeof TOO_LARGE> =>
    new Promise((resolve, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
        else {
          chunks.length = 0;
          resolve(TOO_LARGE); // once; later calls are no-ops while the rest drains
        }
      });
      req.on('end', () => resolve(size > MAX_BODY ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
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

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
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
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null;
    const { result, sessionChange } = await dispatch(core, token, method, input, {
      locale: req.headers['accept-language'],
      client: `web ${req.headers['user-agent'] ?? ''}`.slice(0, 200),
      address: req.socket.remoteAddress ?? 'unknown',
    });
    const headers: Record<string, string> = {};
    if (sessionChange && 'set' in sessionChange) {
      headers['set-cookie'] = `${SESSION_COOKIE}=${sessionChange.set}; HttpOnly; SameSite=Strict; Path=/`;
    } else if (sessionChange) {
      headers['set-cookie'] = `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
    }
    sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result, headers);
  };

  // Last resort: whatever one request throws is logged and answered 500; the server lives on.
  const server = http.createServer((req, res) => {
    try {
      handleRequest(req, res);
    } catch (err) {
      console.error('[webhost] request failed', req.method, JSON.stringify(req.url ?? '').slice(0, 200), err);
      answerFailure(res);
    }
  });
  const answerFailure = (res: ServerResponse) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end();
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host;
    if (!hostAllowed(host) || !originAllowed(req.headers.origin, host)) {
      sendError(res, req, 'BAD_ORIGIN');
      return;
    }
    const url = req.url ?? '/';
    if (url.split('?')[0] === UPLOAD_ROUTE) {
      handleUpload(req, res, url).catch((err) => {
        console.error('[webhost] upload error', err);
        answerFailure(res);
      });
      return;
    }
    if (url.startsWith('/api/')) {
      handleApi(req, res, url.slice(5).split('?')[0] ?? '').catch((err) => {
        console.error('[webhost] api error', err);
        if (!res.headersSent) sendError(res, req, 'INTERNAL');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (RECORDING_ROUTE.test(url)) return void serveRecording(core, parseCookies(req.headers.cookie)[SESSION_COOKIE] ?? null, req, res);
    serveStatic(staticDir, url, res);
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const reject = (status: string) => {
      if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    // A socket error (the peer reset mid-handshake) must not become an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head, reject);
    } catch (err) {
      console.error('[webhost] upgrade failed', JSON.stringify(req.url ?? '').slice(0, 200), err);
      reject('500 Internal Server Error');
    }
  });
  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, reject: (status: string) => void) => {
    const host = req.headers.host;
    if ((req.url ?? '').split('?')[0] !== '/ws') return reject('404 Not Found');
    if (!hostAllowed(host) || !originAllowed(req.headers.origin, host)) return reject('403 Forbidden');
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    const session = core.auth.resolve(token);
    if (!session || !token) return reject('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, { tokenHash: hashToken(token), userId: session.user.id });
      const gone = () => {
        sockets.delete(ws);
        hold.forget(ws);
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: async () => {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
