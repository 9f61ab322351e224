import type { CustomerCard, DictionaryItem } from '../../../electron/common/api/customers';
import { useDictionary, withCurrent } from '../dictionaries';
import { useI18n } from '../../i18n/react';
import { Dialog, FormMessage, SelectField, TextField, DialogActions } from '../../ui';
import { CustomerStaleNotice } from './CustomerStaleNotice';
import { NewVehicleFields } from './NewVehicleFields';
import { OwnerField } from './OwnerField';
import { ConsentFields } from './ConsentFields';
import { PhoneField } from './PhoneField';
import { useCustomerForm } from './use-customer-form';

/**
 * Create or edit a customer: the layout of its fields. The state, the checks before and after the
 * round trip and the save are in use-customer-form.ts; the phones, the owner, a new customer's
 * vehicle and the stale-record notice are their own parts.
 */
export function CustomerForm({ card, initialPhone, onClose, onSaved }: { card?: CustomerCard; initialPhone?: string; onClose: () => void; onSaved: (id: number, name: string) => void }) {
  const { t, locale } = useI18n();
  const sources = useDictionary('source');
  const occupations = useDictionary('occupation');
  const models = useDictionary('model');
  const { v, set, errors, message, busy, submit, canPickOwner, owners, base, stale, defaults, loadLatest } = useCustomerForm({ card, initialPhone, onSaved });
  const label = (d: DictionaryItem) => (locale === 'en' ? d.en : d.zh);

  return (
    <Dialog
      title={card ? t('customer.editTitle', { name: card.name }) : t('customer.new')}
      onClose={onClose}
      width={640}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('customer.save')} busy={busy} testId="customer-save" />}
    >
      <div className="form-grid" data-testid="customer-form">
        <TextField label={t('customer.f.name')} value={v.name} onChange={set('name')} error={errors.name} maxLength={60} required autoFocus />
        <SelectField
          label={t('customer.f.kind')}
          value={v.kind}
          onChange={set('kind')}
          options={[
            { value: 'individual', label: t('customer.kind.individual') },
            { value: 'company', label: t('customer.kind.company') },
          ]}
          error={errors.kind}
        />
        <PhoneField label={t('customer.f.phone')} name="phone0" value={v.phone0} onChange={set('phone0')} error={errors['phones.0']} exceptId={card?.id} onOpened={onClose} />
        <PhoneField label={t('customer.f.phone2')} name="phone1" value={v.phone1} onChange={set('phone1')} error={errors['phones.1']} exceptId={card?.id} onOpened={onClose} />
        <SelectField
          label={t('customer.f.gender')}
          value={v.gender}
          onChange={set('gender')}
          options={(['male', 'female', 'other'] as const).map((g) => ({ value: g, label: t(`customer.gender.${g}`) }))}
          error={errors.gender}
        />
        <TextField label={v.kind === 'company' ? t('customer.f.uscc') : t('customer.f.idNumber')} value={v.idNumber} onChange={set('idNumber')} error={errors.idNumber} maxLength={18} />
        <TextField label={t('customer.f.birthday')} type="date" value={v.birthday} onChange={set('birthday')} error={errors.birthday} />
        <SelectField label={t('customer.f.source')} value={v.source} onChange={set('source')} options={[{ value: '', label: t('customer.other') }, ...withCurrent(sources, v.source).map((d) => ({ value: d.code, label: label(d) }))]} error={errors.source} />
        <SelectField label={t('customer.f.occupation')} value={v.occupation} onChange={set('occupation')} options={[{ value: '', label: t('customer.occupation.unknown') }, ...withCurrent(occupations, v.occupation).map((d) => ({ value: d.code, label: label(d) }))]} error={errors.occupation} />
        <TextField label={t('customer.f.city')} value={v.city} onChange={set('city')} error={errors.city} maxLength={20} />
        <TextField label={t('customer.f.address')} value={v.address} onChange={set('address')} error={errors.address} maxLength={200} />
        {canPickOwner && <OwnerField card={card} value={v.ownerId} onChange={set('ownerId')} owners={owners} error={errors.ownerId} />}
        <TextField label={t('customer.f.email')} value={v.email} onChange={set('email')} error={errors.email} maxLength={100} inputMode="email" />
        <ConsentFields v={v} set={set} errors={errors} />
        {!card && <NewVehicleFields vin={v.vin} plate={v.plate} model={v.model} models={models} set={set} errors={errors} />}
      </div>
      {stale && <CustomerStaleNotice stale={stale} base={base} kind={v.kind} sources={sources} owners={owners} defaults={defaults} onUseLatest={() => loadLatest(stale)} />}
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
