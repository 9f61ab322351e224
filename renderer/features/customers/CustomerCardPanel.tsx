import { memo, useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { CardSection, CustomerCard } from '../../../electron/common/api/customers';
import { STAGES } from '../../../electron/common/stages';
import { call, callPrefetched } from '../../api';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, FormMessage, Table, Toolbar, type Column } from '../../ui';
import { CustomerForm } from './CustomerForm';
import { dictLabel, useDictionary } from './dictionaries';
import { useNavigation } from '../../shell/navigation';
import { formatPhone } from '../../../electron/common/phone';
import { PhoneLink } from '../telephony/PhoneLink';
import { callOutcomeLabel, RecordingBadge } from '../telephony/RecordingBadge';
import { SALES_ROLES } from '../../../electron/common/api/sales';
import { useSessionInfo } from '../auth/session';
import { SmsButton } from '../sms/SmsButton';
import { OpportunityForm } from '../sales/opportunities/OpportunityForm';
import { CustomerActivitiesSection } from '../sales/activities/CustomerActivitiesSection';
import { perfMark } from '../../perf-marks';
import { errorText } from '../../ui/errors';

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

/** One record section of the card: the newest rows in a table, and how many there are in all. */
function RecordSection<R extends { id: number }>({ id, title, section, columns }: { id: string; title: string; section: CardSection<R>; columns: Column<R>[] }) {
  const { t } = useI18n();
  return (
    <section className="card-section card-wide" data-testid={`card-${id}`}>
      <h3>
        {title}
        {section.total > section.items.length && <span className="muted small"> {t('customer.sectionMore', { total: section.total, shown: section.items.length })}</span>}
      </h3>
      {section.items.length === 0 ? (
        <p className="muted">{t('customer.sectionEmpty')}</p>
      ) : (
        <Table columns={columns} rows={section.items} rowKey={(r) => r.id} aria-label={title} />
      )}
    </section>
  );
}

const when = (ms: number | null | undefined) => (ms == null ? '' : formatDateTime(ms));

