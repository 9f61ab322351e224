import { useEffect, useState } from 'react';
import type { CustomerCard, DictionaryItem, PhoneCheck } from '../../../electron/common/api/customers';
import { MANAGER_ROLES } from '../../../electron/common/roles';
import { formatPhone } from '../../../electron/common/phone';
import { useSessionInfo } from '../auth';
import { useDictionary, withCurrent } from '../dictionaries';
import { call, isApiError } from '../../api';
import { useI18n } from '../../i18n/react';
import { useNavigation } from '../../shell/navigation';
import { Dialog, FormMessage, SelectField, StaleRecordNotice, TextField, DialogActions } from '../../ui';
import { showFieldErrors } from '../../ui/errors';
import { useLoad } from '../../ui/use-load';
import { customerSaveProblems, fieldKey } from './customer-checks';

type Errors = Record<string, string>;

/** The form's fields as loaded from a card (or empty for a new customer). */
function formValues(card: CustomerCard | undefined, defaults: { phone: string; ownerId: number }) {
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
    vin: '',
    plate: '',
    model: '',
  };
}
type FormValues = ReturnType<typeof formValues>;
/** The fields a stale save compares (the card carries no e-mail; vehicles are not edited here). */
const COMPARED = ['name', 'kind', 'gender', 'phone0', 'phone1', 'idNumber', 'birthday', 'source', 'city', 'address', 'ownerId'] as const;

/** The fields the form shows a message under; the server's other problems go on the line below the form. */
const SHOWN_FIELDS = ['name', 'kind', 'gender', 'idNumber', 'birthday', 'city', 'address', 'email', 'ownerId', 'source', 'phones.0', 'phones.1', 'vehicles.0.vin', 'vehicles.0.plate', 'vehicles.0.model'];

