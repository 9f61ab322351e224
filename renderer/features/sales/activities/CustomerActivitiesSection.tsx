import { useCallback, useEffect, useState } from 'react';
import type { ActivityView } from '../../../../electron/common/api/activities';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage } from '../../../ui';
import { useSessionInfo } from '../../auth';
import { ActivityDetailDialog, REVIEWER_ROLES } from './ActivityDetail';
import { PlanDialog } from './ActivityDialogs';
import { statusLabel, typeLabel } from './format';
import { fmtDateTime } from '../../../../electron/common/dates';
import { errorText } from '../../../ui/errors';

/**
 * 跟踪计划 of one customer, for the customer card: planned first, each with its 领导批阅 count; a
 * click opens the activity (complete, cancel, comments). One line to place it in a card:
 * `<CustomerActivitiesSection customerId={card.id} />`.
 */
export function CustomerActivitiesSection({ customerId }: { customerId: number }) {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const [items, setItems] = useState<ActivityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [planning, setPlanning] = useState(false);
  const load = useCallback(() => {
    call('activities.list', { customerId }).then(setItems, (e: unknown) => setError(errorText(e)));
  }, [customerId]);
  useEffect(load, [load]);

  return (
    <section className="card-section card-wide" data-testid="customer-activities">
      <h3>
        {t('act.tab.plans')}{' '}
        <Button size="small" onClick={() => setPlanning(true)}>
          {t('act.plan')}
        </Button>
      </h3>
      <FormMessage>{error}</FormMessage>
      {items && items.length === 0 && <p className="muted">{t('act.none')}</p>}
      {items && items.length > 0 && (
        <table className="table card-table">
          <thead>
            <tr>
              <th>{t('act.f.plannedAt')}</th>
              <th>{t('act.f.type')}</th>
              <th>{t('act.f.status')}</th>
              <th>{t('act.f.subject')}</th>
              <th>{t('act.f.result')}</th>
              <th>{t('act.comments')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} onDoubleClick={() => setOpen(a.id)}>
                <td>
                  <button type="button" className="link" onClick={() => setOpen(a.id)}>
                    {fmtDateTime(a.plannedAt ?? a.doneAt)}
                  </button>
                </td>
                <td>{typeLabel(a.type, locale)}</td>
                <td>{a.overdue ? <span className="field-error">{t('act.overdueMark')}</span> : statusLabel(a.status, locale)}</td>
                <td>{a.subject}</td>
                <td>{a.result}</td>
                <td>{a.commentCount > 0 && <span className="badge">{a.commentCount}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && (
        <ActivityDetailDialog activityId={open} customerId={customerId} canComment={REVIEWER_ROLES.includes(session.user.role)} onClose={() => setOpen(null)} onChanged={load} />
      )}
      {planning && (
        <PlanDialog
          customerId={customerId}
          onClose={() => setPlanning(false)}
          onDone={() => {
            setPlanning(false);
            load();
          }}
        />
      )}
    </section>
  );
}
