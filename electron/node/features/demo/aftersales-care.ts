/**
 * The demo's customer care besides revisits, as the app's services create it:
 * - reminder tasks (提醒服务 → tasks: 首保提醒 / 常规保养提醒, natural key kind:customer/vehicle:due,
 *   ref vehicle, made 14 days before the due day) for 60 % of the first and regular services of the
 *   last 6 months, 65 % of them with a 主动预约 appointment (task_id) that arrived for that visit; and
 *   for a quarter of the vehicles due in the last 120 / next 14 days that did not come, some booked
 *   (no-show / cancelled when past);
 * - regular-service solicitation tasks (招揽任务, created 30 days before the due day, window ± 15
 *   days): 招揽成功 linked to the visit for 70 % of the regular services of the last 150 days, and
 *   for 45 % of the vehicles due in the last 150 / next 25 days that did not come: 招揽中 or 招揽失败
 *   with a reason from the dictionary; the planted ones (check 5) left 未分配 / 已分配;
 * - complaints (投诉建议) from 30 % of the dissatisfied revisits and from 0.4 % of the repair orders,
 *   categories and sources from the dictionaries, most closed with a result, with their history.
 */
import type { AftersalesCtx } from './aftersales';
import { COMPLAINT_CATEGORIES, COMPLAINT_SOURCES, SOLICITATION_FAIL_REASONS } from '../admin';
import { dateOf, dayOf, dayOfMs, HASH_FN, localMs, pick, plant, workMinute } from './aftersales-sql';

const NOW_MINUTE = 20 * 60; // the data set's now: today 20:00
/** A reminder task is closed after its call, which starts in working hours (08:30 or later). */
const CLOSE_MINUTE = '520 + (h / 7) % 580';

/** `revBase`: the revisits' ids are revBase + temp.demo_rv.n (aftersales.ts). */
export function seedCare(ctx: AftersalesCtx, revBase: number): void {
  reminders(ctx);
  solicitation(ctx);
  complaints(ctx, revBase);
}

