import { useEffect, useState } from 'react';
import { isFirstVisitMode, type VisitView } from '../../../../electron/common/api/showroom';
import { MANAGER_ROLES } from '../../../../electron/common/roles';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, FormMessage, SelectField, TextField, DialogActions } from '../../../ui';
import { showFieldErrors } from '../../../ui/errors';
import { useSessionInfo } from '../../auth';
import { useDictionary } from '../../dictionaries';
import { VisitModeFields } from './VisitModeFields';

const FIELDS = ['name', 'phone', 'consultantId', 'mode', 'firstVisit', 'interestedModel', 'testDrive', 'testDriveModel', 'ordered', 'delivered'] as const;
type Form = { name: string; phone: string; consultantId: string; mode: string; interestedModel: string; testDrive: boolean; ordered: boolean; delivered: boolean };

const formOf = (v: VisitView): Form => ({
  name: v.name,
  phone: v.phone ?? '',
  consultantId: v.consultantId === null ? '' : String(v.consultantId),
  mode: String(v.mode),
  interestedModel: v.interestedModel ?? '',
  testDrive: v.testDrive,
  ordered: v.ordered,
  delivered: v.delivered,
});

/**
 * A visit from the list: later facts (test drive, ordered, delivered) and corrections of what 审核自查
 * flags (name, phone, mode, model of interest; the consultant for a manager). The date and time stay
 * as registered: the audit measures the entry against them. Only changed fields are sent, with the
 * version the dialog loaded (a visit changed meanwhile is refused by the server).
 */
export function VisitEditDialog({ id, onClose, onSaved }: { id: number; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const models = useDictionary('model');
  const isManager = MANAGER_ROLES.includes(session.user.role);
  const [loaded, setLoaded] = useState<VisitView | null>(null);
  const [v, setV] = useState<Form | null>(null);
  const [consultants, setConsultants] = useState<{ id: number; name: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    call('showroom.visits.get', { id }).then(
      (r) => {
        if (!live) return;
        setLoaded(r);
        setV(formOf(r));
      },
      (e: unknown) => live && showFieldErrors(e, FIELDS, setErrors, setMessage),
    );
    if (isManager)
      call('customers.assignableOwners', {}).then(
        (r) => live && setConsultants(r),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [id, isManager]);

  const set = <K extends keyof Form>(k: K) => (value: Form[K]) => setV((x) => (x ? { ...x, [k]: value } : x));
  const save = async () => {
    if (!loaded || !v) return;
    const before = formOf(loaded);
    const patch: Record<string, unknown> = {};
    if (v.name.trim() !== before.name) patch.name = v.name.trim();
    if (v.phone.trim() !== before.phone) patch.phone = v.phone.trim();
    if (v.mode !== before.mode) Object.assign(patch, { mode: Number(v.mode), firstVisit: isFirstVisitMode(Number(v.mode)) });
    if (v.consultantId !== before.consultantId && v.consultantId) patch.consultantId = Number(v.consultantId);
    if (v.interestedModel !== before.interestedModel) patch.interestedModel = v.interestedModel || null;
    for (const k of ['testDrive', 'ordered', 'delivered'] as const) if (v[k] !== before[k]) patch[k] = v[k];
    const local: Record<string, string> = {};
    if ('name' in patch && !v.name.trim()) local.name = t('common.required');
    if ('phone' in patch && !v.phone.trim()) local.phone = t('common.required');
    setErrors(local);
    if (Object.keys(local).length) return;
    if (!Object.keys(patch).length) return onClose();
    setBusy(true);
    setMessage(null);
    try {
      await call('showroom.visits.update', { id, expectedVersion: loaded.version, patch });
      onSaved();
    } catch (e) {
      showFieldErrors(e, FIELDS, setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };
  const box = (k: 'testDrive' | 'ordered' | 'delivered', label: string) =>
    v && (
      <label>
        <input type="checkbox" name={k} checked={v[k]} onChange={(e) => set(k)(e.target.checked)} /> {label}
      </label>
    );
  const when = loaded ? `${loaded.visitDate}${loaded.visitAt === null ? '' : ` ${new Date(loaded.visitAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false })}`}` : '';
  return (
    <Dialog
      title={t('showroom.visit.editTitle', { name: loaded?.name ?? '', date: loaded?.visitDate ?? '' })}
      onClose={onClose}
      width={680}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={t('showroom.visit.saveEdit')} busy={busy || !v} testId="visit-flags-save" />}
    >
      {v && loaded && (
        <div className="form-grid" data-testid="visit-edit">
          <TextField label={t('showroom.f.name')} name="name" value={v.name} onChange={set('name')} error={errors.name} maxLength={60} required />
          <TextField label={t('showroom.f.phone')} name="phone" value={v.phone} onChange={set('phone')} error={errors.phone} maxLength={40} required />
          {isManager ? (
            <SelectField
              label={t('showroom.f.consultant')}
              name="consultantId"
              value={v.consultantId}
              onChange={set('consultantId')}
              options={[...(consultants.some((c) => String(c.id) === v.consultantId) ? [] : [{ value: v.consultantId, label: loaded.consultantName ?? '—' }]), ...consultants.map((c) => ({ value: String(c.id), label: c.name }))]}
              error={errors.consultantId}
            />
          ) : (
            <TextField label={t('showroom.f.consultant')} value={loaded.consultantName ?? '—'} onChange={() => undefined} readOnly hint={t('showroom.visit.consultantManagers')} />
          )}
          <TextField label={t('showroom.f.visitDate')} name="visitDate" value={when} onChange={() => undefined} readOnly hint={t('showroom.visit.dateFixed')} />
          <VisitModeFields mode={v.mode} onChange={set('mode')} errors={errors} />
          <SelectField
            label={t('showroom.f.interestedModel')}
            name="interestedModel"
            value={v.interestedModel}
            onChange={set('interestedModel')}
            options={[{ value: '', label: '—' }, ...models.map((d) => ({ value: d.code, label: locale === 'en' ? d.en : d.zh }))]}
            error={errors.interestedModel}
          />
          <div className="sr-checks" data-testid="visit-flags">
            {box('testDrive', t('showroom.f.testDrive'))}
            {box('ordered', t('showroom.f.ordered'))}
            {box('delivered', t('showroom.f.delivered'))}
          </div>
        </div>
      )}
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
