/**
 * Who is logged in, and which of the four faces the window shows: loading, login, forced password
 * change, or the main window — with the lock screen on top when the session is locked. The API
 * client reports session errors here (locked / logged out / must change password), and so do the
 * pushed events, so whatever the server decides, the window follows.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../../electron/common/api';
import { ApiError, call, connectEvents, disconnectEvents, isApiError, onEvent, setSessionErrorHandler } from '../../api';
import type { ApiEvents } from '../../../electron/common/api/events';
import { applyLocale, getLocale, t, type Locale, type MessageKey } from '../../i18n';
import { perfMark } from '../../perf-marks';

export type Phase = 'loading' | 'login' | 'changePassword' | 'ready';

export interface LockInfo {
  displayName: string;
  username?: string;
}

export interface SessionState {
  phase: Phase;
  session: SessionInfo | null;
  /** Set while the program is locked; the screen underneath keeps its state. */
  lockInfo: LockInfo | null;
  /** A message for the login page (logged out elsewhere, expired, …). */
  notice: string | null;
}

export interface SessionApi extends SessionState {
  /**
   * `ready`: started with the answer (a running chunk download, home's first reads) and awaited
   * before the main window shows, so it opens in one go.
   */
  login(username: string, password: string, ready?: (info: SessionInfo) => Promise<unknown>): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  lock(): void;
  unlock(password: string): Promise<void>;
  logout(notice?: string | null): Promise<void>;
  /** The user switched the language (saved for the user when logged in, remembered for after login otherwise). */
  saveLocale(locale: Locale): void;
}

const SessionContext = createContext<SessionApi | null>(null);

const CHOSEN_KEY = 'dscrm.localeChosenBeforeLogin';

function readChosenFlag(): boolean {
  try {
    return sessionStorage.getItem(CHOSEN_KEY) === '1';
  } catch {
    return false;
  }
}

function setChosenFlag(ref: { current: boolean }, value: boolean): void {
  ref.current = value;
  try {
    if (value) sessionStorage.setItem(CHOSEN_KEY, '1');
    else sessionStorage.removeItem(CHOSEN_KEY);
  } catch {
    // storage disabled: the flag lives for this page only
  }
}

