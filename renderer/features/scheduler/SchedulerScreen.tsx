import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ConditionGroup } from '../../../electron/common/api/grid';
import type { SchedulerJob, SchedulerOverview } from '../../../electron/common/api/scheduler';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, Dialog, DialogActions, FormMessage, Table, TextField, Toolbar, useToast, type Column } from '../../ui';
import { SessionDataGrid, type DataGridHandle } from '../../ui/grid';
import { SCHED_TEXTS, type SchedMessage } from './texts';
import './scheduler.css';
import { errorText, fieldErrors } from '../../ui/errors';

// The error right after the status: a failure is read without scrolling sideways.
const RUN_COLUMNS = ['id', 'job', 'plannedFor', 'trigger', 'status', 'error', 'errorDetail', 'created', 'skipped', 'skippedReasons', 'attempts', 'startedAt', 'endedAt'];
const FAILED: ConditionGroup[] = [{ join: 'and', conditions: [{ col: 'status', op: 'in', values: ['failed'] }] }];

/**
 * 系统管理 → 定时任务: each job with its schedule (cron, validated on save), paused or not, its
 * last run, 立即运行 / 暂停 / 恢复; below, the job log (job_runs) in the shared DataGrid. The server
 * lets only administrators call any of it.
 */
export function SchedulerScreen() {
  const { locale } = useI18n();
  const tx = useCallback((k: SchedMessage, p?: Record<string, string | number>) => SCHED_TEXTS.text(k, locale, p), [locale]);
  const toast = useToast();
  const [data, setData] = useState<SchedulerOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<SchedulerJob | null>(null);
  const [failuresOnly, setFailuresOnly] = useState(false);
  const grid = useRef<DataGridHandle>(null);
  const baseFilter = useMemo(() => (failuresOnly ? FAILED : []), [failuresOnly]);

  const load = useCallback(async () => {
    try {
      setData(await call('scheduler.overview', {}));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const name = (j: SchedulerJob) => (locale === 'en' ? j.en : j.zh);

  const runNow = async (j: SchedulerJob) => {
    setBusy(j.id);
    try {
      const r = await call('scheduler.runNow', { job: j.id });
      if (r.status === 'ok') toast.success(tx('ranOk', { job: name(j), created: r.created }));
      else toast.error(tx('ranFailed', { job: name(j), error: r.error ?? '' }));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(null);
      await load();
      grid.current?.refresh();
    }
  };

  const togglePause = async (j: SchedulerJob) => {
    setBusy(j.id);
    try {
      await call('scheduler.setPaused', { job: j.id, paused: !j.paused });
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(null);
      await load();
    }
  };

  const columns: Column<SchedulerJob>[] = [
    {
      key: 'job',
      header: tx('jobs'),
      render: (j) => (
        <span>
          {name(j)}
          {j.catchUp && (
            <span className="badge sched-badge" title={tx('catchUpHint')}>
              {tx('catchUp')}
            </span>
          )}
        </span>
      ),
    },
    { key: 'cron', header: tx('schedule'), nowrap: true, render: (j) => <code className="sched-cron">{j.cron}</code> },
    { key: 'next', header: tx('next'), nowrap: true, render: (j) => (j.nextRun ? formatDateTime(j.nextRun).slice(0, 16) : '—') },
    { key: 'state', header: tx('state'), nowrap: true, render: (j) => <span className={j.paused ? 'sched-paused' : 'sched-active'}>{j.paused ? tx('paused') : tx('active')}</span> },
    {
      key: 'last',
      header: tx('last'),
      render: (j) =>
        !j.last ? (
          <span className="muted">{tx('never')}</span>
        ) : (
          <span className={`sched-last sched-${j.last.status}`} data-testid={`sched-last-${j.id}`}>
            <strong>{tx(j.last.status)}</strong> {j.last.plannedFor.slice(0, 16)} · {tx('done', { created: j.last.created, skipped: j.last.skipped })}
            {j.last.error && <span className="sched-error">{j.last.error}</span>}
          </span>
        ),
    },
    {
      key: 'actions',
      header: tx('actions'),
      nowrap: true,
      render: (j) => (
        <span className="sched-actions">
          <Button size="small" variant="primary" busy={busy === j.id} disabled={busy !== null} onClick={() => void runNow(j)} data-testid={`sched-run-${j.id}`}>
            {tx('runNow')}
          </Button>
          <Button size="small" disabled={busy !== null} onClick={() => void togglePause(j)} data-testid={`sched-pause-${j.id}`}>
            {j.paused ? tx('resume') : tx('pause')}
          </Button>
          <Button size="small" disabled={busy !== null} onClick={() => setEditing(j)} data-testid={`sched-edit-${j.id}`}>
            {tx('edit')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <div className="screen sched-screen" data-testid="scheduler-screen">
      <Toolbar title={tx('title')}>
        {data && (
          <span className="muted sched-lease">
            {data.lease ? tx('lease', { holder: data.lease.holder, mine: data.lease.mine ? tx('leaseMine') : '' }) : tx('leaseNone')}
          </span>
        )}
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      {data && <Table columns={columns} rows={data.jobs} rowKey={(j) => j.id} aria-label={tx('jobs')} />}
      <div className="sched-runs">
        <SessionDataGrid
          ref={grid}
          dataset="jobRuns"
          scope="all"
          baseFilter={baseFilter}
          initialColumns={RUN_COLUMNS}
          initialSort={[{ col: 'id', dir: 'desc' }]}
          actions={
            <label className="sched-failures">
              <input type="checkbox" checked={failuresOnly} onChange={(e) => setFailuresOnly(e.target.checked)} data-testid="sched-failures-only" /> {tx('failuresOnly')}
            </label>
          }
        />
      </div>
      {editing && data && (
        <CronDialog
          job={editing}
          title={tx('editTitle', { job: name(editing) })}
          timeZone={data.timeZone}
          tx={tx}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            toast.success(tx('saved'));
            void load();
          }}
        />
      )}
    </div>
  );
}

function CronDialog({
  job,
  title,
  timeZone,
  tx,
  onClose,
  onSaved,
}: {
  job: SchedulerJob;
  title: string;
  timeZone: string;
  tx: (k: SchedMessage, p?: Record<string, string | number>) => string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [cron, setCron] = useState(job.cron);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await call('scheduler.setCron', { job: job.id, cron });
      onSaved();
    } catch (e) {
      setError(fieldErrors(e).cron ?? errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      width={560}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={tx('save')} busy={busy} testId="sched-cron-save" />}
    >
      <TextField
        label={tx('cronLabel')}
        value={cron}
        onChange={(v) => {
          setCron(v);
          setError(null);
        }}
        error={error}
        hint={`${tx('cronHint', { tz: timeZone })} · ${tx('defaultCron', { cron: job.defaultCron })}`}
        data-testid="sched-cron-input"
        autoFocus
      />
    </Dialog>
  );
}
