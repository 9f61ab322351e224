import { useEffect, useState } from 'react';
import { consentMethodOptions, type ConsentMethod } from '../../../../electron/common/api/customers-texts';
import { isFirstVisitMode, type VisitRegistered } from '../../../../electron/common/api/showroom';
import { MANAGER_ROLES } from '../../../../electron/common/roles';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, FormMessage, SelectField, TextField, DialogActions } from '../../../ui';
import { useSessionInfo } from '../../auth';
import { useDictionary } from '../../dictionaries';
import { type DealerNow } from './useShowroomToday';
import { showFieldErrors } from '../../../ui/errors';
import { usePhoneCheck } from '../../../ui/use-phone-check';
import { VisitModeFields } from './VisitModeFields';

const FIELDS = ['name', 'gender', 'phone', 'consultantId', 'visitDate', 'visitTime', 'mode', 'firstVisit', 'testDriveModel', 'interestedModel', 'competitorBrand', 'expectedPurchaseDate', 'consentMethod'] as const;

/** Who already has the typed phone: registering links to the user's own customer; a colleague's is named. */
function PhoneHint({ raw }: { raw: string }) {
  const { t } = useI18n();
  const check = usePhoneCheck(raw);
  if (!check) return null;
  if (check.error) return <div className="field-hint phone-check is-error">{check.error}</div>;
  const mine = check.owners.find((o) => o.canOpen);
  if (mine) return <div className="field-hint phone-check is-warning" data-testid="visit-phone-link">{t('showroom.visit.phoneLinks', { name: mine.name })}</div>;
  const other = check.owners[0];
  if (other) return <div className="field-hint phone-check is-error" data-testid="visit-phone-other">{t('showroom.visit.phoneOther', { name: other.name, owner: other.ownerName ?? '—' })}</div>;
  return null;
}

