import { useCallback, useEffect, useState } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { REVISIT_DATASETS, REVISIT_TABS, revisitPreset, type RevisitKind, type RevisitList, type RevisitTab } from '../../../../electron/common/api/revisits';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation, useRecordRequest } from '../../../shell/navigation';
import { Button, TabStrip, TextField, useToast } from '../../../ui';
import { rowFacts } from '../reminders/rowFacts';
import { RangeList, RangeListSms } from '../range-list/RangeList';
import { useRangeList } from '../range-list/use-range-list';
import { useSessionInfo } from '../../auth';
import { LowScorePanel } from './LowScorePanel';
import { RevisitDialog } from './RevisitDialog';
import { TemplateEditor } from './TemplateEditor';
import './revisits.css';
import { problemsText } from '../../../ui/errors';

type View = RevisitTab | 'lowScore' | 'templates';

/**
 * 销售回访 / 维修回访: tabs 待回访 / 需再次回访 / 未接通 / 已回访 for a date range (查看), each the
 * shared DataGrid on the server's rule for that tab (DND customers left out of the tabs still to
 * work, and counted); 低分跟进, 回访模板. A double click (or 回访) opens the revisit form.
 */
function RevisitsScreen({ kind }: { kind: RevisitKind }) {
  const { t } = useI18n();
  const toast = useToast();
  const nav = useNavigation();
  const session = useSessionInfo();
  const list = useRangeList();
  const { scope: current, ready, ask, selection, single, setMessage, grid } = list;
  const canEditTemplates = session.user.role === 'serviceManager' || session.user.role === 'admin';
  const canMakeTasks = canEditTemplates || session.user.role === 'generalManager';
  const [view, setView] = useState<View>('pending');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState<{ from: string; to: string } | null>(null);
  const [data, setData] = useState<RevisitList | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  // A record another screen opened (审核自查): a revisit's form, or a low-score follow-up's close form.
  const [askedTask, setAskedTask] = useState<number | null>(null);
  useRecordRequest(kind === 'sales' ? 'service.salesRevisits' : 'service.repairRevisits', (r) => {
    if (r.kind !== 'row') return;
    if (r.dataset === 'serviceTasks') {
      setView('lowScore');
      setAskedTask(r.id);
    } else setOpen(r.id);
  });

  // The tab counts and the DND left out; the server fills in the default range (the last 3 days).
  const load = useCallback(
    (tab: RevisitTab, f: string, tt: string, sc: Scope) =>
      ask(
        () => call('revisits.list', { kind, tab, scope: sc, ...(f ? { from: f } : {}), ...(tt ? { to: tt } : {}) }),
        (d) => {
          setData(d);
          setFrom(d.from);
          setTo(d.to);
          setApplied({ from: d.from, to: d.to });
        },
      ),
    [kind, ask],
  );
  const isList = (v: View): v is RevisitTab => (REVISIT_TABS as readonly string[]).includes(v);
  useEffect(() => {
    if (ready && isList(view)) load(view, from, to, current);
    // Range changes wait for 查看; a tab or scope change reloads with the current range.
  }, [view, load, reloadKey, current, ready]);

  const tabs = [
    ...REVISIT_TABS.map((id) => ({ id, label: data && isList(view) ? `${t(`rv.tab.${id}`)} (${data.counts[id]})` : t(`rv.tab.${id}`) })),
    { id: 'lowScore', label: t('rv.tab.lowScore') },
    ...(canEditTemplates ? [{ id: 'templates', label: t('rv.tab.templates') }] : []),
  ];
  const preset = isList(view) && applied ? revisitPreset(view, applied.from, applied.to) : null;
  const dataset = REVISIT_DATASETS[kind];
  const onOpenRow = useCallback((row: Record<string, unknown>) => {
    const id = Number(row.id);
    if (Number.isInteger(id) && id > 0) setOpen(id);
  }, []);
  const openCustomer = async (id: number) => {
    if (!preset) return;
    try {
      const r = await rowFacts(dataset, current, preset, id, ['customerId', 'customerName']);
      if (r) nav.openCustomer(Number(r.customerId), String(r.customerName ?? ''));
    } catch (e) {
      setMessage(problemsText(e));
    }
  };
  const toTasks = () =>
    call('revisits.toTasks', { kind, ...(applied ?? {}), ...(selection.selection ? { selection: selection.selection } : {}) }).then(
      (r) => {
        toast.show(t('rv.tasks.done', { created: r.created, existing: r.existing, skipped: r.skippedOpen }));
        grid.current?.clearSelection();
      },
      (e) => setMessage(problemsText(e)),
    );

  // The list's own actions sit in the grid's toolbar, beside the selection they act on.
  const actions = (
    <>
      <Button size="small" disabled={single === null} onClick={() => single !== null && setOpen(single)} data-testid="rv-open">
        {view === 'done' ? t('rv.again') : t('rv.do')}
      </Button>
      <Button size="small" disabled={single === null} onClick={() => single !== null && void openCustomer(single)} data-testid="rv-open-customer">
        {t('rv.openCustomer')}
      </Button>
      {preset && <RangeListSms list={list} dataset={dataset} preset={preset} />}
      {canMakeTasks && view === 'pending' && (
        <Button size="small" onClick={() => void toTasks()} disabled={!applied || data?.counts.pending === 0} data-testid="rv-to-tasks">
          {selection.count > 0 ? t('rv.tasksSelected', { n: selection.count }) : t('rv.tasks')}
        </Button>
      )}
    </>
  );

  return (
    <div className={`screen rv-screen${isList(view) ? ' screen-fill' : ''}`} data-testid={`rv-screen-${kind}`}>
      <TabStrip tabs={tabs} activeId={view} onSelect={(id) => setView(id as View)} aria-label={t(kind === 'sales' ? 'rv.title.sales' : 'rv.title.repair')} />
      {isList(view) && (
        <RangeList
          list={list}
          range={
            <>
              <TextField type="date" label={t(kind === 'sales' ? 'rv.col.deliveryDate' : 'rv.col.repairDate')} value={from} onChange={setFrom} data-testid="rv-from" />
              <TextField type="date" label={t('rv.to')} value={to} onChange={setTo} data-testid="rv-to" />
            </>
          }
          viewLabel={t('rv.view')}
          viewTestId="rv-view"
          onView={() => load(view, from, to, current)}
          noun="scope.noun.revisits"
          counts={
            data &&
            data.excludedDnd > 0 && (
              <span className="rv-muted" data-testid="rv-dnd-excluded">
                {t('rv.dndExcluded', { n: data.excludedDnd })}
              </span>
            )
          }
          dataset={dataset}
          preset={preset}
          gridKey={`${view}:${current}`}
          onOpenRow={onOpenRow}
          actions={actions}
        />
      )}
      {view === 'lowScore' && <LowScorePanel reloadKey={reloadKey} openTaskId={askedTask} onOpened={() => setAskedTask(null)} />}
      {view === 'templates' && canEditTemplates && <TemplateEditor kind={kind} />}
      {open !== null && (
        <RevisitDialog
          kind={kind}
          eventId={open}
          onClose={() => setOpen(null)}
          onDone={(msg) => {
            setOpen(null);
            toast.show(msg);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </div>
  );
}

export const SalesRevisitsScreen = () => <RevisitsScreen kind="sales" />;
export const RepairRevisitsScreen = () => <RevisitsScreen kind="repair" />;
