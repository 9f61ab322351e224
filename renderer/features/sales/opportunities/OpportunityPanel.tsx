import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { OpportunityDetail, PurchaseIntent, StageHistoryEntry, ActivityBrief } from '../../../../electron/common/api/sales';
import { STAGES, stageIndex, type StageCode } from '../../../../electron/common/stages';
import { call, isApiError } from '../../../api';
import { formatDateTime } from '../../../i18n';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, FormMessage, Table, useToast } from '../../../ui';
import { dictLabel, useDictionary } from '../../customers/dictionaries';
import { AbandonDialog, DeliveryDialog, IntentDialog, StageMoveDialog } from './dialogs';
import { OpportunityForm } from './OpportunityForm';
import { errorText } from '../../../ui/errors';

type Open = { kind: 'stage'; target: StageCode } | { kind: 'deliver' } | { kind: 'abandon' } | { kind: 'edit' } | { kind: 'intent'; intent?: PurchaseIntent } | null;

const when = (ms: number | null | undefined) => (ms == null ? '' : formatDateTime(ms));

function Dl({ items }: { items: [string, ReactNode][] }) {
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

/** The six stages with their probability; the current one marked; a click moves there. */
function StageBar({ detail, onPick }: { detail: OpportunityDetail; onPick: (code: StageCode) => void }) {
  const { locale } = useI18n();
  const current = stageIndex(detail.stage);
  const open = detail.status === 'open';
  return (
    <ol className="opp-stagebar" data-testid="opp-stagebar">
      {STAGES.map((s, i) => (
        <li key={s.code}>
          <button
            type="button"
            className={`opp-stage${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
            disabled={!open || i === current}
            data-stage={s.code}
            onClick={() => onPick(s.code)}
          >
            <span className="opp-stage-name">{locale === 'en' ? s.en : s.zh}</span>
            <span className="opp-stage-prob">{s.probability}%</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * One opportunity: details, the stage bar (a click moves the stage; back asks the reason; 递交新车
 * opens the delivery form), stage history, next activity, purchase intents, the deal with its DMS
 * status and the 重新导出 retry, and 放弃.
 */
export function OpportunityPanel({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { openCustomer } = useNavigation();
  const models = useDictionary('model');
  const reasons = useDictionary('abandon_reason');
  const brands = useDictionary('brand');
  const activityTypes = useDictionary('activity_type');
  const [d, setD] = useState<OpportunityDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setD(await call('opportunities.get', { id }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (msg?: string) => {
    setOpen(null);
    if (msg) toast.success(msg);
    void load();
    onChanged();
  };

  const pick = async (target: StageCode) => {
    if (!d) return;
    if (target === 'delivery') return setOpen({ kind: 'deliver' });
    // Back, or no planned activity left: the dialog asks what is missing. Forward: one click.
    if (stageIndex(target) < stageIndex(d.stage) || d.activities.planned === 0) return setOpen({ kind: 'stage', target });
    setBusy(true);
    try {
      await call('opportunities.changeStage', { id: d.id, expectedVersion: d.version, stage: target });
      done();
    } catch (e) {
      toast.error(errorText(e));
      // Someone else changed it since the panel loaded (STALE_RECORD): show what it is now; the one
      // click is all the user did, so nothing typed is lost.
      if (isApiError(e, 'STALE_RECORD')) void load();
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    if (!d?.delivery) return;
    setBusy(true);
    try {
      const r = await call('deliveries.retryDms', { id: d.delivery.id });
      if (r.dmsStatus === 'exported') toast.success(t('opp.dms.exported'));
      else toast.error(t('opp.dms.failedMsg', { error: r.dmsError ?? '' }));
      void load();
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!d) return <div className="opp-panel">{error ? <FormMessage>{error}</FormMessage> : <p className="muted">{t('common.loading')}</p>}</div>;
  const stageLabel = (code: string | null) => {
    const s = STAGES.find((x) => x.code === code);
    return s ? `${locale === 'en' ? s.en : s.zh} ${s.probability}%` : (code ?? '');
  };
  const isOpen = d.status === 'open';
  const dms = d.delivery;

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

      <Dl
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

      {dms && (
        <section className="opp-section" data-testid="opp-delivery">
          <h3>{t('opp.delivery')}</h3>
          <Dl
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
          <Button size="small" busy={busy} onClick={() => void retry()} data-testid="opp-dms-retry">
            {t('opp.dms.retry')}
          </Button>
        </section>
      )}

      <section className="opp-section">
        <h3>{t('opp.nextActivity')}</h3>
        {d.activities.next ? (
          <p data-testid="opp-next">
            {when(d.activities.next.plannedAt)} · {dictLabel(activityTypes, d.activities.next.type, locale)} · {d.activities.next.subject}
          </p>
        ) : (
          <p className="muted">{isOpen ? t('opp.nextActivity.none') : '—'}</p>
        )}
        <p className="muted small">{t('opp.activities.counts', { planned: d.activities.planned, done: d.activities.done, overdue: d.activities.overdue })}</p>
      </section>

      <section className="opp-section">
        <h3>{t('opp.history')}</h3>
        <Table<StageHistoryEntry>
          aria-label={t('opp.history')}
          rowKey={(r) => r.id}
          rows={d.history}
          columns={[
            { key: 'at', header: t('opp.history.at'), render: (r) => when(r.at), nowrap: true },
            { key: 'from', header: t('opp.history.from'), render: (r) => (r.fromStage ? stageLabel(r.fromStage) : '—') },
            { key: 'to', header: t('opp.history.to'), render: (r) => stageLabel(r.toStage) },
            { key: 'user', header: t('opp.history.user'), render: (r) => r.userName ?? '' },
            { key: 'reason', header: t('opp.history.reason'), render: (r) => r.reason ?? '' },
          ]}
        />
      </section>

      <section className="opp-section">
        <h3>
          {t('opp.intents')}{' '}
          <Button size="small" onClick={() => setOpen({ kind: 'intent' })}>
            {t('opp.intent.new')}
          </Button>
        </h3>
        <Table<PurchaseIntent>
          aria-label={t('opp.intents')}
          rowKey={(r) => r.id}
          rows={d.intents}
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
                <button type="button" className="link" onClick={() => setOpen({ kind: 'intent', intent: r })}>
                  {t('opp.edit')}
                </button>
              ),
            },
          ]}
        />
      </section>

      <section className="opp-section">
        <h3>{t('opp.activities.recent')}</h3>
        <Table<ActivityBrief>
          aria-label={t('opp.activities.recent')}
          rowKey={(r) => r.id}
          rows={d.activities.recent}
          columns={[
            { key: 'when', header: t('opp.history.at'), render: (r) => when(r.doneAt ?? r.plannedAt), nowrap: true },
            { key: 'type', header: t('opp.nextActivity.type'), render: (r) => dictLabel(activityTypes, r.type, locale) },
            { key: 'status', header: t('opp.f.status'), render: (r) => t(`opp.activity.${r.status}`) },
            { key: 'subject', header: t('opp.nextActivity.subject'), render: (r) => r.subject ?? '' },
            { key: 'result', header: t('opp.activity.result'), render: (r) => r.result ?? '' },
          ]}
        />
      </section>

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