function reminders(ctx: AftersalesCtx): void {
  const { sqlite, T } = ctx;
  const six = dateOf(String(T - 182));
  const notDnd = (customer: string) => `${customer} NOT IN (SELECT id FROM temp.demo_dnd WHERE call = 1)`;
  sqlite.exec(`
    CREATE TEMP TABLE demo_rm AS
    SELECT kind, customer_id, vehicle_id, due, due - 14 AS cday, plate, ref_date, h, came,
           CASE WHEN came THEN due - 14 + 1 + (h / 800) % 2 WHEN due - 14 + 1 <= ${T} THEN due - 13 END AS close_day,
           appt_date, slot
      FROM (
        SELECT sv.type AS kind, sv.customer_id, sv.vehicle_id, v.plate, ${HASH_FN}(sv.id, 301) AS h, 1 AS came,
               CASE sv.type WHEN 'first_service' THEN ${dayOf('v.purchase_date')} + 90 ELSE ${dayOfMs('sv.created_at')} - ${HASH_FN}(sv.id, 301) / 100 % 8 END AS due,
               CASE sv.type WHEN 'first_service' THEN v.purchase_date END AS ref_date, ${dayOfMs('sv.created_at')} AS vday,
               CASE WHEN ${HASH_FN}(sv.id, 301) / 16000 % 100 < 65 THEN sv.date END AS appt_date,
               printf('%02d:%02d', ((sv.created_at + 28800000) % 86400000) / 3600000, ((sv.created_at + 28800000) % 3600000) / 1800000 * 30) AS slot
          FROM temp.demo_sv sv JOIN vehicles v ON v.id = sv.vehicle_id
         WHERE sv.date BETWEEN ${six} AND ${dateOf(String(T - 1))} AND sv.type IN ('first_service', 'regular_service') AND ${notDnd('sv.customer_id')}
           AND ${HASH_FN}(sv.id, 301) % 100 < 60)
     WHERE due - 14 + 3 <= vday
    UNION ALL
    SELECT 'regular_service', v.customer_id, v.id, ${dayOf('v.next_service_date')}, ${dayOf('v.next_service_date')} - 14, v.plate, NULL, ${HASH_FN}(v.id, 311), 0,
           CASE WHEN ${dayOf('v.next_service_date')} - 13 <= ${T} THEN ${dayOf('v.next_service_date')} - 13 END,
           CASE WHEN ${dayOf('v.next_service_date')} - 13 <= ${T} AND ${HASH_FN}(v.id, 311) / 100 % 100 < 30
                THEN ${dateOf(`${dayOf('v.next_service_date')} + ${HASH_FN}(v.id, 311) / 10000 % 6`)} END,
           printf('%02d:%02d', 9 + ${HASH_FN}(v.id, 311) / 600000 % 16 / 2, ${HASH_FN}(v.id, 311) / 600000 % 2 * 30)
      FROM vehicles v
     WHERE v.next_service_date BETWEEN ${dateOf(String(T - 120))} AND ${dateOf(String(T + 14))} AND ${notDnd('v.customer_id')} AND ${HASH_FN}(v.id, 311) % 100 < 25;`);
  sqlite.exec(`
    INSERT OR IGNORE INTO tasks (kind, natural_key, customer_id, vehicle_id, due_date, status, assignee_id, reason, ref_type, ref_id, result, notes, created_at, updated_at, closed_at)
    SELECT kind, kind || ':' || customer_id || '/' || vehicle_id || ':' || ${dateOf('due')}, customer_id, vehicle_id, ${dateOf('due')},
           CASE WHEN close_day IS NULL THEN 'open' ELSE 'done' END, ${ctx.agentOf('h / 1600')},
           CASE kind WHEN 'first_service' THEN '首保提醒' ELSE '常规保养提醒' END || coalesce(' ' || plate, '') || ' ' || coalesce(ref_date, ${dateOf('due')}),
           'vehicle', vehicle_id, CASE WHEN close_day IS NOT NULL THEN 'done' END,
           CASE WHEN close_day IS NULL THEN NULL WHEN appt_date IS NOT NULL THEN '已电话提醒,客户已预约到店'
                ELSE ${pick('h / 7', ['已电话提醒,客户暂不需要保养', '客户表示近期没空,稍后再约', '已电话提醒,客户会自行安排'])} END,
           ${localMs('cday', '540 + h % 60')},
           coalesce(${localMs('close_day', CLOSE_MINUTE)}, ${localMs('cday', '540 + h % 60')}),
           ${localMs('close_day', CLOSE_MINUTE)}
      FROM temp.demo_rm ORDER BY cday, vehicle_id, kind;
    INSERT INTO appointments (customer_id, vehicle_id, advisor_id, date, slot, status, proactive, task_id, notes, created_at, created_by)
    SELECT r.customer_id, r.vehicle_id, ${ctx.staff.advisorId}, r.appt_date, r.slot,
           CASE WHEN r.came THEN 'arrived' WHEN r.appt_date >= ${dateOf(String(T))} THEN 'booked' WHEN r.h / 60000 % 10 < 6 THEN 'no_show' ELSE 'cancelled' END,
           1, t.id, NULL, t.closed_at, t.assignee_id
      FROM temp.demo_rm r JOIN tasks t ON t.natural_key = r.kind || ':' || r.customer_id || '/' || r.vehicle_id || ':' || ${dateOf('r.due')}
     WHERE r.appt_date IS NOT NULL AND t.closed_at IS NOT NULL ORDER BY t.id;
    DROP TABLE temp.demo_rm;`);
}