/** What the login page says when the host ended this window's session (session.ended). */
const ENDED_NOTICE: Record<ApiEvents['session.ended']['reason'], MessageKey> = {
  logout: 'login.notice.endedElsewhere',
  expired: 'login.notice.expired',
  passwordReset: 'login.notice.passwordReset',
  passwordChanged: 'login.notice.passwordChanged',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading', session: null, lockInfo: null, notice: null });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Language picked on the login page before the user was known: saved for them after login
  // (kept in sessionStorage so a reload of the login page does not forget the choice).
  const localeChosenBeforeLogin = useRef(readChosenFlag());
  const loggingOut = useRef(false);

  const toLogin = useCallback((notice: string | null) => {
    setState({ phase: 'login', session: null, lockInfo: null, notice });
  }, []);

  const saveLocaleForUser = useCallback(async (locale: Locale) => {
    try {
      const info = await call('auth.setLocale', { locale });
      setState((s) => (s.session ? { ...s, session: info } : s));
      setChosenFlag(localeChosenBeforeLogin, false);
    } catch (e) {
      // A lock or logout in between is handled by the session error handler; otherwise the switch
      // still applies on this machine and is retried at the next switch.
      if (!isApiError(e)) console.error('[session] setLocale failed', e);
    }
  }, []);

  /** A session became known (login, reload, unlock, password change). */
  const enter = useCallback(
    (info: SessionInfo) => {
      const chosen = localeChosenBeforeLogin.current;
      // The user's saved language wins, unless they just picked one before logging in.
      if (!chosen) applyLocale(info.user.locale);
      if (info.mustChangePassword) {
        // auth.setLocale is refused before the password change; a choice is saved right after it.
        setState({ phase: 'changePassword', session: info, lockInfo: null, notice: null });
        return;
      }
      if (chosen && info.user.locale !== getLocale()) void saveLocaleForUser(getLocale());
      else setChosenFlag(localeChosenBeforeLogin, false);
      setState({ phase: 'ready', session: info, lockInfo: null, notice: null });
    },
    [saveLocaleForUser],
  );

  const showLock = useCallback((info?: Partial<LockInfo>) => {
    setState((s) => {
      if (s.lockInfo) return s;
      const displayName = info?.displayName ?? s.session?.user.displayName ?? '';
      const username = info?.username ?? s.session?.user.username;
      return { ...s, lockInfo: username ? { displayName, username } : { displayName } };
    });
  }, []);

  // What the server says about the session decides what the window shows.
  useEffect(() => {
    setSessionErrorHandler((err) => {
      switch (err.code) {
        case 'SESSION_LOCKED':
          showLock({ displayName: str(err.details.displayName), username: str(err.details.username) });
          break;
        case 'UNAUTHENTICATED': {
          const s = stateRef.current;
          if (s.phase === 'login') return;
          disconnectEvents();
          toLogin(s.phase === 'loading' && !s.lockInfo ? null : err.message);
          break;
        }
        case 'PASSWORD_CHANGE_REQUIRED':
          setState((s) => (s.session ? { ...s, phase: 'changePassword' } : s));
          break;
      }
    });
    return () => setSessionErrorHandler(null);
  }, [showLock, toLogin]);

  // Pushed events: a lock from another window, the system lock, the server's idle lock; logout elsewhere.
  useEffect(() => {
    const offs = [
      onEvent('session.locked', () => showLock()),
      onEvent('session.unlocked', () => {
        const s = stateRef.current;
        if (!s.lockInfo) return;
        // Unlocked in another window of the same session: this one follows.
        call('auth.session', {}).then(enter, () => undefined);
      }),
      onEvent('session.ended', ({ reason }) => {
        if (loggingOut.current || stateRef.current.phase === 'login') return;
        disconnectEvents();
        toLogin(t(ENDED_NOTICE[reason]));
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [enter, showLock, toLogin]);

  // Events flow while there is a session (locked or not).
  const hasSession = state.phase === 'ready' || state.phase === 'changePassword' || state.lockInfo !== null;
  useEffect(() => {
    if (hasSession) connectEvents();
    else disconnectEvents();
  }, [hasSession]);

  // On start (and on reload): is there a session already? A locked one answers SESSION_LOCKED (423).
  useEffect(() => {
    call('auth.session', {}).then(enter, (e: unknown) => {
      if (isApiError(e, 'SESSION_LOCKED') || isApiError(e, 'UNAUTHENTICATED')) return; // handled above
      toLogin(e instanceof Error ? e.message : null);
    });
  }, [enter, toLogin]);

  const login = useCallback(
    async (username: string, password: string, ready?: (info: SessionInfo) => Promise<unknown>) => {
      const info = await call('auth.login', { username, password });
      perfMark('login.answered');
      // A chunk that failed to load does not stop the login: the window loads it again itself.
      if (ready && !info.mustChangePassword) await ready(info).catch(() => undefined);
      enter(info);
    },
    [enter],
  );

  const changePassword = useCallback(
    async (oldPassword: string, newPassword: string) => {
      const info = await call('auth.changePassword', { oldPassword, newPassword });
      enter(info);
    },
    [enter],
  );

  const lock = useCallback(() => {
    // The screen locks at once; the server is told right after (and would lock on idle anyway).
    showLock();
    call('auth.lock', {}).catch((e: unknown) => {
      if (!isApiError(e)) console.error('[session] lock failed', e);
    });
  }, [showLock]);

  const unlock = useCallback(
    async (password: string) => {
      try {
        const info = await call('auth.unlock', { password });
        enter(info);
      } catch (e) {
        // Five wrong passwords at the lock screen end the session: back to the login page, saying why.
        if (isApiError(e, 'ACCOUNT_LOCKED')) {
          disconnectEvents();
          toLogin(e.message);
          return;
        }
        throw e;
      }
    },
    [enter, toLogin],
  );

  const logout = useCallback(
    async (notice: string | null = t('login.notice.loggedOut')) => {
      loggingOut.current = true;
      try {
        await call('auth.logout', {});
      } catch (e) {
        if (!(e instanceof ApiError)) console.error('[session] logout failed', e);
      } finally {
        disconnectEvents();
        toLogin(notice);
        loggingOut.current = false;
      }
    },
    [toLogin],
  );

  const saveLocale = useCallback(
    (locale: Locale) => {
      const s = stateRef.current;
      if (s.phase === 'ready' && s.session && !s.lockInfo) void saveLocaleForUser(locale);
      else setChosenFlag(localeChosenBeforeLogin, true);
    },
    [saveLocaleForUser],
  );

  const value = useMemo<SessionApi>(
    () => ({ ...state, login, changePassword, lock, unlock, logout, saveLocale }),
    [state, login, changePassword, lock, unlock, logout, saveLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession() outside <SessionProvider>');
  return v;
}

/** The logged-in session; only for screens inside the main window. */
export function useSessionInfo(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSessionInfo() without a session');
  return session;
}
