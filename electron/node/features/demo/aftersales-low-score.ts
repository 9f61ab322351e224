/**
 * Low-score follow-ups (低分跟进) of the demo's revisits, as RevisitService.save creates them: a
 * 'low_score' task for every done revisit that is dissatisfied or scored under the threshold, due 3
 * days after (natural key kind:customer/vehicle:due), assigned to the revisit's agent, ref revisit.
 * Closed within their days with a real description; 15 % 修复中 with the next follow-up keyed
 * '#after:<task>' as LowScoreService.close writes it; the planted late ones (check 7) closed on the
 * 4th–6th day or with only 已跟进 / 未接通. Those still inside their days today stay open.
 */
import type { AftersalesCtx } from './aftersales';
import { EMPTY_FOLLOW_UP_NOTES } from './aftersales-problems';
import { dateOf, dayOfMs, HASH_FN, localMs, pick, plant } from './aftersales-sql';

const LOW_SCORE_THRESHOLD = 80; // settings 'service.lowScoreThreshold' default
const RESOLVED_NOTES = [
  '已致电客户道歉并说明原因,客户表示理解',
  '已安排服务顾问回电解释收费明细,客户接受',
  '已预约客户返厂免费复检,问题已解决',
  '已向客户赠送保养券作为补偿,客户认可',
  '已与客户沟通等待时间问题,承诺下次优先安排',
];
const REPAIRING_NOTES = ['已联系客户,安排返修中,待返修后再次回访', '配件到货后安排返修,已告知客户时间'];

/** `revBase`: the revisits' ids are revBase + temp.demo_rv.n (aftersales.ts). */
export function seedLowScore(ctx: AftersalesCtx, revBase: number): void {
  const { sqlite, T } = ctx;
  const closeDay = (d: string, h: string) => `(${d} + 1 + (${h}) % 3)`;
  sqlite.exec(`
    INSERT OR IGNORE INTO tasks (kind, natural_key, customer_id, vehicle_id, due_date, status, assignee_id, reason, ref_type, ref_id, result, notes, created_at, updated_at, closed_at)
    SELECT 'low_score', 'low_score:' || customer_id || '/' || coalesce(vehicle_id, '') || ':' || ${dateOf('d + 3')}, customer_id, vehicle_id, ${dateOf('d + 3')},
           CASE WHEN closed THEN 'done' ELSE 'open' END, agent,
           CASE kind WHEN 'sales' THEN '销售回访' ELSE '维修回访' END || CASE result WHEN 'dissatisfied' THEN '不满意' ELSE '低分 ' || score END,
           'revisit', rid, CASE WHEN closed THEN 'resolved' END, CASE WHEN closed THEN ${pick('h / 3', RESOLVED_NOTES)} END,
           created_at, CASE WHEN closed THEN closed_at ELSE created_at END, CASE WHEN closed THEN closed_at END
      FROM (SELECT *, ${closeDay('d', 'h')} <= ${T} AS closed, ${localMs(closeDay('d', 'h'), '520 + (h / 3) % 580')} AS closed_at
              FROM (SELECT ${revBase} + n AS rid, customer_id, vehicle_id, agent, kind, result, score, final_at AS created_at, ${dayOfMs('final_at')} AS d,
                           ${HASH_FN}(${revBase} + n, 201) AS h
                      FROM temp.demo_rv WHERE status = 'done' AND (result = 'dissatisfied' OR score < ${LOW_SCORE_THRESHOLD})))
     ORDER BY rid`);

  // Planted (check 7): among follow-ups created 6 or more days ago, so a late close is still in the past.
  const ids = sqlite
    .prepare(`SELECT id FROM tasks WHERE kind = 'low_score' AND ref_type = 'revisit' AND ${dayOfMs('created_at')} <= ? ORDER BY id`)
    .pluck()
    .all(T - 6) as number[];
  ctx.found.late_low_score_followup.push(...plant(sqlite, 'late_low_score_followup', ids, ctx.sel.late_low_score_followup));
  const h = `${HASH_FN}(id, 211)`;
  const lateAt = localMs(`${dayOfMs('created_at')} + 4 + (${h} / 2) % 3`, `520 + (${h} / 6) % 580`);
  sqlite.exec(`
    UPDATE tasks SET version = version + 1, status = 'done', result = 'resolved',
           closed_at = CASE WHEN ${h} % 2 = 0 THEN ${lateAt} ELSE closed_at END,
           updated_at = CASE WHEN ${h} % 2 = 0 THEN ${lateAt} ELSE closed_at END,
           notes = CASE WHEN ${h} % 2 = 1 THEN ${pick(`${h} / 2`, EMPTY_FOLLOW_UP_NOTES)} ELSE notes END
     WHERE id IN (SELECT id FROM temp.demo_planted WHERE code = 'late_low_score_followup')`);

  // 修复中: the follow-up closed as repairing, and its next follow-up (due 3 days after the close).
  sqlite.exec(`
    UPDATE tasks SET version = version + 1, result = 'repairing', notes = ${pick(`${HASH_FN}(id, 221) / 100`, REPAIRING_NOTES)}
     WHERE kind = 'low_score' AND status = 'done' AND ref_type = 'revisit' AND ${HASH_FN}(id, 221) % 100 < 15
       AND id NOT IN (SELECT id FROM temp.demo_planted WHERE code = 'late_low_score_followup');
    INSERT OR IGNORE INTO tasks (kind, natural_key, customer_id, vehicle_id, due_date, status, assignee_id, reason, ref_type, ref_id, result, notes, created_at, updated_at, closed_at)
    SELECT 'low_score', 'low_score:' || customer_id || '/' || coalesce(vehicle_id, '') || ':' || ${dateOf('d + 3')} || '#after:' || id,
           customer_id, vehicle_id, ${dateOf('d + 3')}, CASE WHEN closed THEN 'done' ELSE 'open' END, assignee_id, substr('修复中 · ' || reason, 1, 200),
           ref_type, ref_id, CASE WHEN closed THEN 'resolved' END, CASE WHEN closed THEN '返修完成,已再次回访,客户满意' END,
           created_at, CASE WHEN closed THEN closed2 ELSE created_at END, CASE WHEN closed THEN closed2 END
      FROM (SELECT *, ${closeDay('d', 'h')} <= ${T} AS closed, ${localMs(closeDay('d', 'h'), '520 + (h / 3) % 580')} AS closed2
              FROM (SELECT id, customer_id, vehicle_id, assignee_id, reason, ref_type, ref_id, closed_at AS created_at, ${dayOfMs('closed_at')} AS d,
                           ${HASH_FN}(id, 222) AS h
                      FROM tasks WHERE kind = 'low_score' AND result = 'repairing'))
     ORDER BY id`);
}