/** The customer card (360 view), opened as a tab: profile, phones, vehicles, and the record sections. */
function CustomerCard360({ id }: { id: number }) {
  const { t, locale } = useI18n();
  const { setCustomerTitle } = useNavigation();
  const sources = useDictionary('source');
  const models = useDictionary('model');
  const [card, setCard] = useState<CustomerCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [newOpportunity, setNewOpportunity] = useState(false);
  const { user } = useSessionInfo();

  /** `first`: the tab's first load, which takes the request its opening started (Shell's openCustomer). */
  const load = useCallback(async (first = false) => {
    try {
      const c = await (first ? callPrefetched('customers.get', { id }) : call('customers.get', { id }));
      perfMark('pop.cardData');
      setCard(c);
      setCustomerTitle(id, c.name);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, setCustomerTitle]);
  useEffect(() => {
    void load(true);
  }, [load]);
  // The screen-pop stages (the bench's breakdown): mounted while loading, then rendered with data.
  const loaded = card !== null;
  useLayoutEffect(() => perfMark(loaded ? 'pop.cardRendered' : 'pop.cardMounted'), [loaded]);

  if (!card) return <div className="screen">{error ? <FormMessage>{error}</FormMessage> : <p className="muted">{t('common.loading')}</p>}</div>;
  const yes = (b: boolean) => (b ? t('customer.yes') : t('customer.no'));

  return (
    <div className="screen customer-card" data-testid="customer-card">
      <Toolbar title={card.name} info={`#${card.id}`}>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
        {/* Sales roles open a new opportunity for this customer straight from the card. */}
        {SALES_ROLES.includes(user.role) && <Button onClick={() => setNewOpportunity(true)}>{t('opp.new')}</Button>}
        <SmsButton audience={{ customerIds: [card.id], count: 1 }} onDone={() => void load()} />
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
        <RecordSection
          id="opportunities"
          title={t('customer.section.opportunities')}
          section={card.opportunities}
          columns={[
            { key: 'stage', header: t('customer.col.stage'), render: (o) => { const st = STAGES.find((x) => x.code === o.stage); return st ? (locale === 'en' ? st.en : st.zh) : o.stage; } },
            { key: 'p', header: t('customer.col.probability'), align: 'right', render: (o) => (o.probability == null ? '' : `${o.probability}%`) },
            { key: 'model', header: t('customer.col.model'), render: (o) => dictLabel(models, o.model, locale) },
            { key: 'exp', header: t('customer.col.expectedDate'), nowrap: true, render: (o) => o.expectedPurchaseDate ?? '' },
            { key: 'owner', header: t('customer.col.owner'), render: (o) => o.ownerName ?? '' },
            { key: 'status', header: t('customer.col.status'), render: (o) => t(`customer.oppStatus.${o.status}`) },
          ]}
        />
        {/* Follow-ups with their state, the manager's comments (领导批阅), plan / complete in place. */}
        <CustomerActivitiesSection customerId={card.id} />
        <RecordSection
          id="serviceHistory"
          title={t('customer.section.serviceHistory')}
          section={card.serviceHistory}
          columns={[
            { key: 'date', header: t('customer.col.date'), nowrap: true, render: (v) => v.date },
            { key: 'ro', header: t('customer.col.roNumber'), nowrap: true, render: (v) => <span className="mono">{v.roNumber}</span> },
            { key: 'type', header: t('customer.col.type'), render: (v) => t(`customer.svcType.${v.type}`) },
            { key: 'vehicle', header: t('customer.col.vehicle'), render: (v) => [v.plate, dictLabel(models, v.model, locale)].filter(Boolean).join(' ') },
            { key: 'km', header: t('customer.col.mileage'), align: 'right', render: (v) => v.mileage ?? '' },
            { key: 'amount', header: t('customer.col.amount'), align: 'right', render: (v) => (v.amount == null ? '' : v.amount.toFixed(2)) },
            { key: 'advisor', header: t('customer.col.advisor'), render: (v) => v.advisorName ?? '' },
          ]}
        />
        <RecordSection
          id="revisits"
          title={t('customer.section.revisits')}
          section={card.revisits}
          columns={[
            { key: 'due', header: t('customer.col.due'), nowrap: true, render: (r) => r.dueDate ?? '' },
            { key: 'kind', header: t('customer.col.type'), render: (r) => t(`customer.revisitKind.${r.kind}`) },
            { key: 'status', header: t('customer.col.status'), render: (r) => t(`customer.revisitStatus.${r.status}`) },
            { key: 'result', header: t('customer.col.result'), render: (r) => (r.result ? t(`customer.revisitResult.${r.result}`) : '') },
            { key: 'score', header: t('customer.col.score'), align: 'right', render: (r) => r.score ?? '' },
            { key: 'agent', header: t('customer.col.agent'), render: (r) => r.agentName ?? '' },
          ]}
        />
        <RecordSection
          id="calls"
          title={t('customer.section.calls')}
          section={card.calls}
          columns={[
            { key: 'when', header: t('customer.col.when'), nowrap: true, render: (c) => when(c.startedAt) },
            { key: 'dir', header: t('customer.col.direction'), render: (c) => t(`customer.direction.${c.direction}`) },
            { key: 'dur', header: t('customer.col.duration'), align: 'right', render: (c) => c.durationS ?? '' },
            { key: 'outcome', header: t('customer.col.result'), render: (c) => callOutcomeLabel(c.outcome, locale) },
            { key: 'user', header: t('customer.col.user'), render: (c) => c.userName ?? '' },
            { key: 'rec', header: t('customer.col.recording'), render: (c) => (c.recordingId ? <RecordingBadge recordingId={c.recordingId} label={t('customer.hasRecording')} locale={locale} uploading={c.recordingUploading === 1} /> : '') },
          ]}
        />
        <RecordSection
          id="sms"
          title={t('customer.section.sms')}
          section={card.sms}
          columns={[
            { key: 'when', header: t('customer.col.when'), nowrap: true, render: (m) => when(m.createdAt) },
            { key: 'number', header: t('customer.col.number'), nowrap: true, render: (m) => <span className="mono">{formatPhone(m.number)}</span> },
            { key: 'text', header: t('customer.col.text'), render: (m) => m.text },
            {
              key: 'status',
              header: t('customer.col.status'),
              // The reason says what to do next (a wrong number, an unreachable phone, a gateway refusal).
              render: (m) =>
                (m.status === 'failed' || m.status === 'unknown') && m.error ? (
                  <>
                    {t(`customer.smsStatus.${m.status}`)}
                    <div className="muted">{m.error}</div>
                  </>
                ) : (
                  t(`customer.smsStatus.${m.status}`)
                ),
            },
          ]}
        />
        <RecordSection
          id="complaints"
          title={t('customer.section.complaints')}
          section={card.complaints}
          columns={[
            { key: 'when', header: t('customer.col.created'), nowrap: true, render: (x) => when(x.createdAt) },
            { key: 'cat', header: t('customer.col.category'), render: (x) => x.category },
            { key: 'desc', header: t('customer.col.description'), render: (x) => x.description },
            { key: 'status', header: t('customer.col.status'), render: (x) => t(`customer.complaintStatus.${x.status}`) },
            { key: 'assignee', header: t('customer.col.assignee'), render: (x) => x.assigneeName ?? '' },
          ]}
        />
      </div>
      {newOpportunity && (
        <OpportunityForm
          customer={{ id: card.id, name: card.name }}
          onClose={() => setNewOpportunity(false)}
          onSaved={() => {
            setNewOpportunity(false);
            void load();
          }}
        />
      )}
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

/**
 * Memoised: the shell re-renders on every tab opened, closed or renamed, and without this every
 * open card re-rendered with it — on the screen pop's path, once per card an agent had left open.
 */
export const CustomerCardPanel = memo(CustomerCard360);
