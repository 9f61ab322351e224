import { useCallback, useEffect, useState } from 'react';
import type { ActivityView } from '../../../../electron/common/api/activities';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, Dialog, FormMessage, useToast } from '../../../ui';
import { ApplyTemplateDialog, CloseActivityDialog, PlanDialog } from './ActivityDialogs';
import { ActivityComments } from './Comments';
import { stageLabel, statusLabel, typeLabel } from './format';
import { fmtDateTime } from '../../../../electron/common/dates';
import { errorText } from '../../../ui/errors';

export const REVIEWER_ROLES: readonly string[] = ['salesManager', 'generalManager', 'admin'];

/** One activity: its facts, its 领导批阅 comments, and the actions (complete, cancel, plan next, apply a template). */
export function ActivityDetailDialog({ activityId, customerId, canComment, onClose, onChanged }: { activityId: number; customerId: number; canComment: boolean; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { openCustomer } = useNavigation();
  const [a, setA] = useState<ActivityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sub, setSub] = useState<'complete' | 'cancel' | 'plan' | 'template' | null>(null);

  const load = useCallback(() => {
    call('activities.list', { customerId }).then(
      (list) => {
        const hit = list.find((x) => x.id === activityId) ?? null;
        setA(hit);
        if (!hit) setError(t('act.none'));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [activityId, customerId, t]);
  useEffect(load, [load]);

  const changed = () => {
    setSub(null);
    toast.success(t('act.saved'));
    load();
    onChanged();
  };
  const rows: [string, string][] = a
    ? [
        [t('act.f.customer'), a.customerName],
        [t('act.f.stage'), stageLabel(a.stage, locale)],
        [t('act.f.owner'), a.ownerName ?? ''],
        [t('act.f.type'), typeLabel(a.type, locale)],
        [t('act.f.status'), `${statusLabel(a.status, locale)}${a.overdue ? ` · ${t('act.overdueMark')}` : ''}`],
        [t('act.f.plannedAt'), fmtDateTime(a.plannedAt)],
        [t('act.f.doneAt'), fmtDateTime(a.doneAt)],
        [t('act.f.subject'), a.subject ?? ''],
        [t('act.f.result'), a.result ?? ''],
        [t('act.f.nextStep'), a.nextStep ?? ''],
      ]
    : [];

  return (
    <Dialog title={t('act.detail')} onClose={onClose} closeLabel={t('common.close')} width={640}>
      <FormMessage>{error}</FormMessage>
      {a && (
        <>
          <dl className="card-dl" data-testid="activity-detail">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', margin: '8px 0' }}>
            {a.status === 'planned' && (
              <>
                <Button variant="primary" onClick={() => setSub('complete')}>
                  {t('act.complete')}
                </Button>
                <Button onClick={() => setSub('cancel')}>{t('act.cancelActivity')}</Button>
              </>
            )}
            <Button onClick={() => setSub('plan')}>{t('act.plan')}</Button>
            {a.opportunityId !== null && a.opportunityStatus === 'open' && <Button onClick={() => setSub('template')}>{t('act.applyTemplate')}</Button>}
            <Button
              variant="quiet"
              onClick={() => {
                onClose();
                openCustomer(a.customerId, a.customerName);
              }}
            >
              {t('act.openCustomer')}
            </Button>
          </div>
          <ActivityComments activityId={a.id} canComment={canComment} onCommented={onChanged} />
        </>
      )}
      {a && (sub === 'complete' || sub === 'cancel') && <CloseActivityDialog activity={a} mode={sub} onClose={() => setSub(null)} onDone={changed} />}
      {a && sub === 'plan' && <PlanDialog customerId={a.customerId} opportunityId={a.opportunityId} onClose={() => setSub(null)} onDone={changed} />}
      {a && sub === 'template' && (
        <ApplyTemplateDialog
          customerId={a.customerId}
          opportunityId={a.opportunityId}
          onClose={() => setSub(null)}
          onDone={(n) => {
            setSub(null);
            toast.success(t('act.applied', { n }));
            load();
            onChanged();
          }}
        />
      )}
    </Dialog>
  );
}
