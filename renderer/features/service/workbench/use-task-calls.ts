import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevisitKind } from '../../../../electron/common/api/revisits';
import type { WorkbenchRow } from '../../../../electron/common/api/workbench';
import { phoneDigits } from '../../../../electron/common/phone';
import { addDays } from '../../../../electron/common/dates';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { CALL_ENDED_EVENT, type CallEnded, requestDial } from '../../telephony';

/** A shown number ('138 0013 8000', '0755-8888 1234') as dialled and compared: its digits. */
const digits = (s: string | null) => phoneDigits(s ?? '') ?? '';

/** A revisit task's revisit (销售回访: its delivery; 维修回访: its service visit), for the revisit form. */
export function revisitOf(r: WorkbenchRow): { kind: RevisitKind; eventId: number } | null {
  if (r.source !== 'task' || r.refId == null) return null;
  if (r.kind === 'revisit_sales' && r.refType === 'delivery') return { kind: 'sales', eventId: r.refId };
  if (r.kind === 'revisit_repair' && r.refType === 'service_visit') return { kind: 'repair', eventId: r.refId };
  return null;
}

/**
 * Calls started from the workbench and the form each one's end opens: 拨打 dials a row's number with
 * its task; when that call ends, an answered revisit task opens the revisit form, any other row its
 * outcome form filled in from the call (`endedCall`). The generic 通话结果 form stays closed for them.
 * The outcome form can also be opened by hand (`setOutcomeOf`, no call).
 */
export function useTaskCalls() {
  const [outcomeOf, setOutcomeOf] = useState<WorkbenchRow | null>(null);
  // The call that ended for the row whose form is open (prefills it); null when opened by hand.
  const [endedCall, setEndedCall] = useState<CallEnded | null>(null);
  // An answered call from a revisit task opens the revisit form (questions, result) for it.
  const [revisitFor, setRevisitFor] = useState<WorkbenchRow | null>(null);
  // The row whose 拨打 was pressed last: its call's end opens its form.
  const calling = useRef<WorkbenchRow | null>(null);

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

  // `number`: another of the customer's phones than the row's (作业模式 lets the agent pick one).
  const dial = useCallback((r: WorkbenchRow, number?: string) => {
    calling.current = number ? { ...r, phone: number } : r;
    requestDial({ number: digits(number ?? r.phone), customerId: r.customerId, ...(r.source === 'task' ? { taskId: r.id } : {}) });
  }, []);
  const closeOutcome = useCallback(() => {
    setOutcomeOf(null);
    setEndedCall(null);
  }, []);

  return { dial, outcomeOf, setOutcomeOf, endedCall, closeOutcome, revisitFor, setRevisitFor };
}

/**
 * The revisit form of a revisit task saved: the task is done — or, the customer not reached, tried
 * again tomorrow — with the form's message as its note. Rejects when the task could not be closed
 * (STALE_RECORD: someone changed it meanwhile; the revisit itself stays saved).
 */
export function useRevisitOutcome() {
  const { t } = useI18n();
  return useCallback(
    async (row: WorkbenchRow, msg: string, today: string | undefined) => {
      const unreachable = msg === t('rv.saved.unreachable');
      const tomorrow = today ? addDays(today, 1) : undefined;
      await call('workbench.outcome', { taskId: row.id, expectedVersion: row.version ?? 1, outcome: unreachable ? 'reschedule' : 'done', note: msg, ...(unreachable ? { dueDate: tomorrow } : {}) });
    },
    [t],
  );
}
