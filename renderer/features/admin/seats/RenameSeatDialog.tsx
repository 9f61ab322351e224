import { useState } from 'react';
import type { SeatRow } from '../../../../electron/common/api';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, Form, FormMessage, TextField } from '../../../ui';
import { errorText } from '../../../ui/errors';

const MAX_NAME = 32;

export function RenameSeatDialog({ seat, onClose, onRenamed }: { seat: SeatRow; onClose: () => void; onRenamed: (seat: SeatRow) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(seat.name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const trimmed = name.trim();
    // The server says the same (1–32 characters); checked here too so the message sits under the field.
    const problem = !trimmed ? t('common.required') : trimmed.length > MAX_NAME ? t('seats.nameTooLong') : null;
    setFieldError(problem);
    setError(null);
    if (problem) return;
    try {
      onRenamed(await call('admin.seats.rename', { id: seat.id, name: trimmed }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog title={t('seats.renameTitle')} onClose={onClose} closeLabel={t('common.close')}>
      <Form onSubmit={submit} aria-label={t('seats.renameTitle')}>
        <FormMessage>{error}</FormMessage>
        <TextField label={t('seats.name')} name="seat-name" autoComplete="off" value={name} onChange={setName} error={fieldError} hint={t('seats.nameHint')} data-autofocus />
        <div className="dialog-actions in-form">
          <Button type="submit" variant="primary">
            {t('seats.rename')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </Form>
    </Dialog>
  );
}
