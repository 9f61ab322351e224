import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../electron/common/api/customers';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, FormMessage, SelectField, TextField } from '../../../ui';
import { SearchBox } from '../../../ui/SearchBox';
import { showFieldErrors } from '../../../ui/errors';

export interface BookTarget {
  date: string;
  slot: string;
  /** 主动预约 from the regular-service list: the customer and vehicle are given. */
  customer?: { id: number; name: string; vehicleId: number | null };
}

/** 登记预约: customer (quick find) or the proactive candidate, advisor, notes; the server checks capacity and time. */
export function BookDialog({ target, slots, onClose, onSaved }: { target: BookTarget; slots: readonly string[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [customer, setCustomer] = useState<{ id: number; name: string; vehicleId: number | null } | null>(target.customer ?? null);
  const [date, setDate] = useState(target.date);
  const [slot, setSlot] = useState(target.slot);
  const [advisors, setAdvisors] = useState<{ id: number; name: string }[]>([]);
  const [advisorId, setAdvisorId] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('appointments.advisors', {}).then(setAdvisors, () => setAdvisors([]));
  }, []);

  const submit = () => {
    if (!customer) {
      setMessage(t('ap.pickCustomer'));
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    call('appointments.book', {
      customerId: customer.id,
      vehicleId: customer.vehicleId,
      date,
      slot,
      advisorId: advisorId ? Number(advisorId) : null,
      proactive: Boolean(target.customer),
      notes: notes || null,
    }).then(
      () => onSaved(),
      (e) => {
        showFieldErrors(e, ['slot', 'date', 'advisorId', 'vehicleId'], setErrors, setMessage);
        setBusy(false);
      },
    );
  };

  return (
    <Dialog title={t('ap.bookTitle', { date, slot })} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={submit} submitLabel={t('ap.book')} busy={busy} testId="ap-book-submit" />}>
      <div className="ap-form" data-testid="ap-book-dialog">
        {customer ? (
          <div className="ap-picked" data-testid="ap-customer">
            {t('ap.customer')}: <strong>{customer.name}</strong>
          </div>
        ) : (
          <div>
            <div className="field-label">{t('ap.customer')}</div>
            <SearchBox onOpen={(h: SearchHit) => setCustomer({ id: h.id, name: h.name, vehicleId: null })} />
          </div>
        )}
        <TextField type="date" label={t('ap.date')} value={date} onChange={setDate} error={errors.date} data-testid="ap-date" />
        <SelectField label={t('ap.slotPick')} value={slot} onChange={setSlot} options={slots.map((s) => ({ value: s, label: s }))} error={errors.slot} data-testid="ap-slot" />
        <SelectField
          label={t('ap.advisor')}
          value={advisorId}
          onChange={setAdvisorId}
          options={[{ value: '', label: t('ap.advisor.none') }, ...advisors.map((a) => ({ value: String(a.id), label: a.name }))]}
          error={errors.advisorId}
          data-testid="ap-advisor"
        />
        <TextField label={t('ap.notes')} value={notes} onChange={setNotes} maxLength={500} />
        <FormMessage>{message}</FormMessage>
      </div>
    </Dialog>
  );
}
