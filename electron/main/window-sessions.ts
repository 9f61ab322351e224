/**
 * The Electron transport's session handling, kept free of `electron` imports so that it can be
 * tested with a real core under plain Node (Electron itself cannot run on the build machines).
 *
 * Mirrors the web host: there the session token lives in an HttpOnly cookie the page's script
 * cannot read; here it lives in this map in the main process, keyed by the webContents that
 * logged in, and never crosses the bridge. Events are forwarded with the same target matching
 * the web host uses for its WebSockets.
 */
import type { ApiResult } from '../common/api/contract';
import type { EventMessage } from '../common/api/events';
import type { PickedFolder } from '../common/bridge';
import type { Permission } from '../common/roles';
import type { Core } from '../node/core';
import { dispatch, dispatchUpload, type CallMeta } from '../node/dispatch';
import type { Uploaded } from '../node/uploads/upload-store';
import { isFor, type EventEnvelope } from '../node/events';
import { LockedPushHold } from '../node/locked-push-hold';
import { hashToken } from '../node/features/auth/service';

export type LockReason = 'manual' | 'idle' | 'system';

interface Held {
  token: string;
  tokenHash: string;
  userId: number;
}

export class WindowSessions {
  private held = new Map<number, Held>();
  private readonly pushHold: LockedPushHold<number>;
  private readonly unsubscribe: () => void;

  /** `send` delivers an event to one window (by webContents id); it must ignore destroyed ones. */
  constructor(
    private readonly core: Core,
    private readonly send: (windowId: number, msg: EventMessage) => void,
  ) {
    this.pushHold = new LockedPushHold(core);
    this.unsubscribe = core.events.subscribe((e) => this.route(e));
  }

  /**
   * One API call from a window: the same dispatch as the web host, with the window's token.
   * A non-string method (the bridge is reachable from any script in the page) becomes an unknown
   * method, refused by dispatch with its usual localized error.
   */
  async call(windowId: number, method: unknown, input: unknown, meta: CallMeta = {}): Promise<ApiResult<unknown>> {
    const name = typeof method === 'string' ? method : '';
    const token = this.held.get(windowId)?.token ?? null;
    const { result, sessionChange } = await dispatch(this.core, token, name, input, meta);
    if (sessionChange && 'set' in sessionChange) this.hold(windowId, sessionChange.set);
    else if (sessionChange) this.held.delete(windowId);
    return result;
  }

  hasSession(windowId: number): boolean {
    return this.held.has(windowId);
  }

  /** The window's token, for requests the main process answers for it (recordings); never sent to it. */
  tokenOf(windowId: number): string | null {
    return this.held.get(windowId)?.token ?? null;
  }

  /** The window's user is logged in, not locked, past the first password change, and has the permission. */
  permits(windowId: number, permission: Permission): boolean {
    const s = this.core.auth.resolve(this.tokenOf(windowId));
    return s !== null && !s.locked && !s.mustChangePassword && this.core.auth.hasPermission(s, permission);
  }

  /** A file for an import from this window (the web host's POST /upload, for the desktop). */
  upload(windowId: number, fileName: unknown, data: unknown, locale?: unknown): Promise<ApiResult<Uploaded>> {
    const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.alloc(0);
    return dispatchUpload(this.core, this.tokenOf(windowId), typeof fileName === 'string' ? fileName : 'upload', [bytes], bytes.length, {
      locale: typeof locale === 'string' ? locale : null,
    });
  }

  /** A folder the window's user picked in the native dialog: the grant an export may write to. */
  grantFolder(windowId: number, dir: string): PickedFolder | null {
    const h = this.held.get(windowId);
    return h ? { path: dir, grant: this.core.folderGrants.grant(h.tokenHash, dir) } : null;
  }

  private hold(windowId: number, token: string): void {
    const session = this.core.auth.resolve(token);
    if (!session) {
      this.held.delete(windowId);
      return;
    }
    this.held.set(windowId, { token, tokenHash: hashToken(token), userId: session.user.id });
  }

  private route(e: EventEnvelope): void {
    const msg = { event: e.event, payload: e.payload } as EventMessage;
    for (const [windowId, who] of this.held) {
      if (!isFor(e.target, who)) continue;
      // Behind the program lock a window gets only its lock / unlock / end; the rest waits for unlock.
      for (const m of this.pushHold.route(windowId, who.tokenHash, msg)) this.send(windowId, m);
      // The web host closes the socket here; the session row is gone, so is our copy of the token.
      if (e.event === 'session.ended') this.held.delete(windowId);
    }
  }

  /**
   * Program lock for every open session (system lock, suspend, minimise, idle, tray). The auth
   * service records it and publishes 'session.locked', which `route` forwards to the window, whose
   * lock screen then asks for the password. A session that has expired meanwhile is dropped.
   */
  lockAll(reason: LockReason): void {
    for (const [windowId, h] of this.held) {
      const session = this.core.auth.resolve(h.token);
      if (!session) this.held.delete(windowId);
      else this.core.auth.lock(session, reason);
    }
  }

  /**
   * The window is gone: its token can never be presented again (it existed only here), so the
   * session is ended rather than left to expire — and the audit log shows the logout.
   */
  forget(windowId: number): void {
    const h = this.held.get(windowId);
    this.held.delete(windowId);
    this.pushHold.forget(windowId);
    if (!h) return;
    const session = this.core.auth.resolve(h.token);
    if (session) this.core.auth.logout(session);
  }

  /** At quit: end every session and stop listening to the core. */
  dispose(): void {
    for (const windowId of [...this.held.keys()]) this.forget(windowId);
    this.unsubscribe();
  }
}

/** Whether the OS-wide idle time (seconds, from powerMonitor) has reached the idle-lock setting. */
export function idleLockDue(systemIdleSeconds: number, idleLockMinutes: number): boolean {
  // A non-positive setting would lock continuously; treat it as "no OS idle lock".
  if (!Number.isFinite(idleLockMinutes) || idleLockMinutes <= 0) return false;
  return systemIdleSeconds >= idleLockMinutes * 60;
}
