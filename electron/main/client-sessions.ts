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
import { localError, type HostClient } from '../node/host-client/host-client';
import { RecordingSpool } from '../node/host-client/recording-spool';
import { RecordingUploader } from '../node/host-client/recording-uploader';
import { api } from '../common/api';
import { errorMessage, pickLocale } from '../common/i18n/errors';
import { AppError } from '../node/errors';
import type { Uploaded } from '../node/uploads/upload-store';
import type { LockReason } from './window-sessions';

interface Held {
  token: string;
  socket: EventSocket;
  /** The host's user behind the session (from its session info), for the recording spool. */
  userId: number | null;
}

/** The recorder's calls a client seat answers itself: the pieces go to the seat's disk, not the host. */
const SPOOLED = new Set(['telephony.recording.chunk', 'telephony.recording.finish']);

/** How long quitting waits for the host to confirm the logouts. */
const QUIT_LOGOUT_MS = 2_000;

export class ClientSessions {
  private readonly held = new Map<number, Held>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly offLink: () => void;
  /** From the last session info the host sent (login, unlock, auth.session): the OS idle-lock threshold. */
  idleLockMinutes: number | null = null;
  /** Recordings made here wait on this seat's disk until the host has them (issue 15); none without a folder. */
  private readonly spool: RecordingSpool | null;
  private readonly uploader: RecordingUploader | null;
  private readonly offUpload: () => void;

  /**
   * `send` delivers a message to one window (by webContents id), `broadcast` to every window (the
   * link state, wanted before anyone logs in); both must ignore destroyed windows.
   */
  constructor(
    private readonly client: HostClient,
    private readonly send: (windowId: number, msg: EventMessage) => void,
    broadcast: (msg: EventMessage) => void,
    spoolDir: string | null = null,
  ) {
    this.offLink = client.link.onChange((s) => broadcast({ event: 'link', payload: s }));
    this.spool = spoolDir ? new RecordingSpool(spoolDir) : null;
    this.uploader = this.spool ? new RecordingUploader({ spool: this.spool, client, sessionFor: (userId) => this.sessionOfUser(userId) }) : null;
    // The host is back: what waited for it goes now.
    this.offUpload = client.link.onChange((s) => {
      if (s.state === 'connected') void this.uploader?.kick();
    });
    this.uploader?.start();
  }

  /** For tests and the quit path: the uploads still to do, after one more try now. */
  uploadNow(): Promise<void> {
    return this.uploader?.kick() ?? Promise.resolve();
  }

  private sessionOfUser(userId: number): string | null {
    for (const h of this.held.values()) if (h.userId === userId) return h.token;
    return null;
  }

  /**
   * A recording piece or its end, written to this seat's spool under the window's user. The input
   * is checked against the contract as the host would; the call's ownership is checked by the host
   * when the file is uploaded (a piece for someone else's call is refused there and set aside).
   */
  private spooled(windowId: number, name: string, input: unknown, locale?: string | null): ApiResult<unknown> {
    const h = this.held.get(windowId);
    if (!h || h.userId === null) return localError('UNAUTHENTICATED', locale);
    const parsed = api[name as 'telephony.recording.chunk'].input.safeParse(input ?? {});
    if (!parsed.success) return localError('INVALID_INPUT', locale, { issues: parsed.error.issues[0]?.message ?? '' });
    try {
      if (name === 'telephony.recording.chunk') return { ok: true, value: this.spool!.chunk(h.userId, parsed.data, locale) };
      const { callId, durationMs } = parsed.data as unknown as { callId: number; durationMs: number };
      const done = this.spool!.finish(h.userId, callId, durationMs);
      void this.uploader!.kick();
      return { ok: true, value: done };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { ok: false, error: { code: err.code, message: errorMessage(err.code, pickLocale(locale), err.details) } };
    }
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
    if (this.spool && SPOOLED.has(name)) return this.spooled(windowId, name, input, meta.locale);
    const { result, sessionChange } = await this.client.invoke(name, input, { sessionToken: this.tokenOf(windowId), locale: meta.locale });
    if (sessionChange && 'set' in sessionChange) this.hold(windowId, sessionChange.set);
    else if (sessionChange) this.drop(windowId);
    if (result.ok) {
      const info = result.value as { idleLockMinutes?: unknown; user?: { id?: unknown } } | null;
      if (typeof info?.idleLockMinutes === 'number') this.idleLockMinutes = info.idleLockMinutes;
      const held = this.held.get(windowId);
      if (held && typeof info?.user?.id === 'number' && held.userId !== info.user.id) {
        held.userId = info.user.id;
        // A user logged in: their recordings waiting on this seat can go now.
        void this.uploader?.kick();
      }
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
  lockAll(reason: LockReason): void {
    for (const h of this.held.values()) void this.client.invoke('auth.lock', { reason }, { sessionToken: h.token });
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
    this.offUpload();
    this.uploader?.dispose();
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
    this.held.set(windowId, { token, socket, userId: null });
  }

  private drop(windowId: number): void {
    const h = this.held.get(windowId);
    this.held.delete(windowId);
    if (h) this.client.closeSocket(h.socket);
  }
}
