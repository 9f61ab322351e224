import { useCallback, useEffect, useState } from 'react';
import type { BackupFile, BackupRun } from '../../../electron/common/api/backup';
import { formatBytes } from '../../../electron/common/bytes';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';
import { Button, Table, TextField, Toolbar, useToast } from '../../ui';
import { errorText } from '../../ui/errors';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

type Overview = { folder: string; retention: { daily: number; weekly: number; monthly: number }; files: BackupFile[]; runs: BackupRun[] };

const size = (n: number | null) => (n === null ? '' : formatBytes(n));

/**
 * 系统管理 → 备份与恢复: where backups go and how many are kept, 立即备份, the backups in the folder
 * with what each holds (when, app version, customers, vehicles) and whether it reads, and the log
 * of attempts with the reason of a failed one; 恢复 of a listed backup (RestoreDialog).
 */
export function BackupScreen() {
  const tx = usePrefixedT('backup.');
  const toast = useToast();
  const [v, setV] = useState<Overview | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState({ daily: '7', weekly: '4', monthly: '12' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  const load = useCallback(() => {
    call('backup.overview', {}).then(
      (o) => {
        setV(o);
        setKeep({ daily: String(o.retention.daily), weekly: String(o.retention.weekly), monthly: String(o.retention.monthly) });
      },
      (e) => setError(errorText(e)),
    );
    call('admin.settings.get', {}).then(
      (s) => setFolder(s['backup.folder']),
      () => undefined,
    );
  }, []);
  useEffect(load, [load]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const r = await call('backup.now', {});
      if (r.status === 'ok') toast.show(tx('now.ok', { file: r.fileName ?? '', size: size(r.size) }), 'success');
      else toast.show(tx('now.failed', { error: r.error ?? '' }), 'error');
      load();
    } catch (e) {
      toast.show(errorText(e), 'error');
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setError(null);
    try {
      await call('admin.settings.update', {
        'backup.folder': folder,
        'scheduler.backupKeep': Number(keep.daily),
        'backup.keepWeekly': Number(keep.weekly),
        'backup.keepMonthly': Number(keep.monthly),
      });
      toast.show(tx('saved'), 'success');
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="screen backup-screen" data-testid="backup-screen">
      <Toolbar title={tx('settings')}>
        <Button variant="primary" size="small" busy={busy} onClick={() => void backupNow()} data-testid="backup-now">
          {tx('now')}
        </Button>
      </Toolbar>
      <div className="backup-body">
        <div className="backup-settings">
          <TextField label={tx('folder')} hint={tx('folder.hint')} value={folder} onChange={setFolder} placeholder={v?.folder} data-testid="backup-folder" />
          <TextField label={tx('daily')} value={keep.daily} onChange={(d) => setKeep({ ...keep, daily: d })} inputMode="numeric" data-testid="backup-daily" />
          <TextField label={tx('weekly')} value={keep.weekly} onChange={(w) => setKeep({ ...keep, weekly: w })} inputMode="numeric" data-testid="backup-weekly" />
          <TextField label={tx('monthly')} value={keep.monthly} onChange={(m) => setKeep({ ...keep, monthly: m })} inputMode="numeric" data-testid="backup-monthly" />
          <Button size="small" onClick={() => void save()} data-testid="backup-save">
            {tx('save')}
          </Button>
        </div>
        {error && (
          <p className="form-message is-error" role="alert">
            {error}
          </p>
        )}
        <h3>{tx('files', { folder: v?.folder ?? '' })}</h3>
        <Table
          aria-label={tx('files', { folder: v?.folder ?? '' })}
          rowKey={(f) => f.fileName}
          rows={v?.files ?? []}
          empty={tx('files.none')}
          rowProps={(f) => ({ 'data-testid': `backup-file-${f.fileName}` })}
          columns={[
            { key: 'file', header: tx('col.file'), render: (f) => f.fileName, nowrap: true },
            { key: 'taken', header: tx('col.takenAt'), render: (f) => (f.takenAt ? formatDateTime(f.takenAt) : ''), nowrap: true, width: 150 },
            { key: 'size', header: tx('col.size'), render: (f) => size(f.size), align: 'right', width: 90 },
            { key: 'version', header: tx('col.version'), render: (f) => f.appVersion ?? '', width: 80 },
            { key: 'customers', header: tx('col.customers'), render: (f) => f.counts?.customers?.toLocaleString() ?? '', align: 'right', width: 90 },
            { key: 'vehicles', header: tx('col.vehicles'), render: (f) => f.counts?.vehicles?.toLocaleString() ?? '', align: 'right', width: 90 },
            { key: 'check', header: tx('col.check'), render: (f) => (f.readable ? tx('check.ok') : <span className="backup-bad">{tx('check.bad')}</span>), width: 80 },
            {
              key: 'restore',
              header: tx('col.restore'),
              render: (f) =>
                f.readable && (
                  <Button size="small" onClick={() => setRestoring(f.fileName)} data-testid={`restore-${f.fileName}`}>
                    {tx('restore')}
                  </Button>
                ),
              width: 80,
            },
          ]}
        />
        {restoring && <RestoreDialog fileName={restoring} onClose={() => setRestoring(null)} />}
        <h3>{tx('runs')}</h3>
        <Table
          aria-label={tx('runs')}
          rowKey={(r) => r.id}
          rows={v?.runs ?? []}
          empty={tx('runs.none')}
          rowProps={(r) => ({ 'data-testid': `backup-run-${r.id}` })}
          columns={[
            { key: 'started', header: tx('col.started'), render: (r) => formatDateTime(r.startedAt), nowrap: true, width: 150 },
            { key: 'kind', header: tx('col.kind'), render: (r) => tx(`kind.${r.kind}`), width: 90 },
            { key: 'status', header: tx('col.status'), render: (r) => <span className={r.status === 'failed' ? 'backup-bad' : undefined}>{tx(`status.${r.status}`)}</span>, width: 60 },
            { key: 'file', header: tx('col.file'), render: (r) => r.fileName ?? '', nowrap: true },
            { key: 'size', header: tx('col.size'), render: (r) => size(r.size), align: 'right', width: 90 },
            { key: 'ms', header: tx('col.ms'), render: (r) => (r.ms === null ? '' : tx('seconds', { s: (r.ms / 1000).toFixed(1) })), align: 'right', width: 70 },
            { key: 'recordings', header: tx('col.recordings'), render: (r) => r.recordingsCopied ?? '', align: 'right', width: 80 },
            { key: 'by', header: tx('col.by'), render: (r) => r.startedBy ?? '', width: 90 },
            { key: 'error', header: tx('col.error'), render: (r) => r.error ?? '' },
          ]}
        />
      </div>
    </div>
  );
}
