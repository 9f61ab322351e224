/**
 * Client-seat mode's counterpart of WindowSessions: the same window-facing calls, but forwarded to
 * the host over pinned HTTPS (HostClient) instead of a local core. No `electron` import, so the
 * main-bundle test and plain Node drive it.
 *
 * The session token the host hands out at login arrives in the answer's Set-Cookie; it is kept
 * here, per window, and sent back as the dscrm_session cookie — it never crosses the bridge, as on
 * the desktop today and in the browser (HttpOnly cookie). Each logged-in window gets its own event
 * socket to the host, whose events are relayed to that window only; link changes go to every
 * window, for the status bar and to refresh open screens when the host is back.
 */
import type { ApiResult } from '../common/api/contract';
import type { EventMessage } from '../common/api/events';
import type { LinkStatus } from '../common/api/seat-mode';
import type { EventSocket } from '../node/host-client/event-socket';
import type { HostClient } from '../node/host-client/host-client';
import type { Uploaded } from '../node/uploads/upload-store';
import type { LockReason } from './window-sessions';

interface Held {
  token: string;
  socket: EventSocket;
}

/** How long quitting waits for the host to confirm the logouts. */
const QUIT_LOGOUT_MS = 2_000;

export class ClientSessions {
  private readonly held = new Map<number, Held>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly offLink: () => void;
  /** From the last session info the host sent (login, unlock, auth.session): the OS idle-lock threshold. */
  idleLockMinutes: number | null = null;

  /**
   * `send` delivers a message to one window (by webContents id), `broadcast` to every window (the
   * link state, wanted before anyone logs in); both must ignore destroyed windows.
   */
  constructor(
    private readonly client: HostClient,
    private readonly send: (windowId: number, msg: EventMessage) => void,
    broadcast: (msg: EventMessage) => void,
  ) {
    this.offLink = client.link.onChange((s) => broadcast({ event: 'link', payload: s }));
  }

  /** The link to the host as the status bar shows it. */
  link(): LinkStatus {
    return this.client.link.get();
  }

  /** The host's versions as last seen, for the API_VERSION_MISMATCH message. */
  hostVersions(): { hostApp: string; hostApi: string } | null {
    return this.client.hostVersions;
  }

  /** At start: is the host there, with the pinned certificate, knowing this seat, on our API version? */
  check(locale: string): Promise<void> {
    return this.track(this.client.check(locale));
  }

  /** One API call from a window, forwarded with the window's session. */
  async call(windowId: number, method: unknown, input: unknown, meta: { locale?: string | null } = {}): Promise<ApiResult<unknown>> {
    const name = typeof method === 'string' ? method : '';
    const { result, sessionChange } = await this.client.invoke(name, input, { sessionToken: this.tokenOf(windowId), locale: meta.locale });
    if (sessionChange && 'set' in sessionChange) this.hold(windowId, sessionChange.set);
    else if (sessionChange) this.drop(windowId);
    if (result.ok) {
      const minutes = (result.value as { idleLockMinutes?: unknown } | null)?.idleLockMinutes;
      if (typeof minutes === 'number') this.idleLockMinutes = minutes;
    }
    return result;
  }

  upload(windowId: number, fileName: unknown, data: unknown, locale?: unknown): Promise<ApiResult<Uploaded>> {
    const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.alloc(0);
    return this.client.upload(typeof fileName === 'string' ? fileName : 'upload', bytes, { sessionToken: this.tokenOf(windowId), locale: typeof locale === 'string' ? locale : null });
  }

  /** A recording the window's player asks for, streamed from the host with the window's session. */
  media(windowId: number, pathAndQuery: string, range: string | null): Promise<Response> {
    return this.client.media(pathAndQuery, { sessionToken: this.tokenOf(windowId), range });
  }

  hasSession(windowId: number): boolean {
    return this.held.has(windowId);
  }

  tokenOf(windowId: number): string | null {
    return this.held.get(windowId)?.token ?? null;
  }

  /** Program lock on every session this PC holds (minimise, OS lock, idle, tray): the host records it and pushes session.locked back. */
  lockAll(_reason: LockReason): void {
    for (const h of this.held.values()) void this.client.invoke('auth.lock', {}, { sessionToken: h.token });
  }

  /** The window is gone: its token can never be presented again, so the host ends the session. */
  forget(windowId: number): Promise<void> {
    const h = this.held.get(windowId);
    if (!h) return Promise.resolve();
    this.drop(windowId);
    return this.track(this.client.invoke('auth.logout', {}, { sessionToken: h.token }).then(() => undefined));
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
    return p;
  }

  /** At quit: log every session out on the host (briefly: a host that is down cannot be waited for), then close. */
  async dispose(): Promise<void> {
    for (const w of [...this.held.keys()]) void this.forget(w);
    await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => setTimeout(r, QUIT_LOGOUT_MS).unref())]);
    this.offLink();
    this.client.dispose();
  }

  private hold(windowId: number, token: string): void {
    const old = this.held.get(windowId);
    if (old?.token === token) return;
    if (old) this.client.closeSocket(old.socket);
    const socket = this.client.events(
      token,
      (msg) => {
        if (this.held.get(windowId)?.token !== token) return;
        this.send(windowId, msg);
        if (msg.event === 'session.ended') {
          this.drop(windowId);
          void this.client.recheckSeat();
        }
      },
      (why) => {
        // The host refused the socket: the session is gone (expired, ended elsewhere, seat revoked).
        if (why === 'certificate' || this.held.get(windowId)?.token !== token) return;
        this.held.delete(windowId);
        this.send(windowId, { event: 'session.ended', payload: { reason: 'expired' } });
      },
    );
    this.held.set(windowId, { token, socket });
  }

  private drop(windowId: number): void {
    const h = this.held.get(windowId);
    this.held.delete(windowId);
    if (h) this.client.closeSocket(h.socket);
  }
}
