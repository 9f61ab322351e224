import { useCallback, useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { REMINDER_DATASETS, REMINDER_KINDS, reminderPreset, type ReminderKind, type ReminderList, type ReminderRow } from '../../../../electron/common/api/reminders';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, TabStrip, TextField, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth';
import { RangeList, RangeListSms } from '../range-list/RangeList';
import { useRangeList } from '../range-list/use-range-list';
import { ChurnReasonDialog } from './ChurnReasonDialog';
import { rowFacts } from './rowFacts';
import './reminders.css';
import { problemsText } from '../../../ui/errors';

const TASK_ROLES = ['serviceAgent', 'serviceManager', 'generalManager', 'admin'];

/** The "查看" parameters a list was last shown with. */
interface Applied {
  from?: string;
  to?: string;
  kmFrom?: number;
  kmTo?: number;
}

/**
 * 提醒服务: one tab per reminder list, a date range (or, for 专项保养, a km band) and 查看. The server's
 * rule picks the rows for the dealer's today — DND customers left out and counted — and the list is
 * the shared DataGrid on that rule (sort, filters, grouping, columns, export, selection).
 * 生成任务 turns the selected rows, or the whole list, into agents' tasks, once.
 */
export function RemindersScreen() {
  const { t } = useI18n();
  const toast = useToast();
  const nav = useNavigation();
  const session = useSessionInfo();
  const list = useRangeList();
  const { scope: current, ready, ask, selection, single, setMessage, grid } = list;
  const canTask = TASK_ROLES.includes(session.user.role);
  const [kind, setKind] = useState<ReminderKind>('first_service');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kmFrom, setKmFrom] = useState('78000');
  const [kmTo, setKmTo] = useState('82000');
  const [applied, setApplied] = useState<(Applied & { kind: ReminderKind }) | null>(null);
  const [counts, setCounts] = useState<ReminderList | null>(null);
  const [busy, setBusy] = useState(false);
  const [churnRow, setChurnRow] = useState<ReminderRow | null>(null);

  /** 查看: the server checks the range (field messages), fills in the default, counts the DND left out. */
  const view = useCallback(
    (k: ReminderKind, p: Applied, sc: Scope) =>
      ask(
        () => call('reminders.list', { kind: k, ...p, scope: sc, offset: 0, limit: 1 }),
        (d) => {
          setCounts(d);
          setFrom(d.from);
          setTo(d.to);
          setApplied(k === 'mileage_service' ? { kind: k, kmFrom: p.kmFrom, kmTo: p.kmTo } : { kind: k, from: d.from, to: d.to });
        },
      ),
    [ask],
  );

  // A new tab starts from that list's default range; a scope change keeps the range.
  useEffect(() => {
    setApplied(null);
    setCounts(null);
    if (ready) view(kind, kind === 'mileage_service' ? { kmFrom: Number(kmFrom), kmTo: Number(kmTo) } : {}, current);
  }, [kind, current, ready]);

  const onView = () => view(kind, kind === 'mileage_service' ? { kmFrom: Number(kmFrom), kmTo: Number(kmTo) } : { from, to }, current);

  const preset = applied?.kind === kind ? reminderPreset(kind, applied) : null;
  const dataset = REMINDER_DATASETS[kind];

  /** The selected row's customer (and vehicle), read back by its id. */
  const facts = async (id: number): Promise<ReminderRow | null> => {
    if (!preset) return null;
    const r = await rowFacts(dataset, current, preset, id, kind === 'birthday' ? ['customerName'] : ['customerId', 'customerName', 'plate']);
    if (!r) return null;
    const customerId = kind === 'birthday' ? id : Number(r.customerId);
    return { customerId, customerName: String(r.customerName ?? ''), phone: null, vehicleId: kind === 'birthday' ? null : id, plate: (r.plate as string | null) ?? null, model: null, date: null, figure: null, lastServiceDate: null };
  };

  const onOpenRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = Number(row.id);
      if (!Number.isInteger(id) || id <= 0) return;
      void facts(id).then((f) => f && nav.openCustomer(f.customerId, f.customerName), (e) => setMessage(problemsText(e)));
    },
    [preset, dataset, current, kind],
  );

  const toTasks = async () => {
    if (!applied) return;
    setBusy(true);
    setMessage(null);
    try {
      const { kind: _k, ...p } = applied;
      const r = await call('reminders.toTasks', { kind, ...p, scope: current, assigneeId: null, ...(selection.selection ? { selection: selection.selection } : {}) });
      toast.show(t('rem.tasksMade', { created: r.created, existing: r.existing, skipped: r.skippedOpen }));
      grid.current?.clearSelection();
    } catch (e) {
      setMessage(problemsText(e));
    } finally {
      setBusy(false);
    }
  };

  const total = counts?.kind === kind ? counts.total : 0;
  // The list's own actions sit in the grid's toolbar, beside the selection they act on.
  const actions = (
    <>
      {canTask && (
        <Button size="small" busy={busy} onClick={toTasks} disabled={total === 0 || !applied} data-testid="rem-tasks">
          {selection.count > 0 ? t('rem.toTasksSelected', { n: selection.count }) : t('rem.toTasks')}
        </Button>
      )}
      {preset && <RangeListSms list={list} dataset={dataset} preset={preset} />}
      <Button size="small" disabled={single === null} onClick={() => single !== null && onOpenRow({ id: single })} data-testid="rem-open-customer">
        {t('rem.openCustomer')}
      </Button>
      {kind === 'churn' && (
        <Button
          size="small"
          disabled={single === null}
          onClick={() => single !== null && void facts(single).then((f) => f && setChurnRow(f), (e) => setMessage(problemsText(e)))}
          data-testid="rem-churn-record"
        >
          {t('rem.churn.record')}
        </Button>
      )}
    </>
  );

  return (
    <div className="screen screen-fill rem-screen" data-testid="rem-screen">
      <TabStrip tabs={REMINDER_KINDS.map((id) => ({ id, label: t(`rem.kind.${id}`) }))} activeId={kind} onSelect={(id) => setKind(id as ReminderKind)} aria-label={t('nav.service.reminders')} />
      <RangeList
        list={list}
        range={
          kind === 'mileage_service' ? (
            <>
              <TextField type="number" label={t('rem.kmFrom')} value={kmFrom} onChange={setKmFrom} data-testid="rem-km-from" />
              <TextField type="number" label={t('rem.kmTo')} value={kmTo} onChange={setKmTo} data-testid="rem-km-to" />
            </>
          ) : (
            <>
              <TextField type="date" label={t(`rem.date.${kind}`)} value={from} onChange={setFrom} data-testid="rem-from" />
              <TextField type="date" label={t('rem.to')} value={to} onChange={setTo} data-testid="rem-to" />
            </>
          )
        }
        viewLabel={t('rem.view')}
        viewTestId="rem-view"
        onView={onView}
        noun="scope.noun.reminders"
        counts={
          counts?.kind === kind && (
            <>
              <span className="rem-muted" data-testid="rem-total">
                {t('rem.total', { n: total })}
              </span>
              {counts.leftOutDnd > 0 && (
                <span className="rem-muted" data-testid="rem-dnd">
                  {t('rem.dndExcluded', { n: counts.leftOutDnd })}
                </span>
              )}
            </>
          )
        }
        dataset={dataset}
        preset={preset}
        gridKey={`${kind}:${current}`}
        onOpenRow={onOpenRow}
        actions={actions}
      />
      {churnRow && (
        <ChurnReasonDialog
          row={churnRow}
          onClose={() => setChurnRow(null)}
          onDone={() => {
            setChurnRow(null);
            toast.show(t('rem.churn.saved'));
          }}
        />
      )}
    </div>
  );
}
