import { useEffect, useRef, type MutableRefObject } from 'react';
import type { SoftphoneSettingsView } from '../../../electron/common/api/telephony';
import { call } from '../../api';
import { useTelT } from './i18n';
import type { RegStatus, Softphone } from './softphone';

/**
 * Registers the softphone at login and after unlock; unregisters while locked and on logout. A call
 * that is on when the screen locks (idle lock mid-call) goes on; the softphone stops when it ends
 * (the call flow reads `lockedRef`, kept here). `reloadKey` registers again (new settings). Its steps wait on
 * each other (settings, then credentials, then closing interrupted calls), so it keeps its own
 * `live` flag rather than useLoad: a lock or logout mid-way stops the rest of the sequence.
 */
export function useRegistration(o: {
  phone: Softphone;
  locked: boolean;
  reloadKey: number;
  lockedRef: MutableRefObject<boolean>;
  settingsRef: MutableRefObject<SoftphoneSettingsView | null>;
  setSettings: (s: SoftphoneSettingsView | null) => void;
  setStatus: (s: RegStatus) => void;
}): void {
  const { phone, locked, reloadKey, lockedRef, settingsRef, setSettings, setStatus } = o;
  const tt = useTelT();
  const ttRef = useRef(tt);
  ttRef.current = tt;
  useEffect(() => {
    lockedRef.current = locked;
    if (locked) {
      if (phone.lines.length === 0) void phone.stop();
      return;
    }
    if (phone.lines.length > 0) return; // kept through the lock: still registered
    let live = true;
    (async () => {
      const view = await call('telephony.settings.get', {}).catch(() => null);
      if (!live) return;
      settingsRef.current = view;
      setSettings(view);
      if (!view?.configured) return void phone.stop();
      const creds = await call('telephony.credentials', {}).catch(() => null);
      if (!live) return;
      if (!creds) return void setStatus({ kind: 'failed', reason: 'rejected', text: ttRef.current('reason.noPassword') });
      // Calls left open by a crash or a closed window: the log says they were interrupted.
      if (phone.lines.length === 0) await call('telephony.calls.closeInterrupted', {}).catch(() => undefined);
      await phone.start(creds);
    })();
    return () => {
      live = false;
    };
    // Not on a language switch: `tt` is read through a ref. The setters and the ref are stable.
  }, [locked, reloadKey, phone]);
  useEffect(() => () => void phone.stop(), [phone]);
}
