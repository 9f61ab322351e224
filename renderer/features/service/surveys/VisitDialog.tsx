import { useState } from 'react';
import { VISIT_TYPE_LABELS, type VehicleVisitsView } from '../../../../electron/common/api/service-visits';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, DialogActions, FormMessage, SelectField, Table, TextField, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth';
import './surveys.css';
import { problemsText, showFieldErrors } from '../../../ui/errors';

type VisitType = keyof typeof VISIT_TYPE_LABELS;
const FIELDS = ['vehicleId', 'date', 'type', 'mileage', 'items', 'advisorId', 'roNumber'];

/**
 * 录入维修工单: find the vehicle by VIN or plate, then the visit (day, type, odometer, items,
 * advisor, the DMS's RO number if there is one). Saving moves the vehicle's next service date and
 * marks 招揽成功 where the visit falls in a task's window; the toast says what happened.
 */
export function VisitDialog({ today, onClose, onSaved }: { today: string; onClose: () => void; onSaved?: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const session = useSessionInfo();
  const [query, setQuery] = useState('');
  const [view, setView] = useState<VehicleVisitsView | null>(null);
  const [date, setDate] = useState(today);
  const [type, setType] = useState<VisitType>('regular_service');
  const [mileage, setMileage] = useState('');
  const [items, setItems] = useState('');
  const [advisorId, setAdvisorId] = useState(session.user.role === 'serviceAdvisor' ? String(session.user.id) : '');
  const [roNumber, setRoNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setMessage(null);
    try {
      setView(await call('serviceVisits.vehicle', { query }));
    } catch (e) {
      setView(null);
      setMessage(problemsText(e));
    }
  };
  const save = async () => {
    if (!view) return setErrors({ vehicleId: t('care.visit.findFirst') });
    const km = mileage.replace(/[,\s]/g, '');
    if (km !== '' && !/^\d+$/.test(km)) return setErrors({ mileage: t('care.visit.mileageNumber') });
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const r = await call('serviceVisits.add', {
        vehicleId: view.vehicle.id,
        date,
        type,
        mileage: km === '' ? null : Number(km),
        items: items || null,
        advisorId: advisorId ? Number(advisorId) : null,
        roNumber: roNumber || null,
      });
      toast.success(t('care.visit.saved', { ro: r.roNumber, next: r.nextServiceDate ?? '—', n: r.solicitationSucceeded }));
      onSaved?.();
      onClose();
    } catch (e) {
      showFieldErrors(e, FIELDS, setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };
  const label = (k: string) => VISIT_TYPE_LABELS[k as VisitType]?.[locale === 'en' ? 'en' : 'zh'] ?? k;
  const v = view?.vehicle;
  return (
    <Dialog title={t('care.visit.title')} width={640} onClose={onClose} actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={t('cw.save')} busy={busy} testId="visit-save" />}>
      <div className="care-form" data-testid="visit-form">
        <div className="care-wide care-find">
          <TextField label={t('care.visit.find')} value={query} onChange={setQuery} error={errors.vehicleId} onKeyDown={(e) => e.key === 'Enter' && void find()} data-testid="visit-find" />
          <Button onClick={() => void find()} disabled={!query.trim()} data-testid="visit-find-go">
            {t('care.visit.findGo')}
          </Button>
        </div>
        {v && (
          <p className="care-vehicle" data-testid="visit-vehicle">
            {t('care.visit.vehicle', { customer: v.customerName, plate: v.plate ?? '—', model: v.model, km: v.mileage ?? '—', last: v.lastServiceDate ?? '—', next: v.nextServiceDate ?? '—' })}
          </p>
        )}
        <TextField type="date" label={t('care.visit.date')} value={date} max={today} onChange={setDate} error={errors.date} />
        <SelectField<VisitType> label={t('care.visit.type')} value={type} onChange={setType} options={(Object.keys(VISIT_TYPE_LABELS) as VisitType[]).map((k) => ({ value: k, label: label(k) }))} error={errors.type} />
        <TextField label={t('care.visit.mileage')} value={mileage} onChange={setMileage} inputMode="numeric" error={errors.mileage} data-testid="visit-mileage" />
        <SelectField
          label={t('care.visit.advisor')}
          value={advisorId}
          onChange={setAdvisorId}
          options={[{ value: '', label: '—' }, ...(view?.advisors ?? []).map((a) => ({ value: String(a.id), label: a.name }))]}
          error={errors.advisorId}
        />
        <div className="care-wide">
          <TextField label={t('care.visit.items')} value={items} onChange={setItems} maxLength={2000} error={errors.items} />
        </div>
        <TextField label={t('care.visit.ro')} hint={t('care.visit.roHint')} value={roNumber} onChange={setRoNumber} maxLength={40} error={errors.roNumber} />
        <div className="care-wide">
          <FormMessage>{message}</FormMessage>
        </div>
        {view && view.visits.length > 0 && (
          <div className="care-wide">
            <Table
              aria-label={t('care.visit.history')}
              columns={[
                { key: 'date', header: t('care.visit.date'), nowrap: true, render: (r: VehicleVisitsView['visits'][number]) => r.date },
                { key: 'type', header: t('care.visit.type'), render: (r: VehicleVisitsView['visits'][number]) => label(r.type) },
                { key: 'km', header: t('care.visit.mileage'), align: 'right', render: (r: VehicleVisitsView['visits'][number]) => r.mileage ?? '' },
                { key: 'ro', header: t('care.visit.ro'), render: (r: VehicleVisitsView['visits'][number]) => r.roNumber },
              ]}
              rows={view.visits.slice(0, 5)}
              rowKey={(r) => String(r.id)}
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
