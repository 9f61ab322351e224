import type { CustomerCard, DictionaryItem } from '../../../electron/common/api/customers';
import { useI18n } from '../../i18n/react';
import { StaleRecordNotice } from '../../ui';
import { COMPARED, formValues, type ComparedField, type StaleState } from './customer-form-values';

/**
 * What the customer form shows when its save was refused because someone else saved first: each
 * field's saved value beside the typed one, in words (names for codes and owners). Apart from the
 * form because only this path needs the labels and the code-to-name lookups.
 */
export function CustomerStaleNotice({
  stale,
  base,
  kind,
  sources,
  owners,
  defaults,
  onUseLatest,
}: {
  stale: StaleState;
  base: CustomerCard | undefined;
  /** The kind typed now: a company's ID field is its credit code. */
  kind: string;
  sources: DictionaryItem[];
  owners: { id: number; name: string }[];
  defaults: { phone: string; ownerId: number };
  onUseLatest: () => void;
}) {
  const { t, locale } = useI18n();
  const fieldLabel = (k: ComparedField): string =>
    ({
      name: t('customer.f.name'),
      kind: t('customer.f.kind'),
      gender: t('customer.f.gender'),
      phone0: t('customer.f.phone'),
      phone1: t('customer.f.phone2'),
      idNumber: kind === 'company' ? t('customer.f.uscc') : t('customer.f.idNumber'),
      birthday: t('customer.f.birthday'),
      source: t('customer.f.source'),
      city: t('customer.f.city'),
      address: t('customer.f.address'),
      ownerId: t('customer.f.owner'),
    })[k];
  /** A field's value as the user reads it (names for codes and owners). */
  const shown = (k: ComparedField, value: string): string => {
    if (k === 'kind') return t(`customer.kind.${value as 'individual' | 'company'}`);
    if (k === 'gender') return t(`customer.gender.${value as 'male' | 'female' | 'other'}`);
    if (k === 'source') {
      const d = sources.find((x) => x.code === value);
      return d ? (locale === 'en' ? d.en : d.zh) : value;
    }
    if (k === 'ownerId') {
      const id = Number(value);
      return owners.find((o) => o.id === id)?.name ?? (stale.current.ownerId === id ? (stale.current.ownerName ?? '') : base?.ownerId === id ? (base.ownerName ?? '') : value);
    }
    return value;
  };
  return (
    <StaleRecordNotice
      message={stale.message}
      loaded={stale.loaded}
      fields={COMPARED.map((k) => {
        const theirs = formValues(stale.current, defaults)[k];
        return { key: k, label: fieldLabel(k), theirs: shown(k, theirs), mine: shown(k, stale.mine[k]), changed: theirs !== formValues(stale.opened, defaults)[k] };
      })}
      onUseLatest={onUseLatest}
    />
  );
}
