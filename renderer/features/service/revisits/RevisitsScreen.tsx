import { useCallback, useEffect, useState } from 'react';
import { REVISIT_TABS, type RevisitKind, type RevisitList, type RevisitListRow, type RevisitTab } from '../../../../electron/common/api/revisits';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, FormMessage, Table, TabStrip, TextField, Toolbar, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth/session';
import { splitErrors } from '../../sales/opportunities/form-bits';
import { LowScorePanel } from './LowScorePanel';
import { RevisitDialog } from './RevisitDialog';
import { TemplateEditor } from './TemplateEditor';
import './revisits.css';

type View = RevisitTab | 'lowScore' | 'templates';

/** 销售回访 / 维修回访: tabs 待回访 / 需再次回访 / 未接通 / 已回访 for a date range (查看), 低分跟进, 回访模板. */
function RevisitsScreen({ kind }: { kind: RevisitKind }) {
  const { t } = useI18n();
  const toast = useToast();
  const nav = useNavigation();
  const session = useSessionInfo();
  const canEditTemplates = session.user.role === 'serviceManager' || session.user.role === 'admin';
  const canMakeTasks = canEditTemplates || session.user.role === 'generalManager';
  const [view, setView] = useState<View>('pending');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [data, setData] = useState<RevisitList | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<RevisitListRow | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const load = useCallback(
    (tab: RevisitTab, f: string, tt: string) => {
      setMessage(null);
      call('revisits.list', { kind, tab, ...(f ? { from: f } : {}), ...(tt ? { to: tt } : {}) }).then(
        (d) => {
          setData(d);
          // The server fills in the default range (the last 3 days): show it in the fields.
          setFrom(d.from);
          setTo(d.to);
        },
        (e) => setMessage(splitErrors(e, []).message),
      );
    },
    [kind],
  );
  const isList = (v: View): v is RevisitTab => (REVISIT_TABS as readonly string[]).includes(v);
  useEffect(() => {
    if (isList(view)) load(view, from, to);
    // Range changes wait for 查看; a tab change reloads with the current range.
  }, [view, load, reloadKey]);

  const tabs = [
    ...REVISIT_TABS.map((id) => ({ id, label: data && isList(view) ? `${t(`rv.tab.${id}`)} (${data.counts[id]})` : t(`rv.tab.${id}`) })),
    { id: 'lowScore', label: t('rv.tab.lowScore') },
    ...(canEditTemplates ? [{ id: 'templates', label: t('rv.tab.templates') }] : []),
  ];

  return (
    <div className="rv-screen" data-testid={`rv-screen-${kind}`}>
      <TabStrip tabs={tabs} activeId={view} onSelect={(id) => setView(id as View)} aria-label={t(kind === 'sales' ? 'rv.title.sales' : 'rv.title.repair')} />
      {isList(view) && (
        <>
          <Toolbar>
            <TextField type="date" label={t(kind === 'sales' ? 'rv.col.deliveryDate' : 'rv.col.repairDate')} value={from} onChange={setFrom} data-testid="rv-from" />
            <TextField type="date" label={t('rv.to')} value={to} onChange={setTo} data-testid="rv-to" />
            <Button variant="primary" onClick={() => load(view, from, to)} data-testid="rv-view">
              {t('rv.view')}
            </Button>
            {canMakeTasks && view === 'pending' && (
              <Button
                onClick={() =>
                  call('revisits.toTasks', { kind, ...(from ? { from } : {}), ...(to ? { to } : {}) }).then(
                    (r) => toast.show(t('rv.tasks.done', { created: r.created, existing: r.existing })),
                    (e) => setMessage(splitErrors(e, []).message),
                  )
                }
                data-testid="rv-to-tasks"
              >
                {t('rv.tasks')}
              </Button>
            )}
            {data && data.excludedDnd > 0 && (
              <span className="rv-muted" data-testid="rv-dnd-excluded">
                {t('rv.dndExcluded', { n: data.excludedDnd })}
              </span>
            )}
          </Toolbar>
          <FormMessage>{message}</FormMessage>
          <Table
            aria-label={t(`rv.tab.${view}`)}
            rows={data?.rows ?? []}
            rowKey={(r) => r.eventId}
            empty={t('rv.empty')}
            columns={[
              {
                key: 'customer',
                header: t('rv.col.customer'),
                render: (r) => (
                  <button type="button" className="rv-link" onClick={() => nav.openCustomer(r.customerId, r.customerName)}>
                    {r.customerName}
                  </button>
                ),
              },
              { key: 'phone', header: t('rv.col.phone'), render: (r) => r.phone ?? '', nowrap: true },
              { key: 'vehicle', header: t('rv.col.vehicle'), render: (r) => [r.plate, r.model].filter(Boolean).join(' ') },
              { key: 'date', header: t(kind === 'sales' ? 'rv.col.deliveryDate' : 'rv.col.repairDate'), render: (r) => r.date, nowrap: true },
              ...(kind === 'repair' ? [{ key: 'items', header: t('rv.col.items'), render: (r: RevisitListRow) => [r.roNumber, r.items].filter(Boolean).join(' · ') }] : []),
              { key: 'attempts', header: t('rv.col.attempts'), render: (r) => (r.attempts ? String(r.attempts) : ''), align: 'right' },
              { key: 'result', header: t('rv.result'), render: (r) => (r.result ? `${t(`rv.result.${r.result}`)}${r.score != null ? ` ${r.score}` : ''}` : '') },
              {
                key: 'act',
                header: '',
                render: (r) => (
                  <Button onClick={() => setOpen(r)} data-testid={`rv-open-${r.eventId}`}>
                    {view === 'done' ? t('rv.again') : t('rv.do')}
                  </Button>
                ),
              },
            ]}
          />
        </>
      )}
      {view === 'lowScore' && <LowScorePanel reloadKey={reloadKey} />}
      {view === 'templates' && canEditTemplates && <TemplateEditor kind={kind} />}
      {open && (
        <RevisitDialog
          kind={kind}
          eventId={open.eventId}
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
