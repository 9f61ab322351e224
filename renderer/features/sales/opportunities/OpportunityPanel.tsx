import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, FormMessage, useToast } from '../../../ui';
import { dictLabel, useDictionary } from '../../dictionaries';
import { AbandonDialog, DeliveryDialog, IntentDialog, StageMoveDialog } from './dialogs';
import { OpportunityForm } from './OpportunityForm';
import { DeliverySection, HistorySection, IntentsSection, NextActivitySection, RecentActivitiesSection } from './OpportunitySections';
import { StageBar, useStageLabel, when } from './panel-parts';
import { DetailList } from '../../../ui/DetailList';
import { useOpportunity } from './use-opportunity';

/**
 * One opportunity: details, the stage bar (a click moves the stage; back asks the reason; 递交新车
 * opens the delivery form), stage history, next activity, purchase intents, the deal with its DMS
 * status and the 重新导出 retry, and 放弃. Data and actions in use-opportunity.ts, sections in
 * OpportunitySections.tsx.
 */
export function OpportunityPanel({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { openCustomer } = useNavigation();
  const models = useDictionary('model');
  const reasons = useDictionary('abandon_reason');
  const brands = useDictionary('brand');
  const stageLabel = useStageLabel();
  const { d, error, open, setOpen, busy, done, pick, retryDms } = useOpportunity(id, onChanged);

  if (!d) return <div className="opp-panel">{error ? <FormMessage>{error}</FormMessage> : <p className="muted">{t('common.loading')}</p>}</div>;
  const isOpen = d.status === 'open';

  return (
    <div className="opp-panel" data-testid="opp-panel" data-status={d.status} data-stage={d.stage}>
      <div className="opp-panel-head">
        <h2>
          <button type="button" className="link" onClick={() => openCustomer(d.customerId, d.customerName)}>
            {d.customerName}
          </button>{' '}
          <span className={`badge opp-status-${d.status}`} data-testid="opp-status">
            {t(`opp.status.${d.status}`)}
          </span>
        </h2>
        <span className="spacer" />
        {isOpen && (
          <>
            <Button size="small" onClick={() => setOpen({ kind: 'edit' })}>
              {t('opp.edit')}
            </Button>
            <Button size="small" variant="primary" onClick={() => setOpen({ kind: 'deliver' })} data-testid="opp-deliver">
              {t('opp.deliver')}
            </Button>
            <Button size="small" variant="danger" onClick={() => setOpen({ kind: 'abandon' })} data-testid="opp-abandon">
              {t('opp.abandon')}
            </Button>
          </>
        )}
      </div>

      <StageBar detail={d} onPick={(s) => !busy && void pick(s)} />

      <DetailList
        items={[
          [t('opp.f.stage'), stageLabel(d.stage)],
          [t('opp.f.source'), t(`opp.source.${d.source as 'market'}`)],
          [t('opp.f.consultant'), d.consultantName],
          [t('opp.f.phone'), d.customerPhone],
          [t('opp.f.model'), dictLabel(models, d.model, locale)],
          [t('opp.f.price'), d.price == null ? null : d.price.toLocaleString()],
          [t('opp.f.expectedPurchaseDate'), d.expectedPurchaseDate],
          [t('opp.f.created'), when(d.createdAt)],
          [t('opp.f.lastStageChange'), when(d.lastStageChangeAt)],
          ...(d.status === 'abandoned'
            ? ([
                [t('opp.abandon.reason'), dictLabel(reasons, d.abandonReason, locale)],
                [t('opp.abandon.competitor'), dictLabel(brands, d.competitorBrand, locale)],
                [t('opp.f.closed'), when(d.closedAt)],
              ] as [string, ReactNode][])
            : []),
        ]}
      />

      {d.delivery && <DeliverySection detail={d} busy={busy} onRetry={() => void retryDms()} />}
      <NextActivitySection detail={d} />
      <HistorySection history={d.history} />
      <IntentsSection intents={d.intents} onEdit={(intent) => setOpen({ kind: 'intent', intent })} />
      <RecentActivitiesSection recent={d.activities.recent} />

      {open?.kind === 'stage' && <StageMoveDialog detail={d} target={open.target} onClose={() => setOpen(null)} onDone={() => done()} />}
      {open?.kind === 'deliver' && (
        <DeliveryDialog
          detail={d}
          onClose={() => setOpen(null)}
          onDone={(r) => {
            if (r.dmsStatus === 'exported') done(t('opp.deliver.done'));
            else {
              done();
              toast.error(t('opp.dms.failedMsg', { error: r.dmsError ?? '' }));
            }
          }}
        />
      )}
      {open?.kind === 'abandon' && <AbandonDialog detail={d} onClose={() => setOpen(null)} onDone={(at) => done(t('opp.abandon.done', { date: when(at).slice(0, 10) }))} />}
      {open?.kind === 'edit' && <OpportunityForm detail={d} onClose={() => setOpen(null)} onSaved={() => done()} />}
      {open?.kind === 'intent' && <IntentDialog customerId={d.customerId} opportunityId={d.id} intent={open.intent} onClose={() => setOpen(null)} onDone={() => done()} />}
    </div>
  );
}
