import type { DictionaryItem } from '../../../electron/common/api/customers';
import { useI18n } from '../../i18n/react';
import { withCurrent } from '../dictionaries';
import { SelectField, TextField } from '../../ui';

/**
 * A new customer's first vehicle (VIN, plate, model), sent with the create. Apart from the form
 * because only a new customer has it: an existing customer's vehicles are edited on the card.
 */
export function NewVehicleFields({ vin, plate, model, models, set, errors }: { vin: string; plate: string; model: string; models: DictionaryItem[]; set: (k: 'vin' | 'plate' | 'model') => (v: string) => void; errors: Record<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <>
      <TextField label="VIN" value={vin} onChange={set('vin')} error={errors['vehicles.0.vin']} maxLength={17} />
      <TextField label={t('customer.v.plate')} value={plate} onChange={set('plate')} error={errors['vehicles.0.plate']} maxLength={10} />
      <SelectField label={t('customer.v.model')} value={model} onChange={set('model')} options={[{ value: '', label: '—' }, ...withCurrent(models, model).map((d) => ({ value: d.code, label: locale === 'en' ? d.en : d.zh }))]} error={errors['vehicles.0.model']} />
    </>
  );
}
