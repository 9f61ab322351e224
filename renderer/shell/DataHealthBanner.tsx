import { useEffect, useState } from 'react';
import type { DataHealthStatus } from '../../electron/common/api';
import { call, onEvent } from '../api';
import { useI18n } from '../i18n/react';

/** How often the shell asks again: damage found by the nightly check or by a query shows up within this. */
const POLL_MS = 60_000;

/**
 * The banner every screen shows when the database is damaged (start-up quick_check, nightly
 * integrity_check, a query that met a damaged page): changes are refused on the server, and the
 * user is told why and where the backups to restore from are.
 */
export function DataHealthBanner() {
  const { t } = useI18n();
  const [health, setHealth] = useState<DataHealthStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const ask = () =>
      call('system.health', {}).then(
        (h) => alive && setHealth(h),
        () => undefined, // offline or logged out: the shell says so elsewhere
      );
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (!health?.damaged) return <RestoringBanner />;
  return (
    <div className="data-damaged-banner" role="alert" style={{ background: '#b3261e', color: '#fff', padding: '6px 12px', fontWeight: 600 }}>
      {t('shell.dataDamaged', { backupsDir: health.backupsDir })}
    </div>
  );
}

/**
 * While an administrator's restore has stopped changes (its safety copy) until the restart, every
 * screen says so — a save refused with RESTORING is then no surprise to the front desk.
 */
function RestoringBanner() {
  const { t } = useI18n();
  const [restoring, setRestoring] = useState(false);
  useEffect(() => onEvent('backup.restore', (s) => setRestoring(s.phase === 'safetyCopy' || s.phase === 'restarting')), []);
  if (!restoring) return null;
  return (
    <div className="data-damaged-banner" role="status" data-testid="restoring-banner" style={{ background: '#8a5a00', color: '#fff', padding: '6px 12px', fontWeight: 600 }}>
      {t('shell.restoring')}
    </div>
  );
}
