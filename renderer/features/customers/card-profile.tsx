import type { CustomerCard, DictionaryItem } from '../../../electron/common/api/customers';
import { CONSENT_METHOD, CONSENT_STATUS } from '../../../electron/common/api/customers-texts';
import { formatPhone } from '../../../electron/common/phone';
import { useI18n } from '../../i18n/react';
import { DetailList } from '../../ui/DetailList';
import { ConsentProof } from './ConsentProof';
import { PhoneLink } from '../telephony';
import { dictLabel, useDictionary } from '../dictionaries';

/**
 * The customer card's upper sections: the profile, the phone numbers (click to dial) and the vehicles.
 * The dictionaries come from the card, which starts loading them with the card itself.
 */

/** 已同意 2026-11-20 · 纸质签字 / 已撤回 2026-12-01 (同意 2026-11-20) / 未登记. */
function consentText(card: CustomerCard, locale: string, none: string): string {
  if (!card.consentStatus) return none;
  const given = [card.consentDate, card.consentMethod ? CONSENT_METHOD.text(card.consentMethod, locale) : null].filter(Boolean).join(' · ');
  if (card.consentStatus === 'given') return `${CONSENT_STATUS.text('given', locale)} ${given}`.trim();
  return `${CONSENT_STATUS.text('withdrawn', locale)} ${card.consentWithdrawnDate ?? ''}${given ? ` (${CONSENT_STATUS.text('given', locale)} ${given})` : ''}`.trim();
}

export function ProfileSection({ card, sources, onChanged }: { card: CustomerCard; sources: DictionaryItem[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const yes = (b: boolean) => (b ? t('customer.yes') : t('customer.no'));
  const occupations = useDictionary('occupation');
  return (
    <section className="card-section">
      <h3>{t('customer.profile')}</h3>
      <DetailList
        items={[
          [t('customer.f.kind'), t(`customer.kind.${card.kind}`)],
          [t('customer.f.gender'), t(`customer.gender.${card.gender}`)],
          [t('customer.f.idNumber'), card.idNumber],
          [t('customer.f.birthday'), card.birthday],
          [t('customer.f.city'), card.city],
          [t('customer.f.address'), card.address],
          [t('customer.f.source'), dictLabel(sources, card.source, locale)],
          [t('customer.f.occupation'), card.occupation ? dictLabel(occupations, card.occupation, locale) : null],
          [t('customer.f.owner'), card.ownerName],
          [t('customer.f.consentStatus'), consentText(card, locale, t('customer.consent.none'))],
          [t('customer.consentFile'), <ConsentProof key="proof" card={card} onChanged={onChanged} />],
          [t('customer.dnd'), `${t('customer.f.dndCall')}: ${yes(card.dndCall)} · ${t('customer.f.dndSms')}: ${yes(card.dndSms)} · ${t('customer.f.dndRevisit')}: ${yes(card.dndRevisit)}`],
        ]}
      />
    </section>
  );
}

export function PhonesSection({ card }: { card: CustomerCard }) {
  const { t } = useI18n();
  return (
    <section className="card-section">
      <h3>{t('customer.phones')}</h3>
      {card.phones.length === 0 ? (
        <p className="muted">{t('customer.none')}</p>
      ) : (
        <ul className="card-list" data-testid="card-phones">
          {card.phones.map((p) => (
            <li key={p.id}>
              {/* One readable form for every number; the text as it was typed stays in the tooltip. */}
              <span title={p.raw}>
                <PhoneLink number={p.normalized} display={formatPhone(p.normalized) ?? p.raw} customerId={card.id} />
              </span>{' '}
              <span className="muted small">{t(`customer.phoneKind.${p.kind}`)}</span>
              {p.isPrimary && <span className="badge">{t('customer.primary')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VehiclesSection({ card, models }: { card: CustomerCard; models: DictionaryItem[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="card-section card-wide">
      <h3>{t('customer.vehicles')}</h3>
      {card.vehicles.length === 0 ? (
        <p className="muted">{t('customer.none')}</p>
      ) : (
        <table className="table card-table">
          <thead>
            <tr>
              <th>{t('customer.v.model')}</th>
              <th>{t('customer.v.plate')}</th>
              <th>VIN</th>
              <th>{t('customer.v.purchaseDate')}</th>
              <th>{t('customer.v.mileage')}</th>
              <th>{t('customer.v.nextService')}</th>
              <th>{t('customer.v.insurance')}</th>
            </tr>
          </thead>
          <tbody>
            {card.vehicles.map((v) => (
              <tr key={v.id}>
                <td>{dictLabel(models, v.model, locale)}</td>
                <td>{v.plate ?? ''}</td>
                <td className="mono">{v.vin}</td>
                <td>{v.purchaseDate ?? ''}</td>
                <td>{v.mileage ?? ''}</td>
                <td>{v.nextServiceDate ?? ''}</td>
                <td>{v.insuranceExpiry ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
