import { sql } from 'drizzle-orm';
import { satisfactionSurveys } from '../../../../db/schema';
import type { SurveyImportReport } from '../../../common/api/surveys';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { yieldingTransaction } from '../../data-folder/long-write';
import { writeAudit } from '../admin';
import { parseLooseDay, todayIn } from '../../../common/dates';
import { isPhoneError, normalizePhone } from '../../../common/phone';
import { cleanPlate } from '../customers';
import { isLowScore, lowScoreDueDate } from './low-score';
import { BadRows, columnsOf, missingColumns, readImport, type ImportUpload } from './ro-import';
import { parseDissatisfied, parseScore, parseSurveyKind, surveyNaturalKey } from './satisfaction-rules';
import { CARE_TEXTS } from './care-texts';
import { CareProblems, type CareMessageKey } from './service-visits-messages';
import { createTasks } from './tasks';

export const SURVEY_COLUMNS = {
  vin: ['vin', '车架号', '车辆识别代号', '底盘号'],
  plate: ['plate', '车牌', '车牌号', '车牌号码'],
  phone: ['phone', '电话', '手机', '手机号', '联系电话'],
  kind: ['type', 'kind', '类型', '调查类型', '问卷类型'],
  date: ['date', '日期', '调查日期', '回访日期'],
  score: ['score', '分数', '得分', '总分'],
  dissatisfied: ['dissatisfied', '不满意', '是否不满意'],
  comment: ['comment', '意见', '客户意见', '备注'],
} as const;

const KIND_LABEL = { csi: 'CSI 销售满意度', ssi: 'SSI 售后满意度' } as const;

/**
 * Imports the manufacturer's CSI / SSI results (.xlsx / .csv, one row per survey). Each row is
 * matched to a vehicle by VIN, else by plate, else to a customer by phone (a phone shared by
 * several customers is refused). A result below service.lowScoreThreshold, or dissatisfied,
 * creates a 低分跟进 task due 3 days after today (createTasks). The same survey again is counted
 * as existing and creates nothing. Bad rows are listed with their row number and reason. The whole
 * file is one transaction, run in slices that let other requests through (yieldingTransaction, as
 * the repair-order import) with progress events to the importing user; a failure in any row leaves
 * nothing of the file.
 */
