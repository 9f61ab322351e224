import { useState } from 'react';
import type { ConsentMethod, ConsentStatus } from '../../../electron/common/api/customers-texts';
import type { CustomerCard } from '../../../electron/common/api/customers';
import { MANAGER_ROLES } from '../../../electron/common/roles';
import { useSessionInfo } from '../auth';
import { call, isApiError } from '../../api';
import { useI18n } from '../../i18n/react';
import { showFieldErrors } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';
import { customerSaveProblems, fieldKey } from './customer-checks';
import { COMPARED, formValues, SHOWN_FIELDS, type FormValues, type StaleState } from './customer-form-values';

/**
 * The customer form's state and save, apart from its layout (CustomerForm.tsx): the values, who may
 * pick the owner, the per-field messages — first from the contract's schema and the shared ID-number
 * rules (customer-checks.ts, through ui/schema-errors.ts), then from the server's INVALID_INPUT
 * details — and the stale-record path when someone else saved the customer first.
 */
export function useCustomerForm({ card, initialPhone, onSaved }: { card?: CustomerCard; initialPhone?: string; onSaved: (id: number, name: string) => void }) {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  // Managers pick the owner of a new customer; changing it later is a reassignment (its own permission).
  const canPickOwner = MANAGER_ROLES.includes(session.user.role) && (!card || session.permissions.includes('customers.reassign'));
  const [owners, setOwners] = useState<{ id: number; name: string }[]>([]);
  useLoad(canPickOwner ? () => call('customers.assignableOwners', {}) : null, [canPickOwner], setOwners);
  const defaults = { phone: initialPhone ?? '', ownerId: session.user.id };
  const [v, setV] = useState(() => formValues(card, defaults));
  // The record the save is based on: the card the form opened with, or — after a save was refused
  // because someone else saved first — the current one the refusal brought (its version is sent).
  const [base, setBase] = useState(card);
  const [stale, setStale] = useState<StaleState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof FormValues) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());

  const submit = async () => {
    const primary = base?.phones.find((p) => p.isPrimary) ?? base?.phones[0];
    const second = base?.phones.find((p) => p !== primary);
    // The form edits the first two numbers; an update replaces the whole set, so any further numbers
    // the customer has are sent back unchanged instead of being dropped.
    const others = (base?.phones ?? []).filter((p) => p !== primary && p !== second).map((p) => p.raw);
    const phones = [v.phone0, v.phone1, ...others].map((raw, i) => ({ raw: raw.trim(), isPrimary: i === 0 })).filter((p) => p.raw);
    const fields = {
      name: v.name.trim(),
      kind: v.kind,
      gender: v.gender,
      idNumber: opt(v.idNumber),
      birthday: opt(v.birthday),
      city: opt(v.city),
      address: opt(v.address),
      source: opt(v.source),
      occupation: opt(v.occupation),
      // 同意接收商业信息: sent whole (the server checks it as one); blank = not recorded.
      consentStatus: (opt(v.consentStatus) as ConsentStatus | null) ?? null,
      consentDate: opt(v.consentDate),
      consentMethod: (opt(v.consentMethod) as ConsentMethod | null) ?? null,
      consentWithdrawnDate: v.consentStatus === 'withdrawn' ? opt(v.consentWithdrawnDate) : null,
      // The card does not carry the e-mail yet: on edit it is only sent when typed, so it is not cleared.
      ...(card && !v.email.trim() ? {} : { email: opt(v.email) }),
      ...(canPickOwner && v.ownerId && Number(v.ownerId) !== base?.ownerId ? { ownerId: Number(v.ownerId) } : {}),
    };
    const save = base
      ? ({ kind: 'update', value: { id: base.id, expectedVersion: base.version, patch: fields, phones } } as const)
      : ({ kind: 'create', value: { ...fields, phones, vehicles: v.vin.trim() || v.model ? [{ vin: v.vin.trim(), plate: opt(v.plate), model: v.model }] : [] } } as const);
    const local = customerSaveProblems(save, base, locale, t('common.required'));
    // Two rules of this form's layout, not of the contract: the first number is the primary one (a
    // second number alone would silently become primary), and a plate is only sent with its vehicle.
    if (!v.phone0.trim()) local['phones.0'] = t('common.required');
    if (!card && v.plate.trim() && !v.model) local['vehicles.0.model'] = t('common.required');
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = save.kind === 'update' ? await call('customers.update', save.value) : await call('customers.create', save.value);
      onSaved(r.id, fields.name);
    } catch (e) {
      if (isApiError(e, 'STALE_RECORD') && e.details.current) {
        // Someone else saved this customer since the form opened: keep everything typed, show the
        // saved values beside it, and base the next save on the current version.
        const current = e.details.current as CustomerCard;
        setBase(current);
        setStale({ message: e.message, opened: stale?.opened ?? base ?? current, current, mine: v, loaded: false });
        setErrors({});
      } else {
        showFieldErrors(e, SHOWN_FIELDS, setErrors, setMessage, fieldKey);
      }
    } finally {
      setBusy(false);
    }
  };

  /** 使用最新: the saved values replace the card's fields; an e-mail typed here is kept (the card does not carry one). */
  const loadLatest = (s: StaleState) => {
    const latest = formValues(s.current, defaults);
    setV((x) => ({ ...x, ...Object.fromEntries(COMPARED.map((k) => [k, latest[k]])) }));
    setStale({ ...s, loaded: true });
  };

  return { v, set, errors, message, busy, submit, canPickOwner, owners, base, stale, defaults, loadLatest };
}
