import type { CardSection, CustomerCard, DictionaryItem } from '../../../electron/common/api/customers';
import { STAGES } from '../../../electron/common/stages';
import { formatPhone } from '../../../electron/common/phone';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Table, type Column } from '../../ui';
import { CustomerActivitiesSection } from '../sales';
import { callOutcomeLabel, RecordingBadge } from '../telephony';
import { dictLabel } from '../dictionaries';

const when = (ms: number | null | undefined) => (ms == null ? '' : formatDateTime(ms));

/**
 * One record section of the card: the newest rows in a table, and how many there are in all. None at
 * all when the host sent no section (its module was taken away from the user in 权限管理).
 */
function RecordSection<R extends { id: number }>({ id, title, section, columns }: { id: string; title: string; section: CardSection<R> | null; columns: Column<R>[] }) {
  const { t } = useI18n();
  if (!section) return null;
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

/**
 * The card's record sections (the 360° view's history): opportunities, follow-ups, service visits,
 * revisits, calls with their recordings, SMS and complaints. Each column list is what that record
 * shows; they sit here together because they change together with the card's CardSection types.
 */
export function CardRecords({ card, models }: { card: CustomerCard; models: DictionaryItem[] }) {
  const { t, locale } = useI18n();
  return (
    <>
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
    </>
  );
}
