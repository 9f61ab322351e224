import { sql } from 'drizzle-orm';
import { customers, revisitAnswers, revisits } from '../../../../db/schema';
import type { RevisitContext, RevisitHistoryRow, RevisitKind, RevisitResult, RevisitSaveInput } from '../../../common/api/revisits';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AuditedWriter } from '../admin';
import { AppError } from '../../errors';
import { todayIn } from '../../../common/dates';
import { Dictionaries, primaryPhoneExpr } from '../customers';
import { SalesProblems } from '../sales';
import { createTasks } from './tasks';
import { isLowScore, lowScoreDueDate } from './low-score';
import { RevisitTemplates, revisitScore } from './revisit-templates';
import { formatPhone } from '../../../common/phone';

type SaveInput = Required<Pick<RevisitSaveInput, 'kind' | 'eventId' | 'outcome'>> & {
  templateId?: number | null;
  answers: { questionId: number; optionIndex: number }[];
  result?: RevisitResult | null;
  reasons: string[];
  needsRevisitAgain: boolean;
  notes?: string | null;
  dnd?: { call: boolean; sms: boolean; revisit: boolean };
};

interface Event {
  id: number;
  customerId: number;
  vehicleId: number | null;
  date: string;
  items: string | null;
  roNumber: string | null;
}

/**
 * 回访: the form (customer, vehicle, repair items, templates, history) and its save. One save is one
 * transaction: the revisit, its answers, the customer's DND flags and a low-score follow-up.
 * Record-level rule: only customers within the user's widest scope (NOT_FOUND otherwise).
 */
export class RevisitService {
  readonly templates: RevisitTemplates;
  private writer: AuditedWriter;
  private dict: Dictionaries;

  constructor(private core: Pick<Core, 'clock' | 'db' | 'settings' | 'sqlite' | 'visibility'>) {
    this.templates = new RevisitTemplates(core);
    this.writer = new AuditedWriter(core.db, core.clock);
    this.dict = new Dictionaries(core.sqlite);
  }

  private event(s: SessionCtx, kind: RevisitKind, eventId: number): Event {
    const vis = this.core.visibility.visibleCustomers(s, 'c');
    const e =
      kind === 'sales'
        ? this.core.db.get<Event>(sql`SELECT d.id, d.customer_id AS customerId, d.vehicle_id AS vehicleId, d.delivery_date AS date, NULL AS items, NULL AS roNumber
            FROM deliveries d JOIN customers c ON c.id = d.customer_id WHERE d.id = ${eventId} AND ${vis}`)
        : this.core.db.get<Event>(sql`SELECT v.id, v.customer_id AS customerId, v.vehicle_id AS vehicleId, v.date, v.items, v.ro_number AS roNumber
            FROM service_visits v JOIN customers c ON c.id = v.customer_id WHERE v.id = ${eventId} AND ${vis}`);
    if (!e) throw new AppError('NOT_FOUND');
    return e;
  }

  open(s: SessionCtx, kind: RevisitKind, eventId: number): RevisitContext {
    const e = this.event(s, kind, eventId);
    const c = this.core.db.get<{ id: number; name: string; phone: string | null; dndCall: number; dndSms: number; dndRevisit: number }>(sql`
      SELECT c.id, c.name, ${sql.raw(primaryPhoneExpr('c.id'))} AS phone,
             c.dnd_call AS dndCall, c.dnd_sms AS dndSms, c.dnd_revisit AS dndRevisit
      FROM customers c WHERE c.id = ${e.customerId}`)!;
    const vehicle = e.vehicleId
      ? (this.core.db.get<{ id: number; plate: string | null; model: string; vin: string }>(sql`SELECT id, plate, model, vin FROM vehicles WHERE id = ${e.vehicleId}`) ?? null)
      : null;
    return {
      kind,
      eventId,
      customer: { id: c.id, name: c.name, phone: formatPhone(c.phone), dndCall: c.dndCall === 1, dndSms: c.dndSms === 1, dndRevisit: c.dndRevisit === 1 },
      vehicle,
      date: e.date,
      items: e.items,
      roNumber: e.roNumber,
      templates: this.templates.list(kind),
      history: this.history(e.customerId),
    };
  }

