/**
 * A small HTTPS host speaking the LAN protocol (issue 15) for the client seat's tests: /lan/hello,
 * /lan/pair, /api/<method> with the seat header, version header and session cookie, /upload, /media,
 * and /ws. Its certificate is made by the real host code (loadOrCreateHostCertificate). It counts
 * every request it receives, so a test can prove that nothing was sent, and it can be stopped and
 * started again on the same port with its sessions kept (they live in the host's database).
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../common/api/contract';
import { apiVersion, APP_VERSION } from '../../common/api/version';
import { ERROR_MESSAGES, pickLocale } from '../../common/i18n/errors';
import { loadOrCreateHostCertificate, type HostCertificate } from '../lan/host-certificate';
import { tempDir } from '../../../tests/support/core';
import { parseCookies } from '../webhost/server';

export interface FakeHost {
  url: string;
  port: number;
  cert: HostCertificate;
  /** Every HTTP request and upgrade the host received, in order: "METHOD /path". */
  received: string[];
  /** The headers of every /api request, in order. */
  apiHeaders: IncomingMessage['headers'][];
  sessions: Set<string>;
  seats: Map<string, { name: string; revoked: boolean }>;
  pairingCode: string;
  apiVersion: string;
  /** Pushes an event to every socket of the session. */
  push(sessionToken: string, msg: unknown): number;
  openSockets(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Replaces the certificate (a different host answering, or a re-made certificate). */
  useCertificate(cert: HostCertificate): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify(body));
};
/** A refusal as the real host words it, in the request's language. */
const fail = (res: ServerResponse, status: number, code: ErrorCode) => {
  const locale = pickLocale((res.req as IncomingMessage | undefined)?.headers['accept-language']);
  json(res, status, { ok: false, error: { code, message: ERROR_MESSAGES[code][locale] } });
};

/** A certificate as the host makes it, in a fresh data folder. */
export function makeHostCertificate(): HostCertificate {
  return loadOrCreateHostCertificate(tempDir('dscrm-tls-'), { names: ['localhost', '127.0.0.1'] });
}

export async function startFakeHost(opts: { cert?: HostCertificate } = {}): Promise<FakeHost> {
  let cert = opts.cert ?? makeHostCertificate();
  let server: https.Server | null = null;
  let port = 0;
  const sockets = new Map<WebSocket, string>();
  const wss = new WebSocketServer({ noServer: true });

  const host: FakeHost = {
    url: '',
    port: 0,
    cert,
    received: [],
    apiHeaders: [],
    sessions: new Set(),
    seats: new Map(),
    pairingCode: '123456',
    apiVersion: apiVersion(),
    push(token, msg) {
      let n = 0;
      for (const [ws, t] of sockets) {
        if (t !== token || ws.readyState !== ws.OPEN) continue;
        ws.send(JSON.stringify(msg));
        n++;
      }
      return n;
    },
    openSockets: () => [...sockets.keys()].filter((ws) => ws.readyState === ws.OPEN).length,
    stop: async () => {
      const s = server;
      server = null;
      if (!s) return;
      for (const ws of sockets.keys()) ws.terminate();
      sockets.clear();
      await new Promise<void>((r) => {
        s.close(() => r());
        s.closeAllConnections();
      });
    },
    start: () => listen(),
    useCertificate: async (c) => {
      await host.stop();
      cert = c;
      host.cert = c;
      await listen();
    },
  };

  const seatOf = (req: IncomingMessage, res: ServerResponse): boolean => {
    const seat = host.seats.get(String(req.headers['x-dscrm-seat'] ?? ''));
    if (!seat) return (fail(res, 401, 'SEAT_UNKNOWN'), false);
    if (seat.revoked) return (fail(res, 401, 'SEAT_REVOKED'), false);
    const api = req.headers['x-dscrm-api'];
    if (api !== undefined && api !== host.apiVersion) return (fail(res, 409, 'API_VERSION_MISMATCH'), false);
    return true;
  };

  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://x');
    host.received.push(`${req.method} ${url.pathname}`);
    if (url.pathname === '/lan/hello') return json(res, 200, { product: 'DS-CRM', appVersion: APP_VERSION, apiVersion: host.apiVersion, hostName: 'front-office', fingerprint: cert.fingerprint });
    if (url.pathname === '/lan/pair') {
      const { code, seatName } = JSON.parse((await body(req)).toString()) as { code: string; seatName: string };
      if (code !== host.pairingCode) return fail(res, 401, 'PAIRING_CODE_WRONG');
      const seatToken = `seat-${host.seats.size + 1}-${Math.random().toString(36).slice(2)}`;
      host.seats.set(seatToken, { name: seatName, revoked: false });
      return json(res, 200, { seatId: host.seats.size, seatToken, seatName, appVersion: APP_VERSION, apiVersion: host.apiVersion });
    }
    if (!seatOf(req, res)) return;
    const token = parseCookies(req.headers.cookie).dscrm_session ?? null;
    const loggedIn = token !== null && host.sessions.has(token);
    if (url.pathname === '/upload') {
      const bytes = await body(req);
      if (!loggedIn) return fail(res, 401, 'UNAUTHENTICATED');
      return json(res, 200, { ok: true, value: { uploadId: `up-${bytes.length}`, size: bytes.length, name: url.searchParams.get('name') } });
    }
    if (url.pathname.startsWith('/media/')) {
      if (!loggedIn) return fail(res, 401, 'UNAUTHENTICATED');
      res.writeHead(206, { 'content-type': 'audio/webm', 'content-range': `${String(req.headers.range)}/1000` });
      return res.end(Buffer.from('media-bytes'));
    }
    if (!url.pathname.startsWith('/api/')) return fail(res, 404, 'NOT_FOUND');
    host.apiHeaders.push(req.headers);
    const method = decodeURIComponent(url.pathname.slice(5));
    const input = JSON.parse((await body(req)).toString() || '{}') as Record<string, unknown>;
    if (method === 'auth.login') {
      if (input.password !== 'demo1234') return fail(res, 401, 'BAD_CREDENTIALS');
      const t = `tok-${Math.random().toString(36).slice(2)}`;
      host.sessions.add(t);
      return json(res, 200, { ok: true, value: { user: { username: input.username }, idleLockMinutes: 7 } }, { 'set-cookie': `dscrm_session=${t}; HttpOnly; SameSite=Strict; Path=/` });
    }
    if (!loggedIn) return fail(res, 401, 'UNAUTHENTICATED');
    if (method === 'auth.logout') {
      host.sessions.delete(token);
      return json(res, 200, { ok: true, value: { ok: true } }, { 'set-cookie': 'dscrm_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0' });
    }
    if (method === 'auth.session') return json(res, 200, { ok: true, value: { user: { username: 'sales1' }, idleLockMinutes: 7 } });
    return json(res, 200, { ok: true, value: { method, input } });
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    host.received.push(`UPGRADE ${req.url}`);
    const token = parseCookies(req.headers.cookie).dscrm_session;
    const seat = host.seats.get(String(req.headers['x-dscrm-seat'] ?? ''));
    if (!token || !host.sessions.has(token) || !seat || seat.revoked) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, token);
      ws.on('close', () => sockets.delete(ws));
    });
  };

  const listen = async () => {
    const s = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => void handle(req, res));
    s.on('upgrade', upgrade);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    server = s;
    port = (s.address() as AddressInfo).port;
    host.port = port;
    host.url = `https://127.0.0.1:${port}/`;
  };
  await listen();
  return host;
}
