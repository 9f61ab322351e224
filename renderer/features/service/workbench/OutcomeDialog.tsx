import { useState } from 'react';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { call, isApiError } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, Form, FormMessage, SelectField, TextField } from '../../../ui';

type Outcome = 'done' | 'failed' | 'reschedule';

/** A task's outcome: done, failed (with a note) or rescheduled to today or later. */
export function OutcomeDialog({ row, today, onClose, onSaved }: { row: WorkbenchRow; today: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('done');
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('workbench.outcome', { taskId: row.id, outcome, note, ...(outcome === 'reschedule' ? { dueDate } : {}) });
      onSaved();
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`${t('cw.outcome')} · ${row.customerName}`} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('cw.save')} busy={busy} testId="outcome-save" />}>
      <Form onSubmit={submit}>
        <SelectField<Outcome>
          label={t('cw.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={(['done', 'failed', 'reschedule'] as const).map((o) => ({ value: o, label: t(`cw.outcome.${o}`) }))}
          data-testid="outcome-kind"
        />
        <TextField label={t('cw.note')} value={note} onChange={setNote} data-testid="outcome-note" />
        {outcome === 'reschedule' && <TextField type="date" label={t('cw.due')} value={dueDate} min={today} onChange={setDueDate} />}
        <FormMessage>{error}</FormMessage>
      </Form>
    </Dialog>
  );
}