  history(customerId: number): RevisitHistoryRow[] {
    const rows = this.core.db.all<{ id: number; kind: RevisitKind; status: RevisitHistoryRow['status']; result: RevisitResult | null; score: number | null; again: number; reasons: string | null; notes: string | null; agentName: string | null; at: number }>(sql`
      SELECT r.id, r.kind, r.status, r.result, r.score, r.needs_revisit_again AS again, r.dissatisfaction_reasons AS reasons, r.notes,
             u.display_name AS agentName, COALESCE(r.done_at, r.updated_at) AS at
      FROM revisits r LEFT JOIN users u ON u.id = r.agent_id WHERE r.customer_id = ${customerId} ORDER BY r.id DESC LIMIT 50`);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      result: r.result,
      score: r.score,
      needsRevisitAgain: r.again === 1,
      reasons: r.reasons ? (JSON.parse(r.reasons) as string[]) : [],
      notes: r.notes,
      agentName: r.agentName,
      at: r.at,
      answers: this.core.db.all<{ question: string; answer: string | null; score: number | null }>(sql`
        SELECT q.text AS question, json_extract(q.options, '$[' || a.option_index || '].label') AS answer, a.score
        FROM revisit_answers a JOIN revisit_questions q ON q.id = a.question_id WHERE a.revisit_id = ${r.id} ORDER BY q.sort`),
    }));
  }

  save(s: SessionCtx, input: SaveInput): { revisitId: number; score: number | null; lowScoreTaskId: number | null; needsRevisitAgain: boolean } {
    const e = this.event(s, input.kind, input.eventId);
    const p = new SalesProblems(s.user.locale);
    const done = input.outcome === 'done';
    let score: number | null = null;
    const answerRows: { questionId: number; optionIndex: number; score: number }[] = [];
    if (done) {
      const tpl = input.templateId ? this.templates.get(input.templateId) : null;
      if (!tpl) p.add('templateId', 'required');
      else if (tpl.kind !== input.kind) p.add('templateId', 'revisit.template.kind');
      else {
        const given = new Map(input.answers.map((a) => [a.questionId, a.optionIndex]));
        for (const q of tpl.questions) {
          const i = given.get(q.id);
          if (i == null) {
            if (q.required) p.add(`q${q.id}`, 'revisit.answer.required', { q: q.text });
            continue;
          }
          if (!q.options[i]) p.add(`q${q.id}`, 'revisit.answer.option');
          else answerRows.push({ questionId: q.id, optionIndex: i, score: q.options[i].score });
        }
        if (input.answers.some((a) => !tpl.questions.some((q) => q.id === a.questionId))) p.add('answers', 'revisit.answer.option');
        score = revisitScore(answerRows.map((a) => ({ options: tpl.questions.find((q) => q.id === a.questionId)!.options, optionIndex: a.optionIndex })));
      }
      if (!input.result) p.add('result', 'revisit.result.required');
      if (input.result === 'dissatisfied' && !input.reasons.length) p.add('reasons', 'revisit.reason.required');
      for (const r of input.reasons) if (!this.dict.accepts('dissatisfaction_reason', r)) p.add('reasons', 'dict.unknown', { code: r });
    }
    p.throwIfAny();

    const now = this.core.clock.now();
    const today = todayIn(this.core.settings.get('dealer.timeZone'), now);
    const result = done ? input.result! : null;
    // "Dissatisfied" always needs another revisit (DS-CRM ticks it and the agent cannot untick it).
    const again = done && (input.needsRevisitAgain || result === 'dissatisfied');
    const threshold = this.core.settings.get('service.lowScoreThreshold');
    const eventCol = input.kind === 'sales' ? sql.raw('delivery_id') : sql.raw('service_visit_id');

    return this.core.db.transaction((tx) => {
      const actor = s.user.id;
      // An open or 未接通 revisit of this event is the same revisit, tried again; a done one is history.
      const retry = tx.get<{ id: number; attempts: number }>(sql`
        SELECT id, attempts FROM revisits WHERE customer_id = ${e.customerId} AND kind = ${input.kind} AND ${eventCol} = ${e.id} AND status IN ('open', 'unreachable') ORDER BY id DESC LIMIT 1`);
      const values = {
        status: done ? ('done' as const) : ('unreachable' as const),
        templateId: done ? (input.templateId ?? null) : null,
        agentId: actor,
        result,
        score,
        needsRevisitAgain: again,
        dissatisfactionReasons: done && input.reasons.length ? input.reasons : null,
        notes: input.notes?.trim() || null,
        attempts: (retry?.attempts ?? 0) + (done ? 0 : 1),
        doneAt: done ? now : null,
        updatedAt: now,
      };
      const row = retry
        ? this.writer.update(actor, 'revisit', revisits, retry.id, values, tx)
        : this.writer.insert(
            actor,
            'revisit',
            revisits,
            {
              ...values,
              kind: input.kind,
              customerId: e.customerId,
              vehicleId: e.vehicleId,
              deliveryId: input.kind === 'sales' ? e.id : null,
              serviceVisitId: input.kind === 'repair' ? e.id : null,
              dueDate: today,
              createdAt: now,
            },
            tx,
          );
      for (const a of answerRows) tx.insert(revisitAnswers).values({ revisitId: row.id, questionId: a.questionId, optionIndex: a.optionIndex, score: a.score }).run();

      const cur = tx.get<{ call: number; sms: number; revisit: number }>(sql`SELECT dnd_call AS call, dnd_sms AS sms, dnd_revisit AS revisit FROM customers WHERE id = ${e.customerId}`)!;
      // Only a real change of the flags touches (and audits) the customer.
      if (input.dnd && (Number(input.dnd.call) !== cur.call || Number(input.dnd.sms) !== cur.sms || Number(input.dnd.revisit) !== cur.revisit)) {
        this.writer.update(actor, 'customer', customers, e.customerId, { dndCall: input.dnd.call, dndSms: input.dnd.sms, dndRevisit: input.dnd.revisit, updatedAt: now }, tx);
      }

      let lowScoreTaskId: number | null = null;
      if (done && isLowScore(score, result, threshold)) {
        const dueDate = lowScoreDueDate(today);
        const label = input.kind === 'sales' ? '销售回访' : '维修回访';
        const why = result === 'dissatisfied' ? `${label}不满意` : `${label}低分 ${score}`;
        createTasks(this.core, actor, [{ kind: 'low_score', customerId: e.customerId, vehicleId: e.vehicleId, dueDate, assigneeId: actor, reason: why, refType: 'revisit', refId: row.id }], tx);
        lowScoreTaskId = tx.get<{ id: number }>(sql`SELECT id FROM tasks WHERE kind = 'low_score' AND customer_id = ${e.customerId} AND due_date = ${dueDate} ORDER BY id DESC LIMIT 1`)?.id ?? null;
      }
      return { revisitId: row.id, score, lowScoreTaskId, needsRevisitAgain: again };
    });
  }
}
