import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SERVICE_VISIT_ROLES } from '../../../../electron/common/api/service-visits';
import type { AgentLoad, Workbench, WorkbenchAppointment, WorkbenchRow } from '../../../../electron/common/api/workbench';
import { WORKBENCH_MANAGER_ROLES } from '../../../../electron/common/api/workbench';
import { SERVICE_TASK_KINDS } from '../../../../electron/common/service-tasks';
import { addDays } from '../../../../electron/common/dates';
import { call, onEvent } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { useNavigation } from '../../../shell/navigation';
import { Button, Dialog, FormMessage, SelectField, Table, Toolbar, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth/session';
import { SolicitationOutcomeDialog } from '../solicitation/SolicitationOutcomeDialog';
import { ImportPanel } from '../surveys/ImportPanel';
import { VisitDialog } from '../surveys/VisitDialog';
import { RevisitDialog } from '../revisits/RevisitDialog';
import type { RevisitKind } from '../../../../electron/common/api/revisits';
import { OutcomeDialog } from './OutcomeDialog';
import '../complaints/complaints.css';
import '../solicitation/solicitation.css';
import '../surveys/surveys.css';
import { SmsButton } from '../../sms/SmsButton';
import { requestDial } from '../../telephony/dial';
import { phoneDigits } from '../../../../electron/common/phone';
import { CALL_ENDED_EVENT, useSoftphone, type CallEnded } from '../../telephony/SoftphoneProvider';
import { errorText } from '../../../ui/errors';

/**
 * 客服工作台: the agent's tasks due today and overdue (the dealer's day), by kind, with call / SMS
 * buttons (disabled for 免打扰 customers, and 拨打 while the softphone is not registered) and the
 * outcome form. A call started here carries its task; when it ends the row's form opens, filled in
 * from the call. A manager also sees every agent's load and moves tasks between agents.
 */
/** The agent picker's entry for the tasks nobody has yet (managers hand them out from there). */
const UNASSIGNED = 'unassigned';

/** A shown number ('138 0013 8000', '0755-8888 1234') as dialled and compared: its digits. */
const digits = (s: string | null) => phoneDigits(s ?? '') ?? '';

/** A revisit task's revisit (销售回访: its delivery; 维修回访: its service visit), for the revisit form. */
function revisitOf(r: WorkbenchRow): { kind: RevisitKind; eventId: number } | null {
  if (r.source !== 'task' || r.refId == null) return null;
  if (r.kind === 'revisit_sales' && r.refType === 'delivery') return { kind: 'sales', eventId: r.refId };
  if (r.kind === 'revisit_repair' && r.refType === 'service_visit') return { kind: 'repair', eventId: r.refId };
  return null;
}

export function WorkbenchScreen() {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const toast = useToast();
  const { openCustomer } = useNavigation();
  const manager = WORKBENCH_MANAGER_ROLES.includes(session.user.role);
  const [agentId, setAgentId] = useState(String(session.user.id));
  const [wb, setWb] = useState<Workbench | null>(null);
  const [load, setLoad] = useState<AgentLoad[]>([]);
  const [agents, setAgents] = useState<{ id: number; name: string }[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState('');
  const [outcomeOf, setOutcomeOf] = useState<WorkbenchRow | null>(null);
  // The call that ended for the row whose form is open (prefills it); null when opened by hand.
  const [endedCall, setEndedCall] = useState<CallEnded | null>(null);
  // The row whose 拨打 was pressed last: its call's end opens its form.
  const calling = useRef<WorkbenchRow | null>(null);
  // An answered call from a revisit task opens the revisit form (questions, result) for it.
  const [revisitFor, setRevisitFor] = useState<WorkbenchRow | null>(null);
  const softphone = useSoftphone();
  const registered = softphone?.status.kind === 'registered';
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const recordsVisits = SERVICE_VISIT_ROLES.includes(session.user.role);
  const [error, setError] = useState<string | null>(null);

  const kindLabel = useCallback(
    (k: string) => {
      if (k === 'solicitation') return t('cw.kind.solicitation');
      const d = SERVICE_TASK_KINDS.find((x) => x.code === k);
      return d ? (locale === 'en' ? d.en : d.zh) : k;
    },
    [t, locale],
  );

  const reload = useCallback(() => {
    setError(null);
    call('workbench.list', manager ? (agentId === UNASSIGNED ? { unassigned: true } : { agentId: Number(agentId) }) : {}).then(setWb, (e: unknown) => setError(errorText(e)));
    if (manager) call('workbench.load', {}).then((r) => setLoad(r.rows), () => setLoad([]));
    setSelected(new Set());
  }, [agentId, manager]);
  useEffect(reload, [reload]);
  // A manager handed me tasks (or moved some away) on another seat: show them now, not at my next click.
  useEffect(() => onEvent('tasks.reassigned', reload), [reload]);

  useEffect(() => {
    const onEnded = (e: Event) => {
      const d = (e as CustomEvent<CallEnded>).detail;
      const row = calling.current;
      if (!row || d.direction !== 'outbound') return;
      // Task rows are matched by the task the call carries; 招揽任务 (their own table, no task link)
      // by the number dialled.
      const mine = row.source === 'task' ? d.taskId === row.id : d.taskId === null && digits(d.number) === digits(row.phone);
      if (!mine) return;
      e.preventDefault();
      calling.current = null;
      if (d.answered && revisitOf(row)) return setRevisitFor(row);
      setEndedCall(d);
      setOutcomeOf(row);
    };
    window.addEventListener(CALL_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(CALL_ENDED_EVENT, onEnded);
  }, []);

  const dial = useCallback((r: WorkbenchRow) => {
    calling.current = r;
    requestDial({ number: digits(r.phone), ...(r.source === 'task' ? { taskId: r.id } : {}) });
  }, []);
  // The revisit saved: its task is done (or, not reached, tried again tomorrow) with the form's message.
  const revisitSaved = async (row: WorkbenchRow, msg: string) => {
    setRevisitFor(null);
    const tomorrow = wb ? addDays(wb.today, 1) : undefined;
    const unreachable = msg === t('rv.saved.unreachable');
    try {
      // On a task someone changed meanwhile this is refused (STALE_RECORD): the revisit stays saved,
      // the message says why the task did not close, and the reload below shows the task as it is.
      await call('workbench.outcome', { taskId: row.id, expectedVersion: row.version ?? 1, outcome: unreachable ? 'reschedule' : 'done', note: msg, ...(unreachable ? { dueDate: tomorrow } : {}) });
      toast.success(msg);
    } catch (e) {
      setError(errorText(e));
    }
    reload();
  };
  const closeOutcome = () => {
    setOutcomeOf(null);
    setEndedCall(null);
  };
  useEffect(() => {
    if (manager) call('workbench.agents', {}).then(setAgents, () => setAgents([]));
  }, [manager]);

  const reassign = async (input: { taskIds: number[] } | { fromAgentId: number }) => {
    if (!target) return setError(t('cw.reassign.pickTarget'));
    try {
      const r = await call('workbench.reassign', { ...input, toAgentId: Number(target) });
      toast.success(t('cw.reassign.done', { n: r.moved }));
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const columns = useMemo(
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
      { key: 'kind', header: t('cw.kind'), render: (r: WorkbenchRow) => kindLabel(r.kind) },
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
          <Button size="small" onClick={() => setOutcomeOf(r)} data-testid={r.source === 'task' ? 'task-outcome' : 'solicitation-outcome'}>
            {t('cw.outcome')}
          </Button>,
      },
    ],
    [manager, selected, t, kindLabel, openCustomer, registered, dial],
  );

  const agentName = (id: number | null) => (id === null ? t('cw.unassigned') : (agents.find((a) => a.id === id)?.name ?? String(id)));
  return (
    <div className="screen" data-testid="workbench-screen">
      <Toolbar title={t('nav.service.workbench')} info={wb ? t('cw.counts', { today: wb.today, n: wb.counts.today, overdue: wb.counts.overdue }) : undefined}>
        {manager && (
          <SelectField label={t('cw.agent')} value={agentId} onChange={setAgentId} options={[
              { value: String(session.user.id), label: session.user.displayName },
              ...agents.filter((a) => a.id !== session.user.id).map((a) => ({ value: String(a.id), label: a.name })),
              { value: UNASSIGNED, label: t('cw.unassigned') },
            ]} data-testid="workbench-agent" />
        )}
        {recordsVisits && (
          <>
            <Button onClick={() => setRecording(true)} data-testid="visit-record">
              {t('care.visit.record')}
            </Button>
            <Button onClick={() => setImporting(true)} data-testid="visit-import">
              {t('care.visit.import')}
            </Button>
          </>
        )}
        <Button onClick={reload}>{t('cw.refresh')}</Button>
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      {(session.user.role === 'serviceAdvisor' || (wb?.appointments.length ?? 0) > 0) && (
        <section className="care-section" data-testid="workbench-appointments">
          <h4>{t('care.appointments.today', { n: wb?.appointments.length ?? 0 })}</h4>
          <Table
            aria-label={t('care.appointments.title')}
            columns={[
              { key: 'slot', header: t('care.appointments.slot'), nowrap: true, render: (a: WorkbenchAppointment) => a.slot },
              {
                key: 'customer',
                header: t('cw.customer'),
                render: (a: WorkbenchAppointment) => (
                  <button type="button" className="link" onClick={() => openCustomer(a.customerId, a.customerName)}>
                    {a.customerName}
                  </button>
                ),
              },
              { key: 'phone', header: t('care.appointments.phone'), nowrap: true, render: (a: WorkbenchAppointment) => a.phone ?? '' },
              { key: 'plate', header: t('cw.vehicle'), render: (a: WorkbenchAppointment) => a.plate ?? '' },
              { key: 'status', header: t('cw.status'), render: (a: WorkbenchAppointment) => t(`care.appointments.status.${a.status}`) },
              { key: 'notes', header: t('cw.note'), render: (a: WorkbenchAppointment) => a.notes ?? '' },
            ]}
            rows={wb?.appointments ?? []}
            rowKey={(a) => String(a.id)}
            empty={t('care.appointments.none')}
          />
        </section>
      )}
      <div data-testid="workbench-rows">
        <Table aria-label={t('nav.service.workbench')} columns={columns} rows={wb?.rows ?? []} rowKey={(r) => `${r.source}:${r.id}`} empty={t('cw.empty')} />
        {wb?.more ? (
          <p className="muted" data-testid="workbench-more">
            {t('cw.more', { n: wb.more.toLocaleString() })}
          </p>
        ) : null}
      </div>
      {manager && (
        <section className="cw-load" data-testid="workbench-load">
          <h4>{t('cw.load')}</h4>
          <div className="cw-row">
            <SelectField label={t('cw.reassign.to')} value={target} onChange={setTarget} options={[{ value: '', label: '—' }, ...agents.map((a) => ({ value: String(a.id), label: a.name }))]} data-testid="reassign-target" />
            <Button disabled={selected.size === 0} onClick={() => void reassign({ taskIds: [...selected] })} data-testid="reassign-selected">
              {t('cw.reassign.selected', { n: selected.size })}
            </Button>
          </div>
          <Table
            aria-label={t('cw.load')}
            columns={[
              { key: 'agent', header: t('cw.agent'), render: (r: AgentLoad) => r.agentName ?? agentName(r.agentId) },
              { key: 'kind', header: t('cw.kind'), render: (r: AgentLoad) => kindLabel(r.kind) },
              { key: 'open', header: t('cw.open'), align: 'right', render: (r: AgentLoad) => r.open },
              { key: 'overdue', header: t('cw.overdue'), align: 'right', render: (r: AgentLoad) => r.overdue },
              {
                key: 'all',
                header: '',
                // Once per agent (on their first row): it moves all of that agent's open tasks.
                render: (r: AgentLoad) =>
                  r.agentId !== null && load.find((x) => x.agentId === r.agentId) === r ? (
                    <Button size="small" onClick={() => void reassign({ fromAgentId: r.agentId! })} data-testid={`reassign-all-${r.agentId}`}>
                      {t('cw.reassign.all')}
                    </Button>
                  ) : null,
              },
            ]}
            rows={load}
            rowKey={(r) => `${r.agentId ?? 0}:${r.kind}`}
          />
        </section>
      )}
      {outcomeOf?.source === 'solicitation' && (
        <SolicitationOutcomeDialog
          task={outcomeOf}
          onClose={closeOutcome}
          onDone={() => {
            closeOutcome();
            reload();
          }}
        />
      )}
      {recording && <VisitDialog today={wb?.today ?? ''} onClose={() => setRecording(false)} onSaved={reload} />}
      {importing && (
        <Dialog title={t('care.visit.import')} onClose={() => setImporting(false)} actions={<Button onClick={() => setImporting(false)}>{t('care.close')}</Button>}>
          <ImportPanel method="serviceVisits.import" hint={t('care.visit.importHint')} onImported={reload} testId="ro-import" />
        </Dialog>
      )}
      {revisitFor && revisitOf(revisitFor) && (
        <RevisitDialog {...revisitOf(revisitFor)!} onClose={() => setRevisitFor(null)} onDone={(msg) => void revisitSaved(revisitFor, msg)} />
      )}
      {outcomeOf?.source === 'task' && (
        <OutcomeDialog
          row={outcomeOf}
          today={wb?.today ?? ''}
          fromCall={endedCall}
          onClose={closeOutcome}
          onSaved={() => {
            closeOutcome();
            reload();
          }}
        />
      )}
    </div>
  );
}
