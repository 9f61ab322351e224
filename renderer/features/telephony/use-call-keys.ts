import { useEffect } from 'react';
import type { Softphone } from './softphone';

/** Hotkeys for the whole window: Alt+A answers the ringing call (holding the current one), Alt+H hangs up the current one. */
export function useCallKeys(phone: Softphone): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 'a') {
        const ringing = phone.lines.find((l) => l.state === 'ringing');
        if (ringing) {
          e.preventDefault();
          const active = phone.lines.find((l) => l.state === 'connected' && !l.held);
          if (active) void phone.setHold(active, true);
          void phone.answer(ringing);
        }
      } else if (k === 'h') {
        const current = phone.lines.find((l) => l.state === 'connected' && !l.held) ?? phone.lines.find((l) => l.state === 'calling');
        if (current) {
          e.preventDefault();
          void phone.hangup(current);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phone]);
}