function solicitation(ctx: AftersalesCtx): void {
  const { sqlite, T } = ctx;
  const now = localMs(String(T), String(NOW_MINUTE));
  const failReasons = SOLICITATION_FAIL_REASONS.map((r) => r.code);
  sqlite.exec(`
    INSERT OR IGNORE INTO solicitation_tasks (natural_key, kind, campaign, customer_id, vehicle_id, window_start, window_end, status, assignee_id, fail_reason, success_visit_id, created_at, updated_at)
    SELECT 'regular_service:' || customer_id || '/' || vehicle_id || ':' || ${dateOf('due')}, 'regular_service', NULL, customer_id, vehicle_id,
           ${dateOf('due - 15')}, ${dateOf('due + 15')}, status, ${ctx.agentOf('h / 1000')},
           CASE status WHEN 'failed' THEN ${pick('h / 9000', failReasons)} END, visit_id, created_at,
           CASE WHEN visit_id IS NOT NULL THEN visit_at ELSE min(created_at + (1 + h / 100000 % 20) * 86400000, ${now}) END
      FROM (
        SELECT sv.customer_id, sv.vehicle_id, ${dayOfMs('sv.created_at')} + ${HASH_FN}(sv.id, 401) / 100 % 21 - 10 AS due, 'succeeded' AS status,
               ${HASH_FN}(sv.id, 401) AS h, sv.id AS visit_id, sv.created_at AS visit_at,
               ${localMs(`${dayOfMs('sv.created_at')} + ${HASH_FN}(sv.id, 401) / 100 % 21 - 40`, `540 + ${HASH_FN}(sv.id, 401) / 2100 % 60`)} AS created_at
          FROM temp.demo_sv sv
         WHERE sv.date BETWEEN ${dateOf(String(T - 150))} AND ${dateOf(String(T - 1))} AND sv.type = 'regular_service'
           AND sv.customer_id NOT IN (SELECT id FROM temp.demo_dnd WHERE call = 1) AND ${HASH_FN}(sv.id, 401) % 100 < 70
        UNION ALL
        SELECT v.customer_id, v.id, ${dayOf('v.next_service_date')},
               CASE WHEN ${dayOf('v.next_service_date')} + 15 < ${T}
                    THEN CASE WHEN ${HASH_FN}(v.id, 411) / 100 % 100 < 85 THEN 'failed' ELSE 'in_progress' END
                    ELSE CASE WHEN ${HASH_FN}(v.id, 411) / 100 % 100 < 90 THEN 'in_progress' ELSE 'failed' END END,
               ${HASH_FN}(v.id, 411), NULL, NULL,
               ${localMs(`${dayOf('v.next_service_date')} - 30`, `540 + ${HASH_FN}(v.id, 411) / 2100 % 60`)}
          FROM vehicles v
         WHERE v.next_service_date BETWEEN ${dateOf(String(T - 150))} AND ${dateOf(String(T + 25))}
           AND v.customer_id NOT IN (SELECT id FROM temp.demo_dnd WHERE call = 1) AND ${HASH_FN}(v.id, 411) % 100 < 45)
     ORDER BY created_at, vehicle_id`);
  // Planted (check 5): of the tasks whose vehicle did not come in, some never assigned or never worked.
  const ids = sqlite.prepare("SELECT id FROM solicitation_tasks WHERE kind = 'regular_service' AND status <> 'succeeded' ORDER BY id").pluck().all() as number[];
  ctx.found.unsolicited_regular_service.push(...plant(sqlite, 'unsolicited_regular_service', ids, ctx.sel.unsolicited_regular_service));
  const h = `${HASH_FN}(id, 421)`;
  sqlite.exec(`
    UPDATE solicitation_tasks SET status = CASE WHEN ${h} % 2 = 0 THEN 'unassigned' ELSE 'assigned' END,
           assignee_id = CASE WHEN ${h} % 2 = 0 THEN NULL ELSE assignee_id END, fail_reason = NULL,
           updated_at = CASE WHEN ${h} % 2 = 0 THEN created_at ELSE min(created_at + (1 + ${h} / 2 % 48) * 3600000, ${now}) END
     WHERE id IN (SELECT id FROM temp.demo_planted WHERE code = 'unsolicited_regular_service')`);
}

