import type { CustomerCard } from '../../../electron/common/api/customers';
import { useI18n } from '../../i18n/react';
import { SelectField } from '../../ui';

/**
 * The customer's owner, shown only to a manager who may pick it. Apart from the form because its
 * options have their own rules: none while an edited customer has no owner, and the current owner
 * stays selectable when outside the list.
 */
export function OwnerField({ card, value, onChange, owners, error }: { card?: CustomerCard; value: string; onChange: (v: string) => void; owners: { id: number; name: string }[]; error?: string }) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('customer.f.owner')}
      value={value}
      onChange={onChange}
      options={[
        ...(card && !card.ownerId ? [{ value: '', label: '—' }] : []),
        ...owners.map((o) => ({ value: String(o.id), label: o.name })),
        // The current owner stays selectable even when outside the list (e.g. left the team).
        ...(card?.ownerId && !owners.some((o) => o.id === card.ownerId) ? [{ value: String(card.ownerId), label: card.ownerName ?? `#${card.ownerId}` }] : []),
      ]}
      error={error}
    />
  );
}