export async function importSurveys(core: Pick<Core, 'clock' | 'db' | 'events' | 'settings' | 'sqlite'>, actorId: number, locale: Locale, input: ImportUpload & { assigneeId?: number | null }): Promise<SurveyImportReport> {
  const assigneeId = input.assigneeId ?? null;
  if (assigneeId !== null && !core.db.get(sql`SELECT 1 FROM users WHERE id = ${assigneeId} AND active = 1 AND role IN ('serviceAgent', 'serviceManager')`)) {
    new CareProblems(locale).add('assigneeId', 'survey.assignee').throwIfAny();
  }
  const { header, rows } = await readImport(locale, input);
  const col = columnsOf(header, SURVEY_COLUMNS);
  const missing = [
    col.vin < 0 && col.plate < 0 && col.phone < 0 ? 'column.vinPlateOrPhone' : null,
    col.kind < 0 ? 'column.surveyKind' : null,
    col.date < 0 ? 'column.date' : null,
    col.score < 0 ? 'column.score' : null,
  ]
    .filter((k): k is CareMessageKey => k !== null)
    .map((k) => CARE_TEXTS.text(k, locale));
  if (missing.length) throw missingColumns(locale, missing);

  const msg = (key: CareMessageKey, params?: Record<string, unknown>) => new CareProblems(locale).add('row', key, params).list[0]!.message;
  const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  const threshold = core.settings.get('service.lowScoreThreshold');
  const today = todayIn(core.settings.get('dealer.timeZone'), core.clock.now());
  const now = core.clock.now();
  // A phone cell without its area code is a landline in the dealer's area, as in the customer form.
  const areaCode = core.settings.areaCode();
  const bad = new BadRows();
  const report = { rows: rows.length, saved: 0, existing: 0, lowScoreTasks: 0 };

  // Every statement below runs inside the one transaction yieldingTransaction holds.
  const tx = core.db;
  await yieldingTransaction(
    core.sqlite,
    rows.length,
    (i) => {
      const { cells: r, row: rowNo } = rows[i]!;
      const reasons: string[] = [];
      const kind = parseSurveyKind(cell(r, col.kind));
      if (!kind) reasons.push(msg('survey.kind'));
      const date = parseLooseDay(cell(r, col.date));
      if (!date) reasons.push(msg('visit.date'));
      else if (date > today) reasons.push(msg('visit.future', { date }));
      const score = parseScore(cell(r, col.score));
      if (score == null) reasons.push(msg('survey.score'));
      const dissatisfied = parseDissatisfied(cell(r, col.dissatisfied));
      if (dissatisfied === undefined) reasons.push(msg('survey.dissatisfied'));

      // The vehicle by VIN, else by plate; else the customer by phone (then no vehicle).
      const vin = cell(r, col.vin).toUpperCase();
      // As stored, cleaned (spaces, case, full width): a plate the strict format check rejects may still be on file.
      const plate = cleanPlate(cell(r, col.plate));
      let match: { customerId: number; vehicleId: number | null } | undefined =
        (vin ? tx.get<{ customerId: number; vehicleId: number }>(sql`SELECT customer_id AS customerId, id AS vehicleId FROM vehicles WHERE vin = ${vin}`) : undefined) ??
        (plate ? tx.get<{ customerId: number; vehicleId: number }>(sql`SELECT customer_id AS customerId, id AS vehicleId FROM vehicles WHERE plate = ${plate} ORDER BY id DESC LIMIT 1`) : undefined);
      const rawPhone = cell(r, col.phone);
      let shared = false;
      if (!match && rawPhone) {
        const p = normalizePhone(rawPhone, { areaCode });
        if (!isPhoneError(p)) {
          const owners = tx.all<{ customerId: number }>(sql`SELECT DISTINCT customer_id AS customerId FROM customer_phones WHERE normalized = ${p.normalized} LIMIT 2`);
          shared = owners.length > 1;
          if (shared) reasons.push(msg('survey.phoneShared', { phone: rawPhone }));
          else if (owners.length === 1) match = { customerId: owners[0]!.customerId, vehicleId: null };
        }
      }
      if (!match && !shared) reasons.push(msg('survey.match'));
      if (reasons.length || !match || !kind || !date || score == null || dissatisfied === undefined) return bad.add(rowNo, reasons.join(';'));

      const vehicleId = match.vehicleId;
      const comment = cell(r, col.comment) || null;
      const row = tx
        .insert(satisfactionSurveys)
        .values({
          kind,
          customerId: match.customerId,
          vehicleId,
          score,
          dissatisfied,
          surveyDate: date,
          comment,
          naturalKey: surveyNaturalKey(kind, match.customerId, vehicleId, date),
          source: `${input.fileName}#${rowNo}`,
          createdBy: actorId,
          createdAt: now,
        })
        .onConflictDoNothing({ target: satisfactionSurveys.naturalKey })
        .returning({ id: satisfactionSurveys.id })
        .get();
      if (!row) {
        report.existing++;
        return;
      }
      report.saved++;
      writeAudit(tx, core.clock, { userId: actorId, action: 'create', entity: 'satisfaction_survey', entityId: row.id, after: { id: row.id, kind, customerId: match.customerId, vehicleId, score, dissatisfied, surveyDate: date } });
      if (isLowScore(score, dissatisfied ? 'dissatisfied' : null, threshold)) {
        const why = `${KIND_LABEL[kind]} ${date} ${score}分${dissatisfied ? ' 不满意' : ''}${comment ? ` · ${comment}` : ''}`;
        const made = createTasks(core, actorId, [{ kind: 'low_score', customerId: match.customerId, vehicleId, dueDate: lowScoreDueDate(today), assigneeId, reason: why.slice(0, 200), refType: 'survey', refId: row.id }], tx);
        report.lowScoreTasks += made.created;
      }
    },
    (done, total) => core.events.publish({ userId: actorId }, 'import.progress', { kind: 'surveys', done, total }),
  );
  return { ...report, bad: bad.list, badCount: bad.count };
}
