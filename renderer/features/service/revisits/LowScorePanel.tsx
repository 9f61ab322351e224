import { useCallback, useEffect, useState } from 'react';
import type { LowScoreTaskRow } from '../../../../electron/common/api/revisits';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, DialogActions, FormMessage, Table, TextField, useToast } from '../../../ui';
import { TaskStaleNotice } from '../workbench/TaskStaleNotice';
import { showFieldErrors } from '../../../ui/errors';

/** 低分跟进: open CSI / SSI low-score follow-ups (due 3 days after the revisit) and their closing. */
export function LowScorePanel({ reloadKey, openTaskId = null, onOpened }: { reloadKey: number; openTaskId?: number | null; onOpened?: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [rows, setRows] = useState<LowScoreTaskRow[] | null>(null);
  const [closing, setClosing] = useState<LowScoreTaskRow | null>(null);
  const load = useCallback(() => {
    call('revisits.lowScore.list', {}).then(setRows, () => setRows([]));
  }, []);
  useEffect(load, [load, reloadKey]);
  // A task another screen opened (审核自查 check 7): its close form once the list is here; one
  // already closed is no longer in the list, and the user is told so.
  useEffect(() => {
    if (openTaskId === null || rows === null) return;
    const row = rows.find((r) => r.id === openTaskId);
    if (row) setClosing(row);
    else toast.show(t('rv.ls.notOpen'));
    onOpened?.();
  }, [openTaskId, rows, onOpened, toast, t]);
  return (
    <div data-testid="rv-lowscore">
      <Table
        aria-label={t('rv.tab.lowScore')}
        rows={rows ?? []}
        rowKey={(r) => r.id}
        empty={t('rv.empty')}
        columns={[
          { key: 'customer', header: t('rv.col.customer'), render: (r) => r.customerName },
          { key: 'phone', header: t('rv.col.phone'), render: (r) => r.phone ?? '', nowrap: true },
          { key: 'reason', header: t('rv.col.reason'), render: (r) => r.reason ?? '' },
          { key: 'due', header: t('rv.col.due'), render: (r) => (r.overdue ? `${r.dueDate} ${t('rv.overdue')}` : r.dueDate), nowrap: true },
          { key: 'who', header: t('rv.col.assignee'), render: (r) => r.assigneeName ?? '' },
          {
            key: 'act',
            header: '',
            render: (r) => (
              <Button onClick={() => setClosing(r)} data-testid={`rv-ls-close-${r.id}`}>
                {t('rv.ls.close')}
              </Button>
            ),
          },
        ]}
      />
      {closing && (
        <CloseDialog
          row={closing}
          onClose={() => setClosing(null)}
          onDone={() => {
            setClosing(null);
            toast.show(t('rv.ls.closed'));
            load();
          }}
        />
      )}
    </div>
  );
}

function CloseDialog({ row, onClose, onDone }: { row: LowScoreTaskRow; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'resolved' | 'repairing'>('resolved');
  const [description, setDescription] = useState('');
  const [nextDueDate, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Refused because someone else changed the follow-up since the list loaded it: the task as it is now.
  const [stale, setStale] = useState<{ message: string; current: LowScoreTaskRow } | null>(null);
  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const expectedVersion = (stale?.current ?? row).version;
      await call('revisits.lowScore.close', { taskId: row.id, expectedVersion, outcome, description, ...(outcome === 'repairing' && nextDueDate ? { nextDueDate } : {}) });
      onDone();
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) {
        setErrors({});
        return setStale({ message: e.message, current: e.details.current as LowScoreTaskRow });
      }
      showFieldErrors(e, ['description', 'nextDueDate'], setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`${t('rv.ls.close')} · ${row.customerName}`}
      onClose={onClose}
      width={520}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('common.ok')} busy={busy} testId="rv-ls-submit" />}
    >
      <div className="rv-form">
        <div>{row.reason}</div>
        <fieldset className="rv-question">
          <legend>{t('rv.ls.outcome')}</legend>
          {(['resolved', 'repairing'] as const).map((o) => (
            <label key={o} className="rv-option">
              <input type="radio" name="rv-ls-outcome" checked={outcome === o} onChange={() => setOutcome(o)} data-testid={`rv-ls-${o}`} />
              {t(`rv.ls.${o}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="rv-ls-desc">
            {t('rv.ls.description')}
          </label>
          <textarea id="rv-ls-desc" className="rv-textarea" value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} data-testid="rv-ls-desc" />
          {errors.description && (
            <div className="field-error" role="alert">
              {errors.description}
            </div>
          )}
        </div>
        {outcome === 'repairing' && <TextField type="date" label={t('rv.ls.next')} hint={t('rv.ls.nextHint')} value={nextDueDate} onChange={setNext} error={errors.nextDueDate} />}
        {stale && <TaskStaleNotice message={stale.message} opened={row} current={stale.current} />}
        <FormMessage>{message}</FormMessage>
      </div>
    </Dialog>
  );
}
