import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../electron/common/api/backup';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';
import { useNavigation } from '../../shell/navigation';

/** On the administrator's home: the last backup failed, or none succeeded for two days — with a way to the screen. */
export function BackupWarning() {
  const tx = usePrefixedT('backup.');
  const { openFiltered } = useNavigation();
  const [s, setS] = useState<BackupStatus | null>(null);
  useEffect(() => {
    call('backup.status', {}).then(setS, () => setS(null));
  }, []);
  if (!s?.attention) return null;
  const failed = s.last?.status === 'failed';
  return (
    <section className="card-section backup-warning" role="alert" data-testid="home-backup-warning">
      <p>{failed ? tx('home.failed', { at: formatDateTime(s.last!.startedAt), error: s.last!.error ?? '' }) : tx('home.stale')}</p>
      <button type="button" className="link" onClick={() => openFiltered?.('admin.backup', {})}>
        {tx('home.open')}
      </button>
    </section>
  );
}