/** 登记来访: one visitor; the server finds or creates the customer and the opportunity in one go. */
export function VisitForm({ now, onClose, onSaved }: { now: DealerNow; onClose: () => void; onSaved: (r: VisitRegistered, name: string) => void }) {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const models = useDictionary('model');
  const brands = useDictionary('brand');
  const isManager = MANAGER_ROLES.includes(session.user.role);
  const [consultants, setConsultants] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    if (!isManager) return;
    let live = true;
    call('customers.assignableOwners', {}).then(
      (r) => live && setConsultants(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [isManager]);
  const [v, setV] = useState({
    name: '',
    gender: 'other' as 'male' | 'female' | 'other',
    phone: '',
    consultantId: String(session.user.id),
    visitDate: now.date,
    visitTime: now.time,
    mode: '1',
    testDrive: false,
    testDriveModel: '',
    ordered: false,
    delivered: false,
    interestedModel: '',
    competitorBrand: '',
    expectedPurchaseDate: '',
    consentMethod: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof v>(k: K) => (value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));
  const first = isFirstVisitMode(Number(v.mode));
  const opt = (s: string) => (s.trim() ? s.trim() : null);
  const dictOptions = (items: { code: string; zh: string; en: string }[]) => [{ value: '', label: '—' }, ...items.map((d) => ({ value: d.code, label: locale === 'en' ? d.en : d.zh }))];

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = t('common.required');
    if (!v.phone.trim()) local.phone = t('common.required');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await call('showroom.visits.register', {
        name: v.name.trim(),
        gender: v.gender,
        phone: v.phone.trim(),
        ...(Number(v.consultantId) !== session.user.id ? { consultantId: Number(v.consultantId) } : {}),
        visitDate: v.visitDate,
        ...(v.visitTime ? { visitTime: v.visitTime } : {}),
        mode: Number(v.mode),
        firstVisit: first,
        testDrive: v.testDrive,
        testDriveModel: v.testDrive ? opt(v.testDriveModel) : null,
        ordered: v.ordered,
        delivered: v.delivered,
        interestedModel: opt(v.interestedModel),
        competitorBrand: opt(v.competitorBrand),
        expectedPurchaseDate: opt(v.expectedPurchaseDate),
        // Asked of a first-visit prospect (reference/003); a return visit's customer signed it before, or on the card.
        consentMethod: first && v.consentMethod ? (v.consentMethod as ConsentMethod) : null,
      });
      onSaved(r, v.name.trim());
    } catch (e) {
      showFieldErrors(e, FIELDS, setErrors, setMessage);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('showroom.visit.title')}
      onClose={onClose}
      width={680}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('showroom.visit.save')} busy={busy} testId="visit-save" />}
    >
      <div className="form-grid" data-testid="visit-form">
        <TextField label={t('showroom.f.name')} name="name" value={v.name} onChange={set('name')} error={errors.name} maxLength={60} required autoFocus />
        <SelectField
          label={t('showroom.f.gender')}
          name="gender"
          value={v.gender}
          onChange={set('gender')}
          options={(['male', 'female', 'other'] as const).map((g) => ({ value: g, label: t(`customer.gender.${g}`) }))}
          error={errors.gender}
        />
        <div>
          <TextField label={t('showroom.f.phone')} name="phone" value={v.phone} onChange={set('phone')} error={errors.phone} maxLength={40} inputMode="tel" required />
          <PhoneHint raw={v.phone} />
        </div>
        {isManager ? (
          <SelectField label={t('showroom.f.consultant')} name="consultantId" value={v.consultantId} onChange={set('consultantId')} options={consultants.map((c) => ({ value: String(c.id), label: c.name }))} error={errors.consultantId} />
        ) : (
          <TextField label={t('showroom.f.consultant')} value={session.user.displayName} onChange={() => undefined} readOnly />
        )}
        <TextField label={t('showroom.f.visitDate')} name="visitDate" type="date" value={v.visitDate} max={now.date} onChange={set('visitDate')} error={errors.visitDate} required />
        <TextField label={t('showroom.f.visitTime')} name="visitTime" type="time" value={v.visitTime} onChange={set('visitTime')} error={errors.visitTime} />
        <VisitModeFields mode={v.mode} onChange={set('mode')} errors={errors} />
        <SelectField label={t('showroom.f.interestedModel')} name="interestedModel" value={v.interestedModel} onChange={set('interestedModel')} options={dictOptions(models)} error={errors.interestedModel} />
        <SelectField label={t('showroom.f.competitorBrand')} name="competitorBrand" value={v.competitorBrand} onChange={set('competitorBrand')} options={dictOptions(brands)} error={errors.competitorBrand} />
        <TextField label={t('showroom.f.expectedPurchaseDate')} name="expectedPurchaseDate" type="date" value={v.expectedPurchaseDate} onChange={set('expectedPurchaseDate')} error={errors.expectedPurchaseDate} />
        {first && (
          <SelectField
            label={t('showroom.f.consent')}
            name="consentMethod"
            value={v.consentMethod}
            onChange={set('consentMethod')}
            options={[{ value: '', label: t('showroom.f.consentNone') }, ...consentMethodOptions(locale)]}
            error={errors.consentMethod}
            hint={t('showroom.f.consentHint')}
            data-testid="visit-consent"
          />
        )}
        <div className="sr-checks">
          <label>
            <input type="checkbox" name="testDrive" checked={v.testDrive} onChange={(e) => set('testDrive')(e.target.checked)} /> {t('showroom.f.testDrive')}
          </label>
          <label>
            <input type="checkbox" name="ordered" checked={v.ordered} onChange={(e) => set('ordered')(e.target.checked)} /> {t('showroom.f.ordered')}
          </label>
          <label>
            <input type="checkbox" name="delivered" checked={v.delivered} onChange={(e) => set('delivered')(e.target.checked)} /> {t('showroom.f.delivered')}
          </label>
        </div>
        {v.testDrive && (
          <SelectField label={t('showroom.f.testDriveModel')} name="testDriveModel" value={v.testDriveModel} onChange={set('testDriveModel')} options={dictOptions(models)} error={errors.testDriveModel} hint={t('showroom.f.testDriveModelHint')} />
        )}
      </div>
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
