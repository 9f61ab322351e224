import type { CustomerCard } from '../../../electron/common/api/customers';

// The customer form's values as plain data, apart from the form: the hook fills them from a card,
// and the stale-record notice compares three of them (opened, saved by someone else, typed here).

/** The form's fields as loaded from a card (or empty for a new customer). */
export function formValues(card: CustomerCard | undefined, defaults: { phone: string; ownerId: number }) {
  const primary = card?.phones.find((p) => p.isPrimary) ?? card?.phones[0];
  const second = card?.phones.find((p) => p !== primary);
  return {
    name: card?.name ?? '',
    kind: card?.kind ?? 'individual',
    gender: card?.gender ?? 'other',
    phone0: primary?.raw ?? defaults.phone,
    phone1: second?.raw ?? '',
    idNumber: card?.idNumber ?? '',
    birthday: card?.birthday ?? '',
    city: card?.city ?? '',
    address: card?.address ?? '',
    email: '',
    ownerId: String(card ? (card.ownerId ?? '') : defaults.ownerId),
    source: card?.source ?? '',
    occupation: card?.occupation ?? '',
    consentStatus: card?.consentStatus ?? '',
    consentDate: card?.consentDate ?? '',
    consentMethod: card?.consentMethod ?? '',
    consentWithdrawnDate: card?.consentWithdrawnDate ?? '',
    vin: '',
    plate: '',
    model: '',
  };
}
export type FormValues = ReturnType<typeof formValues>;

/** The fields a stale save compares (the card carries no e-mail; vehicles are not edited here). */
export const COMPARED = ['name', 'kind', 'gender', 'phone0', 'phone1', 'idNumber', 'birthday', 'source', 'city', 'address', 'ownerId'] as const;
export type ComparedField = (typeof COMPARED)[number];

/** The fields the form shows a message under; the server's other problems go on the line below the form. */
export const SHOWN_FIELDS = ['name', 'kind', 'gender', 'idNumber', 'birthday', 'city', 'address', 'email', 'ownerId', 'source', 'occupation', 'consentStatus', 'consentDate', 'consentMethod', 'consentWithdrawnDate', 'phones.0', 'phones.1', 'vehicles.0.vin', 'vehicles.0.plate', 'vehicles.0.model'];

/** A record the form's save was refused for: what the form opened, what is saved now, and what was typed. */
export interface StaleState {
  message: string;
  opened: CustomerCard;
  current: CustomerCard;
  mine: FormValues;
  /** The saved values have been loaded into the form (使用最新). */
  loaded: boolean;
}
