import { useEffect, useState } from 'react';
import type { RestoreCheck, RestoreState } from '../../../electron/common/api/backup';
import { call, isApiError, onEvent } from '../../api';
import { formatDateTime } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';
import { Button, Dialog, Table, FormMessage } from '../../ui';
import { errorText } from '../../ui/errors';

/** The tables shown side by side, in the order a dealer would look at them. */
const SHOWN = ['customers', 'vehicles', 'opportunities', 'activities', 'showroom_visits', 'service_visits', 'revisits', 'complaints', 'calls', 'sms_messages', 'users'] as const;

/**
 * 恢复: what the chosen backup holds beside the current data (row counts side by side), why it
 * cannot be restored when it cannot (a newer app's backup, not a backup), a confirmation that the
 * current data will be replaced, then the steps as the host reports them. When the host restarts,
 * the page waits for it and reloads to the login (everyone signs in again).
 */
export function RestoreDialog({ fileName, onClose }: { fileName: string; onClose: () => void }) {
  const tx = usePrefixedT('backup.');
  const [check, setCheck] = useState<RestoreCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [state, setState] = useState<RestoreState | null>(null);

  useEffect(() => {
    call('backup.restoreCheck', { fileName }).then(setCheck, (e) => setError(errorText(e)));
  }, [fileName]);
  useEffect(() => onEvent('backup.restore', (s) => s.fileName === fileName && setState(s)), [fileName]);
  useEffect(() => {
    if (state?.phase !== 'restarting' || window.dscrm) return; // the desktop app relaunches itself
    return waitForRestartThenReload();
  }, [state?.phase]);

  const start = async () => {
    setError(null);
    try {
      setState(await call('backup.restore', { fileName, confirm: true }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const phase = state && state.phase !== 'refused' && state.phase !== 'idle' ? state.phase : null;
  const running = phase !== null;
  const refusal = check?.refusal ?? (state?.phase === 'refused' ? state.error : null);
  const rows = check?.info ? SHOWN.filter((t) => t in check.info!.counts || t in check.current) : [];
  return (
    <Dialog
      title={tx('restore.title', { file: fileName })}
      onClose={running ? () => undefined : onClose}
      width={620}
      actions={
        <>
          <Button onClick={onClose} disabled={running}>
            {tx('restore.cancel')}
          </Button>
          <Button variant="danger" busy={running} disabled={!check || !!check.refusal || !understood || running} onClick={() => void start()} data-testid="restore-start">
            {tx('restore.start')}
          </Button>
        </>
      }
    >
      <div className="restore-dialog" data-testid="restore-dialog">
        {check?.info && (
          <p>
            {tx('restore.holds', { at: formatDateTime(check.info.takenAt), version: check.info.appVersion })}
          </p>
        )}
        {rows.length > 0 && (
          <Table
            aria-label={tx('restore.compare')}
            rowKey={(t) => t}
            rows={rows}
            columns={[
              { key: 'table', header: tx('restore.col.table'), render: (t) => tx(`table.${t}`) },
              { key: 'backup', header: tx('restore.col.backup'), render: (t) => check!.info!.counts[t]?.toLocaleString() ?? '', align: 'right', width: 110 },
              { key: 'current', header: tx('restore.col.current'), render: (t) => check!.current[t]?.toLocaleString() ?? '', align: 'right', width: 110 },
            ]}
          />
        )}
        {refusal && (
          <p className="form-message is-error" role="alert" data-testid="restore-refused">
            {refusal}
          </p>
        )}
        <FormMessage>{error}</FormMessage>
        {check && !check.refusal && !running && (
          <>
            <p className="backup-warning">{tx('restore.warning')}</p>
            <label className="restore-confirm">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="restore-understood" /> {tx('restore.understood')}
            </label>
          </>
        )}
        {phase && (
          <p className="restore-phase" role="status" data-testid="restore-phase">
            {tx(`restore.phase.${phase}`)}
          </p>
        )}
      </div>
    </Dialog>
  );
}

/**
 * The web host closes and opens again on the same address. The old core still knows this session;
 * the new one does not (everyone signs in again), so an UNAUTHENTICATED answer means it is back.
 */
function waitForRestartThenReload(): () => void {
  let stopped = false;
  const poll = async () => {
    while (!stopped) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        await call('auth.session', {});
      } catch (e) {
        if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
          window.location.reload();
          return;
        }
      }
    }
  };
  void poll();
  return () => {
    stopped = true;
  };
}
