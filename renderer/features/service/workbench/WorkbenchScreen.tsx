import { useCallback, useState } from 'react';
import { SERVICE_VISIT_ROLES } from '../../../../electron/common/api/service-visits';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { WORKBENCH_MANAGER_ROLES } from '../../../../electron/common/api/workbench';
import { SERVICE_TASK_KINDS } from '../../../../electron/common/service-tasks';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, FormMessage, Pager, SelectField, Table, Toolbar, useToast } from '../../../ui';
import { useSessionInfo } from '../../auth';
import { SolicitationOutcomeDialog } from '../solicitation/SolicitationOutcomeDialog';
import { ImportPanel } from '../surveys/ImportPanel';
import { VisitDialog } from '../surveys/VisitDialog';
import { RevisitDialog } from '../revisits/RevisitDialog';
import { OutcomeDialog } from './OutcomeDialog';
import '../complaints/complaints.css';
import '../solicitation/solicitation.css';
import '../surveys/surveys.css';
import { useSoftphone } from '../../telephony';
import { errorText } from '../../../ui/errors';
import { AgentLoadSection } from './AgentLoadSection';
import { AppointmentsSection } from './AppointmentsSection';
import { useTaskColumns } from './task-columns';
import { revisitOf, useRevisitOutcome, useTaskCalls } from './use-task-calls';
import { UNASSIGNED, useWorkbench, WORKBENCH_PAGE_SIZE } from './use-workbench';

/**
 * 客服工作台: the agent's tasks due today and overdue (the dealer's day), by kind, with call / SMS
 * buttons (disabled for 免打扰 customers, and 拨打 while the softphone is not registered) and the
 * outcome form. A call started here carries its task; when it ends the row's form opens, filled in
 * from the call. A manager also sees every agent's load and moves tasks between agents.
 * Loading lives in use-workbench.ts, the calls and the forms they open in use-task-calls.ts.
 */
export function WorkbenchScreen() {
  const { t, locale } = useI18n();
  const session = useSessionInfo();
  const toast = useToast();
  const manager = WORKBENCH_MANAGER_ROLES.includes(session.user.role);
  const [agentId, setAgentId] = useState(String(session.user.id));
  const { wb, load, agents, selected, setSelected, error, setError, reload, offset, setOffset } = useWorkbench(manager, agentId);
  const { dial, outcomeOf, setOutcomeOf, endedCall, closeOutcome, revisitFor, setRevisitFor } = useTaskCalls();
  const softphone = useSoftphone();
  const closeRevisitTask = useRevisitOutcome();
  const registered = softphone?.status.kind === 'registered';
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const recordsVisits = SERVICE_VISIT_ROLES.includes(session.user.role);

  const kindLabel = useCallback(
    (k: string) => {
      if (k === 'solicitation') return t('cw.kind.solicitation');
      const d = SERVICE_TASK_KINDS.find((x) => x.code === k);
      return d ? (locale === 'en' ? d.en : d.zh) : k;
    },
    [t, locale],
  );

  // The revisit saved: its task is done (or, not reached, tried again tomorrow) with the form's message.
  const revisitSaved = async (row: WorkbenchRow, msg: string) => {
    setRevisitFor(null);
    try {
      // On a task someone changed meanwhile this is refused (STALE_RECORD): the revisit stays saved,
      // the message says why the task did not close, and the reload below shows the task as it is.
      await closeRevisitTask(row, msg, wb?.today);
      toast.success(msg);
    } catch (e) {
      setError(errorText(e));
    }
    reload();
  };
  const outcomeSaved = () => {
    closeOutcome();
    reload();
  };

  const columns = useTaskColumns({ manager, selected, setSelected, kindLabel, registered, dial, openOutcome: setOutcomeOf });

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
      {(session.user.role === 'serviceAdvisor' || (wb?.appointments.length ?? 0) > 0) && <AppointmentsSection appointments={wb?.appointments ?? []} />}
      <div data-testid="workbench-rows">
        <Table aria-label={t('nav.service.workbench')} columns={columns} rows={wb?.rows ?? []} rowKey={(r) => `${r.source}:${r.id}`} empty={t('cw.empty')} />
        <Pager offset={offset} pageSize={WORKBENCH_PAGE_SIZE} total={wb?.total ?? 0} onOffset={setOffset} data-testid="workbench-pager" />
      </div>
      {manager && <AgentLoadSection load={load} agents={agents} selected={selected} kindLabel={kindLabel} onMoved={reload} onError={setError} />}
      {outcomeOf?.source === 'solicitation' && <SolicitationOutcomeDialog task={outcomeOf} onClose={closeOutcome} onDone={outcomeSaved} />}
      {recording && <VisitDialog today={wb?.today ?? ''} onClose={() => setRecording(false)} onSaved={reload} />}
      {importing && (
        <Dialog title={t('care.visit.import')} onClose={() => setImporting(false)} actions={<Button onClick={() => setImporting(false)}>{t('care.close')}</Button>}>
          <ImportPanel method="serviceVisits.import" hint={t('care.visit.importHint')} onImported={reload} testId="ro-import" />
        </Dialog>
      )}
      {revisitFor && revisitOf(revisitFor) && (
        <RevisitDialog {...revisitOf(revisitFor)!} onClose={() => setRevisitFor(null)} onDone={(msg) => void revisitSaved(revisitFor, msg)} />
      )}
      {outcomeOf?.source === 'task' && <OutcomeDialog row={outcomeOf} today={wb?.today ?? ''} fromCall={endedCall} onClose={closeOutcome} onSaved={outcomeSaved} />}
    </div>
  );
}
