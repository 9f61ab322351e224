/**
 * How this window reaches its data, asked once before anything else (seat.status): the web host
 * says 'browser'; the desktop says 'local', 'client' (a seat of a LAN host) or 'unset' on its first
 * start. Until the choice is made, or while the host refuses this seat for good (certificate
 * changed, seat revoked or unknown, another version), the app shows the first-start / pairing page
 * instead of the login. The status (with the live link state) is available to the shell's status bar.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SeatStatus } from '../../../electron/common/api/seat-mode';
import { call, connectEvents, isApiError, onEvent, setSeatRefusedHandler } from '../../api';
import { BrowserPairPage } from '../lan-pair';
import { I18nProvider, useI18n } from '../../i18n/react';
import { FirstStartPage, VersionPage } from './FirstStartPage';

const SeatModeContext = createContext<SeatStatus>({ mode: 'browser' });

/** This window's seat mode and, for a client seat, its host and link. */
export function useSeatMode(): SeatStatus {
  return useContext(SeatModeContext);
}

const REPAIRABLE = new Set(['HOST_CERT_CHANGED', 'SEAT_REVOKED', 'SEAT_UNKNOWN']);

function Splash() {
  const { t } = useI18n();
  return <div className="splash">{t('app.loading')}</div>;
}

export function SeatGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SeatStatus | null>(null);
  // A browser on the host's LAN listener without a (valid) seat cookie: it must pair first.
  const [unpaired, setUnpaired] = useState<{ message: string; revoked: boolean } | null>(null);

  const load = useCallback(() => {
    call('seat.status', {})
      .then(setStatus)
      .catch((e: unknown) => {
        if (isApiError(e, 'SEAT_UNKNOWN') || isApiError(e, 'SEAT_REVOKED')) return setUnpaired({ message: e.message, revoked: e.code === 'SEAT_REVOKED' });
        // Cannot even ask (should not happen: main answers it itself): do not block the app on it.
        setStatus({ mode: 'browser' });
      });
  }, []);

  useEffect(() => {
    load();
    // The desktop's link events arrive before anyone logs in (the bridge needs no session).
    if (window.dscrm) connectEvents();
    // A browser seat revoked while in use: any call the host refuses for the seat shows pairing.
    setSeatRefusedHandler((e) => setUnpaired({ message: e.message, revoked: e.code === 'SEAT_REVOKED' }));
    const offs = [
      onEvent('link', (link) => {
        if (link.state === 'refused') load(); // with the message for the page
        else setStatus((s) => (s?.mode === 'client' ? { ...s, link, problemMessage: null } : s));
      }),
      // Revoking a seat ends its sessions first: a browser then asks whether the seat itself is
      // still welcome, so it shows 本终端已被管理员停用 at once instead of a login that cannot work.
      onEvent('session.ended', () => {
        if (!window.dscrm) load();
      }),
    ];
    return () => {
      setSeatRefusedHandler(null);
      offs.forEach((off) => off());
    };
  }, [load]);

  if (unpaired) {
    return (
      <I18nProvider>
        <BrowserPairPage problem={unpaired.message} revoked={unpaired.revoked} />
      </I18nProvider>
    );
  }
  if (!status) {
    return (
      <I18nProvider>
        <Splash />
      </I18nProvider>
    );
  }
  if (status.mode === 'unset' || (status.mode === 'client' && status.link.state === 'refused')) {
    const problem = status.mode === 'client' && status.link.state === 'refused' ? status.link.problem : null;
    return (
      <I18nProvider>
        {problem === 'API_VERSION_MISMATCH' ? (
          <VersionPage message={status.mode === 'client' ? status.problemMessage : null} onRetry={load} />
        ) : (
          <FirstStartPage
            problem={problem && REPAIRABLE.has(problem) && status.mode === 'client' ? status.problemMessage : null}
            host={status.mode === 'client' ? new URL(status.hostUrl).host : undefined}
            onDone={setStatus}
          />
        )}
      </I18nProvider>
    );
  }
  return <SeatModeContext.Provider value={status}>{children}</SeatModeContext.Provider>;
}
