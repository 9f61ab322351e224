import { useCallback, useEffect, useState } from 'react';
import type { TestDriveBookingView, TestDriveVehicle } from '../../../../electron/common/api/showroom';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, SelectField, TextField, useToast } from '../../../ui';
import { dictLabel, useDictionary } from '../../dictionaries';
import { SearchBox } from '../../../ui/SearchBox';
import { hhmm, type DealerNow } from './useShowroomToday';
import { errorText, problemsText, showFieldErrors } from '../../../ui/errors';

const FIELDS = ['vehicleId', 'date', 'startAt', 'endAt', 'consultantId'] as const;

/** 试乘试驾: the day's bookings per car, a booking form, and done / cancel on one's own bookings. */
export function TestDrivePanel({ now }: { now: DealerNow }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const models = useDictionary('model');
  const [date, setDate] = useState(now.date);
  const [data, setData] = useState<{ timeZone: string; vehicles: TestDriveVehicle[]; bookings: TestDriveBookingView[] } | null>(null);
  const [form, setForm] = useState({ vehicleId: '', start: '', end: '' });
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    call('showroom.testDrive.schedule', { date }).then(setData, (e) => setMessage(errorText(e)));
  }, [date]);
  useEffect(load, [load]);

  const book = async () => {
    const local: Record<string, string> = {};
    if (!form.vehicleId) local.vehicleId = t('common.required');
    if (!form.start) local.startAt = t('common.required');
    if (!form.end) local.endAt = t('common.required');
    if (!customer) local.customer = t('showroom.td.pickCustomer');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setMessage(null);
    try {
      await call('showroom.testDrive.book', { vehicleId: Number(form.vehicleId), customerId: customer!.id, date, startTime: form.start, endTime: form.end });
      toast.success(t('showroom.td.booked'));
      setForm((f) => ({ ...f, start: '', end: '' }));
      load();
    } catch (e) {
      showFieldErrors(e, FIELDS, setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };
  const act = async (method: 'showroom.testDrive.complete' | 'showroom.testDrive.cancel', id: number) => {
    try {
      const r = await call(method, { id });
      if ('stageChanged' in r && r.stageChanged) toast.success(t('showroom.td.stageMoved'));
      load();
    } catch (e) {
      toast.error(problemsText(e));
    }
  };
  const tz = data?.timeZone ?? now.timeZone;
  const carName = (v: TestDriveVehicle) => `${dictLabel(models, v.model, locale)}${v.plate ? ` ${v.plate}` : ''}`;

  return (
    <div className="sr-testdrive" data-testid="test-drive">
      <div className="sr-row">
        <TextField label={t('showroom.td.date')} type="date" value={date} onChange={setDate} name="tdDate" />
      </div>
      <div className="sr-cars">
        {(data?.vehicles ?? []).map((v) => {
          const list = (data?.bookings ?? []).filter((b) => b.vehicleId === v.id);
          return (
            <div key={v.id} className="sr-car" data-testid={`td-car-${v.id}`}>
              <div className="sr-car-name">{carName(v)}</div>
              {list.length === 0 ? (
                <div className="sr-muted">{t('showroom.td.free')}</div>
              ) : (
                list.map((b) => (
                  <div key={b.id} className={`sr-booking is-${b.status}`}>
                    <span>
                      {hhmm(b.startAt, tz)}–{hhmm(b.endAt, tz)}
                    </span>{' '}
                    <span>{b.customerName}</span> <span className="sr-muted">{b.consultantName}</span> <span className="sr-muted">{t(`showroom.td.status.${b.status}`)}</span>
                    {b.canAct && b.status === 'booked' && (
                      <>
                        <Button size="small" onClick={() => void act('showroom.testDrive.complete', b.id)}>
                          {t('showroom.td.complete')}
                        </Button>
                        <Button size="small" onClick={() => void act('showroom.testDrive.cancel', b.id)}>
                          {t('showroom.td.cancel')}
                        </Button>
                      </>
                    )}
                  </div>
                ))
              )}
            </div>
          );
        })}
      </div>
      <h3 className="sr-h">{t('showroom.td.new')}</h3>
      <div className="form-grid" data-testid="td-form">
        <SelectField
          label={t('showroom.td.vehicle')}
          name="vehicleId"
          value={form.vehicleId}
          onChange={(x) => setForm((f) => ({ ...f, vehicleId: x }))}
          options={[{ value: '', label: '—' }, ...(data?.vehicles ?? []).map((v) => ({ value: String(v.id), label: carName(v) }))]}
          error={errors.vehicleId}
        />
        <div className="field">
          <span className="field-label">{t('showroom.td.customer')}</span>
          <SearchBox onOpen={(h) => setCustomer({ id: h.id, name: h.name })} />
          {customer ? <div className="field-hint" data-testid="td-customer">{customer.name}</div> : errors.customer ? <div className="field-error">{errors.customer}</div> : null}
        </div>
        <TextField label={t('showroom.td.start')} type="time" name="start" value={form.start} onChange={(x) => setForm((f) => ({ ...f, start: x }))} error={errors.startAt ?? errors.date} />
        <TextField label={t('showroom.td.end')} type="time" name="end" value={form.end} onChange={(x) => setForm((f) => ({ ...f, end: x }))} error={errors.endAt} />
      </div>
      <FormMessage>{message}</FormMessage>
      <div>
        <Button variant="primary" busy={busy} onClick={() => void book()} data-testid="td-book">
          {t('showroom.td.book')}
        </Button>
      </div>
    </div>
  );
}