function complaints(ctx: AftersalesCtx, revBase: number): void {
  const { sqlite, T } = ctx;
  const now = localMs(String(T), String(NOW_MINUTE));
  const m = ctx.staff.managerId;
  const categories = COMPLAINT_CATEGORIES.map((c) => c.code);
  const sources = COMPLAINT_SOURCES.map((c) => c.code);
  const byReason: Record<string, string> = { attitude: 'attitude', waiting: 'other', charges: 'charges', quality: 'repair', facilities: 'other', communication: 'attitude', other: 'other' };
  const firstReason = `json_extract(x.dissatisfaction_reasons, '$[0]')`;
  sqlite.exec(`
    CREATE TEMP TABLE demo_cp AS
    SELECT customer_id, vehicle_id, source, category, description, created_at, created_by, h,
           CASE WHEN ${dayOfMs('created_at')} <= ${T - 2} AND h / 5 % 100 < 85 AND created_at + (2 + h / 500 % 190) * 3600000 <= ${now}
                THEN created_at + (2 + h / 500 % 190) * 3600000 END AS closed_at
      FROM (
        SELECT r.customer_id, r.vehicle_id, 'phone' AS source,
               CASE WHEN r.kind = 'sales' THEN 'sales' ELSE (CASE ${firstReason} ${Object.entries(byReason).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} ELSE 'other' END) END AS category,
               '回访中客户投诉:' || x.notes AS description, r.final_at + 300000 AS created_at, r.agent AS created_by, ${HASH_FN}(r.n, 501) AS h
          FROM temp.demo_rv r JOIN revisits x ON x.id = ${revBase} + r.n
         WHERE r.result = 'dissatisfied' AND ${HASH_FN}(r.n, 501) % 100 < 30
        UNION ALL
        SELECT e.customer_id, e.vehicle_id, ${pick(`${HASH_FN}(e.event_id, 511) / 1000`, sources)}, ${pick(`${HASH_FN}(e.event_id, 511) / 7000`, categories)},
               ${pick(`${HASH_FN}(e.event_id, 511) / 49000`, ['保养后发动机仍有异响', '维修等待时间太长,没有提前告知', '结算金额比预估高很多', '车辆交回时内饰有污渍', '更换的配件不是原厂件', '服务顾问态度冷淡'])},
               ${localMs(`e.day + 1 + ${HASH_FN}(e.event_id, 511) % 5`, workMinute(`${HASH_FN}(e.event_id, 511) / 7`))}, ${m}, ${HASH_FN}(e.event_id, 511)
          FROM temp.demo_ev e
         WHERE e.kind = 'repair' AND ${HASH_FN}(e.event_id, 512) % 1000 < 4 AND e.day + 1 + ${HASH_FN}(e.event_id, 511) % 5 <= ${T});
    INSERT INTO complaints (source, category, customer_id, vehicle_id, description, assignee_id, status, result, closed_at, closed_by, created_at, created_by, updated_at, version)
    SELECT source, category, customer_id, vehicle_id, description,
           CASE WHEN closed_at IS NULL AND h / 500 % 3 = 0 THEN NULL ELSE ${ctx.agentOf('h / 3')} END,
           CASE WHEN closed_at IS NOT NULL THEN 'closed' WHEN h / 500 % 3 = 0 THEN 'open' WHEN h / 500 % 3 = 1 THEN 'assigned' ELSE 'handling' END,
           CASE WHEN closed_at IS NOT NULL THEN ${pick('h / 11', ['已向客户道歉并免费返修,客户满意', '已退还多收费用,客户认可', '已对相关人员进行培训,客户接受处理结果', '经检测属正常现象,已向客户解释清楚'])} END,
           closed_at, CASE WHEN closed_at IS NOT NULL THEN ${ctx.agentOf('h / 3')} END, created_at, created_by, coalesce(closed_at, created_at + 600000),
           CASE WHEN closed_at IS NOT NULL THEN 4 WHEN h / 500 % 3 = 0 THEN 1 WHEN h / 500 % 3 = 1 THEN 2 ELSE 3 END
      FROM temp.demo_cp ORDER BY created_at, customer_id;
    DROP TABLE temp.demo_cp;
    INSERT INTO complaint_history (complaint_id, action, note, user_id, at)
    SELECT id, action, note, user_id, at FROM (
      SELECT id, 1 AS o, 'create' AS action, description AS note, created_by AS user_id, created_at AS at FROM complaints
      UNION ALL SELECT c.id, 2, 'assign', u.display_name, ${m}, c.created_at + 600000 FROM complaints c JOIN users u ON u.id = c.assignee_id
      UNION ALL SELECT id, 3, 'handle', NULL, assignee_id, created_at + 3600000 FROM complaints WHERE status IN ('handling', 'closed')
      UNION ALL SELECT id, 4, 'close', result, closed_by, closed_at FROM complaints WHERE status = 'closed')
     ORDER BY at, id, o;`);
}
