import { formatPhone } from '../../../electron/common/phone';
import { useI18n } from '../../i18n/react';
import { useNavigation } from '../../shell/navigation';
import { TextField } from '../../ui';
import { usePhoneCheck } from '../../ui/use-phone-check';

/**
 * One phone number of the customer form with its live check under it. Apart from the form because
 * it asks the host on its own while the user types (usePhoneCheck): the number as it will be
 * stored, why it cannot be one, or the customers who already have it.
 */
export function PhoneField({ label, name, value, onChange, error, exceptId, onOpened }: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string; exceptId?: number; onOpened: () => void }) {
  return (
    <div>
      <TextField label={label} value={value} onChange={onChange} error={error} maxLength={40} inputMode="tel" name={name} />
      <PhoneWarning raw={value} exceptId={exceptId} onOpened={onOpened} />
    </div>
  );
}

/** Live duplicate check of one phone field: warns when the number belongs to another customer, with a link. */
function PhoneWarning({ raw, exceptId, onOpened }: { raw: string; exceptId?: number; onOpened: () => void }) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const check = usePhoneCheck(raw, exceptId);
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
