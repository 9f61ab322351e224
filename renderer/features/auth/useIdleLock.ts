import { useEffect, useRef } from 'react';
import { call } from '../../api';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const PING_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/**
 * The program lock on idle: no mouse or keyboard for `idleMinutes` calls `onIdle`. While the user
 * is active, auth.ping tells the server at most once a minute, so its own idle lock (which sees only
 * API calls) agrees with the screen.
 */
export function useIdleLock({ enabled, idleMinutes, onIdle }: { enabled: boolean; idleMinutes: number; onIdle: () => void }) {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    if (!enabled || !(idleMinutes > 0)) return;
    let lastActivity = Date.now();
    let lastPing = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastPing >= PING_EVERY_MS) {
        lastPing = now;
        // A locked or ended session answers with an error the session layer already acts on.
        call('auth.ping', {}).catch(() => undefined);
      }
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity >= idleMinutes * 60_000) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity, { capture: true });
      clearInterval(timer);
    };
  }, [enabled, idleMinutes]);
}

/** Ctrl+L (and ⌘L) locks the program, wherever the focus is. */
export function useLockShortcut(enabled: boolean, onLock: () => void) {
  const onLockRef = useRef(onLock);
  onLockRef.current = onLock;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        e.stopPropagation();
        onLockRef.current();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
