import { lazy, Suspense, useState } from 'react';
import { useI18n, I18nProvider } from './i18n/react';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { LockScreen } from './features/auth/LockScreen';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider, useSession } from './features/auth/session';
import { SeatGate } from './features/seat-mode/seat-mode';
import { ToastProvider } from './ui';
import { loadedShell, loadShell } from './shell/load-shell';

// Not part of the login page's own load, so it never waits for the shell's softphone (sip.js) and
// the rest of the app; the login page prefetches it while the user types and waits for it with the
// login answer (load-shell.ts). See renderer/shell/screens.tsx for the per-screen chunks.
const LazyShell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));

/**
 * The main window. Rendered directly when its chunk is already here (the login page loads it while
 * the password is typed and checked), so no loading splash and no Suspense reveal delay; otherwise
 * through React.lazy. Chosen once per mount, so the shell never remounts (and loses its tabs) when
 * the chunk arrives later.
 */
function ShellWhenLoaded() {
  const [loaded] = useState(loadedShell);
  const { t } = useI18n();
  if (loaded) return <loaded.Shell />;
  return (
    <Suspense fallback={<div className="splash">{t('app.loading')}</div>}>
      <LazyShell />
    </Suspense>
  );
}

/** Chooses the page from the session's phase; the lock screen covers whatever is underneath. */
function Root() {
  const { t } = useI18n();
  const { phase, lockInfo } = useSession();
  const locked = lockInfo !== null;
  return (
    <>
      {/* inert: while locked nothing underneath can be focused, clicked or read by assistive tech */}
      <div className="app-root" inert={locked} aria-hidden={locked || undefined}>
        {phase === 'loading' && !locked && <div className="splash">{t('app.loading')}</div>}
        {phase === 'login' && <LoginPage />}
        {phase === 'changePassword' && <ChangePasswordPage />}
        {phase === 'ready' && <ShellWhenLoaded />}
      </div>
      {lockInfo && <LockScreen lock={lockInfo} />}
    </>
  );
}

function WithLanguage() {
  const { saveLocale } = useSession();
  return (
    <I18nProvider onChange={saveLocale}>
      <ToastProviderLocalized />
    </I18nProvider>
  );
}

function ToastProviderLocalized() {
  const { t } = useI18n();
  return (
    <ToastProvider dismissLabel={t('common.close')}>
      <Root />
    </ToastProvider>
  );
}

/** First how this window reaches its data (本机 / 连接到主机, desktop only), then the session. */
export function App() {
  return (
    <SeatGate>
      <SessionProvider>
        <WithLanguage />
      </SessionProvider>
    </SeatGate>
  );
}
