import { useEffect, useState } from 'react';
import type { DictionaryItem, ReminderRow } from '../../../../electron/common/api';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, FormMessage, SelectField, TextField } from '../../../ui';
import { showFieldErrors } from '../../../ui/errors';

/** 流失原因: why a churned customer left, from the dictionary, with a note. */
export function ChurnReasonDialog({ row, onClose, onDone }: { row: ReminderRow; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [reasons, setReasons] = useState<DictionaryItem[]>([]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('dict.list', { kind: 'churn_reason' }).then(setReasons, () => setReasons([]));
  }, []);

  const save = async () => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await call('churn.record', { customerId: row.customerId, vehicleId: row.vehicleId, reason, note: note.trim() || null });
      onDone();
    } catch (e) {
      showFieldErrors(e, ['reason', 'note'], setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`${t('rem.churn.title')} · ${row.customerName}${row.plate ? ` ${row.plate}` : ''}`}
      onClose={onClose}
      actions={<DialogActions onCancel={onClose} onSubmit={save} submitLabel={t('rem.churn.save')} busy={busy} testId="rem-churn-save" />}
    >
      <SelectField
        label={t('rem.churn.reason')}
        value={reason}
        onChange={setReason}
        options={[{ value: '', label: '—' }, ...reasons.map((r) => ({ value: r.code, label: locale === 'en' ? r.en : r.zh }))]}
        error={errors.reason}
        data-testid="rem-churn-reason"
      />
      <TextField label={t('rem.churn.note')} value={note} onChange={setNote} error={errors.note} data-testid="rem-churn-note" />
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