/** Live duplicate check of one phone field: warns when the number belongs to another customer, with a link. */
function PhoneWarning({ raw, exceptId, onOpened }: { raw: string; exceptId?: number; onOpened: () => void }) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const [check, setCheck] = useState<PhoneCheck | null>(null);
  useEffect(() => {
    if (raw.trim().length < 3) {
      setCheck(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('customers.checkPhone', { raw: raw.trim(), ...(exceptId ? { exceptCustomerId: exceptId } : {}) }).then(
        (r) => live && setCheck(r),
        () => live && setCheck(null),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [raw, exceptId]);
  if (!check) return null;
  if (check.error) return <div className="field-hint phone-check is-error" data-testid="phone-error">{check.error}</div>;
  // The number as it will be stored, in the readable form: a local number shows the area code it takes.
  if (check.owners.length === 0) return check.normalized ? <div className="field-hint phone-check" data-testid="phone-normalized">{formatPhone(check.normalized)}</div> : null;
  return (
    <div className="field-hint phone-check is-warning" role="status" data-testid="phone-duplicate">
      {t('customer.phoneTaken')}{' '}
      {check.owners.map((o) =>
        o.canOpen ? (
          <button key={o.id} type="button" className="link" onClick={() => {
              onOpened();
              openCustomer(o.id, o.name);
            }}>
            {o.name}
          </button>
        ) : (
          // Not this user's customer: the surname and the colleague who owns it, so they can talk.
          <span key={o.id}>{o.ownerName ? t('customer.phoneOwnedBy', { name: o.name, owner: o.ownerName }) : o.name}</span>
        ),
      )}
    </div>
  );
}

/**
 * Create or edit a customer: per-field messages before the round trip from the contract's schema and
 * the shared ID-number rules (customer-checks.ts), then from the server's INVALID_INPUT details.
 */
export function CustomerForm({ card, initialPhone, onClose, onSaved }: { card?: CustomerCard; initialPhone?: string; onClose: () => void; onSaved: (id: number, name: string) => void }) {
  const { t, locale } = useI18n();
  const sources = useDictionary('source');
  const models = useDictionary('model');
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
  const [stale, setStale] = useState<{ message: string; opened: CustomerCard; current: CustomerCard; mine: FormValues; loaded: boolean } | null>(null);
  const primary = base?.phones.find((p) => p.isPrimary) ?? base?.phones[0];
  const second = base?.phones.find((p) => p !== primary);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const label = (d: DictionaryItem) => (locale === 'en' ? d.en : d.zh);
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());

  const fieldLabel = (k: (typeof COMPARED)[number]): string =>
    ({
      name: t('customer.f.name'),
      kind: t('customer.f.kind'),
      gender: t('customer.f.gender'),
      phone0: t('customer.f.phone'),
      phone1: t('customer.f.phone2'),
      idNumber: v.kind === 'company' ? t('customer.f.uscc') : t('customer.f.idNumber'),
      birthday: t('customer.f.birthday'),
      source: t('customer.f.source'),
      city: t('customer.f.city'),
      address: t('customer.f.address'),
      ownerId: t('customer.f.owner'),
    })[k];
  /** A field's value as the user reads it (names for codes and owners). */
  const shown = (k: (typeof COMPARED)[number], value: string): string => {
    if (k === 'kind') return t(`customer.kind.${value as 'individual' | 'company'}`);
    if (k === 'gender') return t(`customer.gender.${value as 'male' | 'female' | 'other'}`);
    if (k === 'source') {
      const d = sources.find((x) => x.code === value);
      return d ? label(d) : value;
    }
    if (k === 'ownerId') {
      const id = Number(value);
      return owners.find((o) => o.id === id)?.name ?? (stale?.current.ownerId === id ? (stale.current.ownerName ?? '') : base?.ownerId === id ? (base.ownerName ?? '') : value);
    }
    return value;
  };

  const submit = async () => {
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
        <div>
          <TextField label={t('customer.f.phone')} value={v.phone0} onChange={set('phone0')} error={errors['phones.0']} maxLength={40} inputMode="tel" name="phone0" />
          <PhoneWarning raw={v.phone0} exceptId={card?.id} onOpened={onClose} />
        </div>
        <div>
          <TextField label={t('customer.f.phone2')} value={v.phone1} onChange={set('phone1')} error={errors['phones.1']} maxLength={40} inputMode="tel" name="phone1" />
          <PhoneWarning raw={v.phone1} exceptId={card?.id} onOpened={onClose} />
        </div>
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
        <TextField label={t('customer.f.city')} value={v.city} onChange={set('city')} error={errors.city} maxLength={20} />
        <TextField label={t('customer.f.address')} value={v.address} onChange={set('address')} error={errors.address} maxLength={200} />
        {canPickOwner && (
          <SelectField
            label={t('customer.f.owner')}
            value={v.ownerId}
            onChange={set('ownerId')}
            options={[
              ...(card && !card.ownerId ? [{ value: '', label: '—' }] : []),
              ...owners.map((o) => ({ value: String(o.id), label: o.name })),
              // The current owner stays selectable even when outside the list (e.g. left the team).
              ...(card?.ownerId && !owners.some((o) => o.id === card.ownerId) ? [{ value: String(card.ownerId), label: card.ownerName ?? `#${card.ownerId}` }] : []),
            ]}
            error={errors.ownerId}
          />
        )}
        <TextField label={t('customer.f.email')} value={v.email} onChange={set('email')} error={errors.email} maxLength={100} inputMode="email" />
        {!card && (
          <>
            <TextField label="VIN" value={v.vin} onChange={set('vin')} error={errors['vehicles.0.vin']} maxLength={17} />
            <TextField label={t('customer.v.plate')} value={v.plate} onChange={set('plate')} error={errors['vehicles.0.plate']} maxLength={10} />
            <SelectField label={t('customer.v.model')} value={v.model} onChange={set('model')} options={[{ value: '', label: '—' }, ...withCurrent(models, v.model).map((d) => ({ value: d.code, label: label(d) }))]} error={errors['vehicles.0.model']} />
          </>
        )}
      </div>
      {stale && (
        <StaleRecordNotice
          message={stale.message}
          loaded={stale.loaded}
          fields={COMPARED.map((k) => {
            const theirs = formValues(stale.current, defaults)[k];
            return { key: k, label: fieldLabel(k), theirs: shown(k, theirs), mine: shown(k, stale.mine[k]), changed: theirs !== formValues(stale.opened, defaults)[k] };
          })}
          onUseLatest={() => {
            const latest = formValues(stale.current, defaults);
            // Only the card's fields: an e-mail typed here is kept (the card does not carry one).
            setV((x) => ({ ...x, ...Object.fromEntries(COMPARED.map((k) => [k, latest[k]])) }));
            setStale({ ...stale, loaded: true });
          }}
        />
      )}
      <FormMessage>{message}</FormMessage>
    </Dialog>
  );
}
