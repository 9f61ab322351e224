import type { ActivityBrief, OpportunityDetail, PurchaseIntent, StageHistoryEntry } from '../../../../electron/common/api/sales';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, Table } from '../../../ui';
import { dictLabel, useDictionary } from '../../dictionaries';
import { useStageLabel, when } from './panel-parts';
import { DetailList } from '../../../ui/DetailList';

/**
 * The opportunity panel's sections below its details, one component each so the panel reads as its
 * layout: the deal with its DMS export (and 重新导出), the next activity, the stage history, the
 * purchase intents and the recent activities.
 */

export function DeliverySection({ detail, busy, onRetry }: { detail: OpportunityDetail; busy: boolean; onRetry: () => void }) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  const dms = detail.delivery!;
  return (
    <section className="opp-section" data-testid="opp-delivery">
      <h3>{t('opp.delivery')}</h3>
      <DetailList
        items={[
          ['VIN', dms.vin],
          [t('opp.f.model'), dictLabel(models, dms.model, locale)],
          [t('opp.f.price'), dms.price.toLocaleString()],
          [t('opp.deliver.date'), dms.deliveryDate],
          [t('opp.deliver.idNumber'), dms.buyerIdNumber],
          [
            t('opp.dms.status'),
            <span key="dms" data-testid="opp-dms-status" data-dms={dms.dmsStatus} className={`badge opp-dms-${dms.dmsStatus}`}>
              {t(`opp.dms.${dms.dmsStatus}`)}
            </span>,
          ],
          [t('opp.dms.file'), dms.dmsFile],
          [t('opp.dms.attempts'), String(dms.dmsAttempts)],
          [t('opp.dms.exportedAt'), when(dms.dmsExportedAt)],
        ]}
      />
      {dms.dmsLastError && dms.dmsStatus === 'failed' && <FormMessage>{t('opp.dms.failedMsg', { error: dms.dmsLastError })}</FormMessage>}
      <Button size="small" busy={busy} onClick={onRetry} data-testid="opp-dms-retry">
        {t('opp.dms.retry')}
      </Button>
    </section>
  );
}

export function NextActivitySection({ detail }: { detail: OpportunityDetail }) {
  const { t, locale } = useI18n();
  const activityTypes = useDictionary('activity_type');
  const next = detail.activities.next;
  return (
    <section className="opp-section">
      <h3>{t('opp.nextActivity')}</h3>
      {next ? (
        <p data-testid="opp-next">
          {when(next.plannedAt)} · {dictLabel(activityTypes, next.type, locale)} · {next.subject}
        </p>
      ) : (
        <p className="muted">{detail.status === 'open' ? t('opp.nextActivity.none') : '—'}</p>
      )}
      <p className="muted small">{t('opp.activities.counts', { planned: detail.activities.planned, done: detail.activities.done, overdue: detail.activities.overdue })}</p>
    </section>
  );
}

export function HistorySection({ history }: { history: StageHistoryEntry[] }) {
  const { t } = useI18n();
  const stageLabel = useStageLabel();
  return (
    <section className="opp-section">
      <h3>{t('opp.history')}</h3>
      <Table<StageHistoryEntry>
        aria-label={t('opp.history')}
        rowKey={(r) => r.id}
        rows={history}
        columns={[
          { key: 'at', header: t('opp.history.at'), render: (r) => when(r.at), nowrap: true },
          { key: 'from', header: t('opp.history.from'), render: (r) => (r.fromStage ? stageLabel(r.fromStage) : '—') },
          { key: 'to', header: t('opp.history.to'), render: (r) => stageLabel(r.toStage) },
          { key: 'user', header: t('opp.history.user'), render: (r) => r.userName ?? '' },
          { key: 'reason', header: t('opp.history.reason'), render: (r) => r.reason ?? '' },
        ]}
      />
    </section>
  );
}

export function IntentsSection({ intents, onEdit }: { intents: PurchaseIntent[]; onEdit: (intent?: PurchaseIntent) => void }) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  return (
    <section className="opp-section">
      <h3>
        {t('opp.intents')}{' '}
        <Button size="small" onClick={() => onEdit()}>
          {t('opp.intent.new')}
        </Button>
      </h3>
      <Table<PurchaseIntent>
        aria-label={t('opp.intents')}
        rowKey={(r) => r.id}
        rows={intents}
        empty={t('opp.intents.none')}
        columns={[
          { key: 'model', header: t('opp.f.model'), render: (r) => dictLabel(models, r.model, locale) },
          { key: 'q', header: t('opp.intent.quantity'), render: (r) => r.quantity, align: 'right' },
          { key: 'b', header: t('opp.intent.budget'), render: (r) => (r.budget == null ? '' : r.budget.toLocaleString()), align: 'right' },
          { key: 'd', header: t('opp.intent.expectedDate'), render: (r) => r.expectedDate ?? '' },
          { key: 'n', header: t('opp.intent.notes'), render: (r) => r.notes ?? '' },
          {
            key: 'e',
            header: '',
            render: (r) => (
              <button type="button" className="link" onClick={() => onEdit(r)}>
                {t('opp.edit')}
              </button>
            ),
          },
        ]}
      />
    </section>
  );
}

export function RecentActivitiesSection({ recent }: { recent: ActivityBrief[] }) {
  const { t, locale } = useI18n();
  const activityTypes = useDictionary('activity_type');
  return (
    <section className="opp-section">
      <h3>{t('opp.activities.recent')}</h3>
      <Table<ActivityBrief>
        aria-label={t('opp.activities.recent')}
        rowKey={(r) => r.id}
        rows={recent}
        columns={[
          { key: 'when', header: t('opp.history.at'), render: (r) => when(r.doneAt ?? r.plannedAt), nowrap: true },
          { key: 'type', header: t('opp.nextActivity.type'), render: (r) => dictLabel(activityTypes, r.type, locale) },
          { key: 'status', header: t('opp.f.status'), render: (r) => t(`opp.activity.${r.status}`) },
          { key: 'subject', header: t('opp.nextActivity.subject'), render: (r) => r.subject ?? '' },
          { key: 'result', header: t('opp.activity.result'), render: (r) => r.result ?? '' },
        ]}
      />
    </section>
  );
}
