import { CONSENT_STATUS, CONSENT_STATUSES, consentMethodOptions } from '../../../electron/common/api/customers-texts';
import { useI18n } from '../../i18n/react';
import { SelectField, TextField } from '../../ui';
import type { FormValues } from './customer-form-values';

/**
 * 同意接收商业信息 on the customer form (reference/003): not recorded, given (the day and how) or
 * withdrawn (the day; the day and how it was given stay). Marketing SMS go only to "given".
 */
export function ConsentFields({ v, set, errors }: { v: FormValues; set: (k: keyof FormValues) => (value: string) => void; errors: Record<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <>
      <SelectField
        label={t('customer.f.consentStatus')}
        value={v.consentStatus}
        onChange={set('consentStatus')}
        options={[{ value: '', label: t('customer.consent.none') }, ...CONSENT_STATUSES.map((c) => ({ value: c, label: CONSENT_STATUS.text(c, locale) }))]}
        error={errors.consentStatus}
        hint={t('customer.consent.hint')}
        data-testid="consent-status"
      />
      {v.consentStatus !== '' && (
        <>
          <TextField label={t('customer.f.consentDate')} type="date" value={v.consentDate} onChange={set('consentDate')} error={errors.consentDate} data-testid="consent-date" />
          <SelectField
            label={t('customer.f.consentMethod')}
            value={v.consentMethod}
            onChange={set('consentMethod')}
            options={[{ value: '', label: '—' }, ...consentMethodOptions(locale)]}
            error={errors.consentMethod}
            data-testid="consent-method"
          />
        </>
      )}
      {v.consentStatus === 'withdrawn' && (
        <TextField label={t('customer.f.consentWithdrawnDate')} type="date" value={v.consentWithdrawnDate} onChange={set('consentWithdrawnDate')} error={errors.consentWithdrawnDate} data-testid="consent-withdrawn-date" />
      )}
    </>
  );
}
