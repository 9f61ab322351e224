/**
 * The host's pushed events for one session of this seat: a WebSocket to wss://<host>/ws carrying
 * the session cookie and the seat header, pinned like every request. When it drops (host restart,
 * network) it reconnects with back-off (0.5 s doubling to 15 s) under the same session — the
 * session rows are in the host's database, so a host restart is a reconnect, not a re-login.
 * It stops for good when the host ends the session (close 4001) or refuses the upgrade (401: the
 * session or the seat is no longer valid), and when closed by us.
 */
import WebSocket from 'ws';
import type { EventMessage } from '../../common/api/events';
import { Backoff } from './backoff';
import { isCertRefusal, pinnedTls, type HostPin } from './pinning';

/** The web host closes a session's sockets with this code when the session ends. */
export const CLOSE_SESSION_ENDED = 4001;
/** The LAN listener closes a revoked seat's sockets with this code. */
export const CLOSE_SEAT_REVOKED = 4003;

export interface EventSocketOptions {
  url: string;
  pin: HostPin;
  headers: Record<string, string>;
  onMessage(msg: EventMessage): void;
  /** Open → true; dropped and retrying → false. */
  onLink(up: boolean): void;
  /** It will not reconnect: 'session' (ended or refused by the host), 'seat' (revoked), 'certificate' (not the pinned one). */
  onStopped(why: StopReason): void;
}

export type StopReason = 'session' | 'seat' | 'certificate';

function isMessage(v: unknown): v is EventMessage {
  return typeof v === 'object' && v !== null && typeof (v as { event?: unknown }).event === 'string';
}

export class EventSocket {
  private ws: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly backoff = new Backoff();
  private stopped = false;

  constructor(private readonly opts: EventSocketOptions) {}

  start(): void {
    this.connect();
  }

  /** The link came back (a request got through): try now instead of waiting out the back-off. */
  retryNow(): void {
    if (this.stopped || this.ws) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.backoff.reset();
    this.connect();
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState === WebSocket.OPEN) ws.close(1000, 'bye');
    else ws?.terminate();
  }

  private connect(): void {
    if (this.stopped || this.ws) return;
    const ws = new WebSocket(this.opts.url, {
      ...pinnedTls(this.opts.pin),
      headers: this.opts.headers,
      handshakeTimeout: 5_000,
      perMessageDeflate: false,
      maxPayload: 4 * 1024 * 1024,
    });
    this.ws = ws;
    let refusal: StopReason | null = null;
    ws.on('open', () => {
      this.backoff.reset();
      this.opts.onLink(true);
    });
    ws.on('message', (data) => {
      try {
        const msg: unknown = JSON.parse(String(data));
        if (isMessage(msg)) this.opts.onMessage(msg);
      } catch {
        // not an event: ignore
      }
    });
    ws.on('error', (err) => {
      if (isCertRefusal(err)) refusal = 'certificate';
      // ws reports a refused upgrade as "Unexpected server response: <status>".
      else if (/Unexpected server response: 40[13]\b/.test(err.message)) refusal = 'session';
    });
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped) return;
      if (code === CLOSE_SESSION_ENDED) refusal = 'session';
      if (code === CLOSE_SEAT_REVOKED) refusal = 'seat';
      if (refusal) {
        this.stopped = true;
        this.opts.onStopped(refusal);
        return;
      }
      this.opts.onLink(false);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.connect();
      }, this.backoff.take());
      this.timer.unref?.();
    });
  }
}
