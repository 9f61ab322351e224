/**
 * A minimal SIP client for Node tests: sip.js over the `ws` package (Node 20 has no global
 * WebSocket), registration only — calls with media need a browser (tests/e2e).
 */
import { Registerer, RegistererState, UserAgent } from 'sip.js';
import WebSocket from 'ws';
import { SIP_DOMAIN } from './kamailio';

export interface RegisterResult {
  ok: boolean;
  /** SIP status of the final answer (200, 403, …), or 0 when the server could not be reached. */
  status: number;
  reason: string;
}

/** Registers `extension` once and unregisters again; resolves with the server's final answer. */
export async function registerOnce(wsUrl: string, extension: string, password: string, timeoutMs = 5000): Promise<RegisterResult> {
  const g = globalThis as { WebSocket?: unknown };
  if (!g.WebSocket) g.WebSocket = WebSocket;
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${extension}@${SIP_DOMAIN}`),
    authorizationUsername: extension,
    authorizationPassword: password,
    transportOptions: { server: wsUrl, connectionTimeout: Math.ceil(timeoutMs / 1000) },
    logLevel: 'error',
  });
  try {
    await ua.start();
  } catch (e) {
    return { ok: false, status: 0, reason: e instanceof Error ? e.message : String(e) };
  }
  const registerer = new Registerer(ua, { expires: 60 });
  try {
    return await new Promise<RegisterResult>((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, status: 0, reason: 'timeout' }), timeoutMs);
      registerer
        .register({
          requestDelegate: {
            onAccept: (r) => {
              clearTimeout(timer);
              resolve({ ok: true, status: r.message.statusCode ?? 200, reason: r.message.reasonPhrase ?? '' });
            },
            onReject: (r) => {
              clearTimeout(timer);
              resolve({ ok: false, status: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' });
            },
          },
        })
        .catch((e: unknown) => {
          clearTimeout(timer);
          resolve({ ok: false, status: 0, reason: e instanceof Error ? e.message : String(e) });
        });
    });
  } finally {
    if (registerer.state === RegistererState.Registered) await registerer.unregister().catch(() => undefined);
    await ua.stop().catch(() => undefined);
  }
}
