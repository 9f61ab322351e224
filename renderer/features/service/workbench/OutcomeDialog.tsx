import { useState } from 'react';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { addDays } from '../../../../electron/common/dates';
import type { CallEnded } from '../../telephony';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, Form, FormMessage, SelectField, TextField } from '../../../ui';
import { TaskStaleNotice } from './TaskStaleNotice';
import { errorText } from '../../../ui/errors';

type Outcome = 'done' | 'failed' | 'reschedule' | 'repairing';

/**
 * A task's outcome: done, failed (with a note) or rescheduled to today or later. A 低分跟进 may also
 * be 修复中: closed with what was done and a next follow-up planned (default in 3 days).
 * Opened by the end of a call from the task (`fromCall`): an unanswered call proposes 未接通 and
 * trying again tomorrow; an answered one proposes 已完成 — the agent confirms or changes it.
 */
export function OutcomeDialog({ row, today, fromCall, onClose, onSaved }: { row: WorkbenchRow; today: string; fromCall?: CallEnded | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const noAnswer = fromCall ? !fromCall.answered : false;
  const [outcome, setOutcome] = useState<Outcome>(noAnswer ? 'reschedule' : 'done');
  const [note, setNote] = useState(noAnswer ? t('cw.call.noAnswerNote') : '');
  const lowScore = row.kind === 'low_score';
  const [dueDate, setDueDate] = useState(noAnswer && today ? addDays(today, 1) : today);
  const [nextDue, setNextDue] = useState(today ? addDays(today, 3) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Refused because someone else changed the task since the list loaded it: the task as it is now.
  const [stale, setStale] = useState<{ message: string; current: WorkbenchRow } | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const expectedVersion = (stale?.current ?? row).version ?? 1;
      await call('workbench.outcome', { taskId: row.id, expectedVersion, outcome, note, ...(outcome === 'reschedule' ? { dueDate } : outcome === 'repairing' ? { dueDate: nextDue } : {}) });
      onSaved();
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) setStale({ message: e.message, current: e.details.current as WorkbenchRow });
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`${t('cw.outcome')} · ${row.customerName}`} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('cw.save')} busy={busy} testId="outcome-save" />}>
      <Form onSubmit={submit}>
        {fromCall && (
          <p className="muted small" data-testid="outcome-from-call">
            {t(fromCall.answered ? 'cw.call.endedAnswered' : 'cw.call.endedNoAnswer')}
          </p>
        )}
        <SelectField<Outcome>
          label={t('cw.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={(lowScore ? (['done', 'repairing', 'failed', 'reschedule'] as const) : (['done', 'failed', 'reschedule'] as const)).map((o) => ({ value: o, label: o === 'repairing' ? t('care.outcome.repairing') : t(`cw.outcome.${o}`) }))}
          data-testid="outcome-kind"
        />
        <TextField label={lowScore ? t('care.outcome.description') : t('cw.note')} hint={lowScore ? t('care.outcome.descriptionHint') : undefined} value={note} onChange={setNote} data-testid="outcome-note" />
        {outcome === 'reschedule' && <TextField type="date" label={t('cw.due')} value={dueDate} min={today} onChange={setDueDate} />}
        {outcome === 'repairing' && <TextField type="date" label={t('care.outcome.nextDue')} hint={t('care.outcome.nextDueHint')} value={nextDue} min={today ? addDays(today, 1) : undefined} onChange={setNextDue} data-testid="outcome-next-due" />}
        {stale && <TaskStaleNotice message={stale.message} opened={row} current={stale.current} />}
        <FormMessage>{error}</FormMessage>
      </Form>
    </Dialog>
  );
}
