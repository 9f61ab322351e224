import { useMemo, type Dispatch, type SetStateAction } from 'react';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button } from '../../../ui';
import { SmsButton } from '../../sms';
import { PriorityBadge } from './PriorityBadge';

/**
 * The task table's columns (a manager's tick box first): due date, kind with 优先 / 紧急, customer with 免打扰,
 * phone, vehicle, reason, 拨打 / 短信 and 结果. Apart from the screen because the contact column's
 * rules (why 拨打 is disabled) are the part people change.
 */
export function useTaskColumns(o: {
  manager: boolean;
  selected: Set<number>;
  setSelected: Dispatch<SetStateAction<Set<number>>>;
  kindLabel: (kind: string) => string;
  registered: boolean;
  dial: (r: WorkbenchRow) => void;
  openOutcome: (r: WorkbenchRow) => void;
}) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const { manager, selected, setSelected, kindLabel, registered, dial, openOutcome } = o;
  return useMemo(
    () => [
      ...(manager
        ? [
            {
              key: 'pick',
              header: '',
              render: (r: WorkbenchRow) =>
                r.source === 'task' ? (
                  <input
                    type="checkbox"
                    aria-label={r.customerName}
                    checked={selected.has(r.id)}
                    onChange={(e) => setSelected((s) => {
                      const n = new Set(s);
                      if (e.target.checked) n.add(r.id);
                      else n.delete(r.id);
                      return n;
                    })}
                  />
                ) : null,
            },
          ]
        : []),
      { key: 'due', header: t('cw.due'), nowrap: true, render: (r: WorkbenchRow) => <span className={r.overdue ? 'cw-overdue' : undefined}>{r.dueDate}{r.overdue ? ` · ${t('cw.overdue')}` : ''}</span> },
      {
        key: 'kind',
        header: t('cw.kind'),
        nowrap: true,
        render: (r: WorkbenchRow) => (
          <>
            {kindLabel(r.kind)} <PriorityBadge priority={r.priority} />
          </>
        ),
      },
      {
        key: 'customer',
        header: t('cw.customer'),
        render: (r: WorkbenchRow) => (
          <>
            <button type="button" className="link" onClick={() => openCustomer(r.customerId, r.customerName)}>
              {r.customerName}
            </button>{' '}
            {(r.dnd.call || r.dnd.sms) && <span className="badge cw-dnd" data-testid="dnd-badge">{t('cw.dnd')}</span>}
          </>
        ),
      },
      { key: 'phone', header: t('care.appointments.phone'), nowrap: true, render: (r: WorkbenchRow) => <span className="mono">{r.phone ?? ''}</span> },
      { key: 'plate', header: t('cw.vehicle'), render: (r: WorkbenchRow) => r.plate ?? '' },
      { key: 'reason', header: t('cw.reason'), render: (r: WorkbenchRow) => r.reason ?? '' },
      {
        key: 'contact',
        header: '',
        nowrap: true,
        // 拨打 dials the customer's primary phone with the task; disabled (with the reason) for 免打扰,
        // without a phone, or while the softphone is not registered.
        render: (r: WorkbenchRow) => {
          const why = r.dnd.call ? t('cw.dnd.call') : !r.phone ? t('cw.call.noPhone') : !registered ? t('cw.call.notReady') : null;
          return (
          <>
            <span title={why ?? t('cw.call.title', { number: r.phone ?? '' })}>
              <Button size="small" disabled={why !== null} onClick={() => dial(r)} data-testid="task-call">{t('cw.call')}</Button>
            </span>{' '}
            {r.dnd.sms ? (
              <span title={t('cw.dnd.sms')}>
                <Button size="small" disabled>{t('cw.sms')}</Button>
              </span>
            ) : (
              <SmsButton size="small" audience={{ customerIds: [r.customerId], count: 1 }} />
            )}
          </>
          );
        },
      },
      {
        key: 'outcome',
        header: '',
        render: (r: WorkbenchRow) =>
          <Button size="small" onClick={() => openOutcome(r)} data-testid={r.source === 'task' ? 'task-outcome' : 'solicitation-outcome'}>
            {t('cw.outcome')}
          </Button>,
      },
    ],
    [manager, selected, setSelected, t, kindLabel, openCustomer, registered, dial, openOutcome],
  );
}
