import { useCallback, useEffect, useState } from 'react';
import type { CustomerCard } from '../../../electron/common/api/customers';
import { call, isApiError } from '../../api';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, FormMessage, Toolbar } from '../../ui';
import { CustomerForm } from './CustomerForm';
import { dictLabel, useDictionary } from './dictionaries';
import { useNavigation } from '../../shell/navigation';

/** Sections that later features fill (opportunities, activities, …): shown from the card when present. */
const SECTIONS = ['opportunities', 'activities', 'serviceHistory', 'revisits', 'calls', 'sms', 'complaints'] as const;

function Dl({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="card-dl">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === '' ? <span className="muted">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}

function renderValue(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as string);
}

/** The customer card (360 view), opened as a tab: profile, phones, vehicles, and the record sections. */
export function CustomerCardPanel({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { setCustomerTitle } = useNavigation();
  const sources = useDictionary('source');
  const models = useDictionary('model');
  const [card, setCard] = useState<CustomerCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      const c = await call('customers.get', { id });
      setCard(c);
      setCustomerTitle(id, c.name);
      setError(null);
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    }
  }, [id, setCustomerTitle]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!card) return <div className="screen">{error ? <FormMessage>{error}</FormMessage> : <p className="muted">{t('common.loading')}</p>}</div>;
  const extra = card as unknown as Record<string, unknown>;
  const yes = (b: boolean) => (b ? t('customer.yes') : t('customer.no'));

  return (
    <div className="screen customer-card" data-testid="customer-card">
      <Toolbar title={card.name} info={`#${card.id}`}>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
        <Button variant="primary" onClick={() => setEditing(true)}>
          {t('customer.edit')}
        </Button>
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      <div className="card-grid">
        <section className="card-section">
          <h3>{t('customer.profile')}</h3>
          <Dl
            items={[
              [t('customer.f.kind'), t(`customer.kind.${card.kind}`)],
              [t('customer.f.gender'), t(`customer.gender.${card.gender}`)],
              [t('customer.f.idNumber'), card.idNumber],
              [t('customer.f.birthday'), card.birthday],
              [t('customer.f.city'), card.city],
              [t('customer.f.address'), card.address],
              [t('customer.f.source'), dictLabel(sources, card.source, locale)],
              [t('customer.f.owner'), card.ownerName],
              [t('customer.dnd'), `${t('customer.f.dndCall')}: ${yes(card.dndCall)} · ${t('customer.f.dndSms')}: ${yes(card.dndSms)} · ${t('customer.f.dndRevisit')}: ${yes(card.dndRevisit)}`],
            ]}
          />
        </section>
        <section className="card-section">
          <h3>{t('customer.phones')}</h3>
          {card.phones.length === 0 ? (
            <p className="muted">{t('customer.none')}</p>
          ) : (
            <ul className="card-list" data-testid="card-phones">
              {card.phones.map((p) => (
                <li key={p.id}>
                  <span className="mono">{p.raw}</span> <span className="muted small">{t(`customer.phoneKind.${p.kind}`)}</span>
                  {p.isPrimary && <span className="badge">{t('customer.primary')}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
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
        {SECTIONS.map((s) => {
          const rows = Array.isArray(extra[s]) ? (extra[s] as Record<string, unknown>[]) : [];
          return (
            <section className="card-section" key={s} data-testid={`card-${s}`}>
              <h3>{t(`customer.section.${s}` as MessageKey)}</h3>
              {rows.length === 0 ? (
                <p className="muted">{t('customer.sectionEmpty')}</p>
              ) : (
                <ul className="card-list">
                  {rows.slice(0, 20).map((r, i) => (
                    <li key={String(r.id ?? i)} className="small">
                      {Object.entries(r)
                        .filter(([k]) => k !== 'id')
                        .map(([, v]) => renderValue(v))
                        .filter(Boolean)
                        .join(' · ')}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {editing && (
        <CustomerForm
          card={card}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      )}
    </div>
  );
}
