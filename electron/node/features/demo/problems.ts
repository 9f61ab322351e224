/**
 * The deliberate data problems of the demo data set. Each is a fixed fraction of its candidates
 * (exactly ⌊candidates × fraction⌋, spread evenly), so the audit screens have something to find and
 * their tests know exactly what. `detectSql` finds the problem in a seeded database; the tests check
 * that it returns exactly the ids the seed report lists.
 */
import type { Sqlite } from '../../../../db/client';
import { CITIES } from './cities';
import { AFTERSALES_DETECT_SQL, AFTERSALES_PROBLEM_DEFS, type AftersalesProblemCode } from './aftersales-problems';

export type ProblemCode =
  | 'late_showroom_visit'
  | 'visit_missing_phone'
  | 'visit_missing_competitor'
  | 'visit_missing_expected_date'
  | 'open_opportunity_without_plan'
  | 'overdue_planned_activity'
  | 'open_opportunity_past_expected_date'
  | 'shared_phone'
  | 'foreign_plate'
  | 'dnd_customer'
  | 'dnd_sms_only'
  | 'visit_mode_inconsistent'
  | 'oversized_export'
  | 'first_visit_without_consent'
  | AftersalesProblemCode;

export interface ProblemDef {
  code: ProblemCode;
  /** The table whose ids are listed. */
  table: string;
  fraction: number;
  /** What the fraction is taken of. */
  of: string;
  zh: string;
  en: string;
}

export const PROBLEM_DEFS: readonly ProblemDef[] = [
  {
    code: 'late_showroom_visit', table: 'showroom_visits', fraction: 0.04, of: 'showroom visits',
    zh: '展厅流量记录在来店 24 小时后才录入(late = 1)', en: 'Showroom visit entered more than 24 h after the visit (late = 1)',
  },
  {
    code: 'visit_missing_phone', table: 'showroom_visits', fraction: 0.02, of: 'showroom visits',
    zh: '展厅流量记录缺少电话', en: 'Showroom visit without a phone number',
  },
  {
    code: 'visit_missing_competitor', table: 'showroom_visits', fraction: 0.05, of: 'showroom visits',
    zh: '展厅流量记录缺少竞争品牌', en: 'Showroom visit without a competitor brand',
  },
  {
    code: 'visit_missing_expected_date', table: 'showroom_visits', fraction: 0.03, of: 'showroom visits',
    zh: '展厅流量记录缺少预计购车日期', en: 'Showroom visit without an expected purchase date',
  },
  {
    code: 'open_opportunity_without_plan', table: 'opportunities', fraction: 0.03, of: 'open opportunities',
    zh: '未关闭的销售机会没有下一步跟踪计划', en: 'Open opportunity without a planned activity',
  },
  {
    code: 'overdue_planned_activity', table: 'activities', fraction: 0.08, of: 'open opportunities that have a planned activity',
    zh: '跟踪计划已过期未执行', en: 'Planned activity overdue (planned before today, not done)',
  },
  {
    code: 'open_opportunity_past_expected_date', table: 'opportunities', fraction: 0.04, of: 'open opportunities',
    zh: '未关闭的销售机会预计购车日期已过', en: 'Open opportunity whose expected purchase date has passed',
  },
  {
    code: 'shared_phone', table: 'customers', fraction: 0.001, of: 'customers (after the first)',
    zh: '客户电话与另一客户相同(疑似重复客户)', en: "Customer's phone is another customer's too (possible duplicate)",
  },
  {
    code: 'foreign_plate', table: 'vehicles', fraction: 0.03, of: 'vehicles',
    zh: '车牌不属于客户所在城市', en: "Plate issued by a city other than the customer's",
  },
  {
    code: 'dnd_customer', table: 'customers', fraction: 0.015, of: 'customers',
    zh: '免打扰客户(电话、短信、回访均免)', en: 'Do-not-disturb customer (no calls, texts or revisits)',
  },
  {
    code: 'dnd_sms_only', table: 'customers', fraction: 0.005, of: 'customers not already do-not-disturb',
    zh: '仅免短信的客户', en: 'Customer who accepts no text messages (calls allowed)',
  },
  // 审核自查 check 3: the mode is turned into the other half (1↔3, 2↔4); the first-visit flag stays right.
  {
    code: 'visit_mode_inconsistent', table: 'showroom_visits', fraction: 0.01, of: 'showroom visits',
    zh: '展厅流量记录的来店方式与首次来店标志不一致(首次来店记为 3/4,再次来店记为 1/2)', en: 'Showroom visit whose mode disagrees with its first-visit flag (first visit with mode 3/4, return visit with 1/2)',
  },
  // 审核自查 check 8: exports written to the audit log as the grid writes them (demo/exports.ts).
  {
    code: 'oversized_export', table: 'audit_log', fraction: 0.25, of: 'exports in the audit log (8)',
    zh: '审计日志中单次导出超过 10,000 行', en: 'Export of more than 10,000 rows in the audit log',
  },
  // 审核自查 checks 5, 6a, 6b and 7: the after-sales history (aftersales.ts).
  ...AFTERSALES_PROBLEM_DEFS,
  // 审核自查 check 4 (consent.ts): last, so the selectors of the problems above keep their seeds.
  {
    code: 'first_visit_without_consent', table: 'showroom_visits', fraction: 0.03, of: 'customers with a first showroom visit',
    zh: '首次来店客户未书面同意接收商业信息(列出其首次来店记录)', en: "First-visit prospect who never gave written consent to commercial messages (their first visits are listed)",
  },
];

export interface DemoProblem extends ProblemDef {
  /** How many rows were candidates. */
  candidates: number;
  count: number;
  /** The offending rows' ids in `table`, ascending. */
  ids: number[];
  /** shared_phone: [earlier customer, later customer] pairs; ids lists the later ones. */
  pairs?: [number, number][];
}

/** What goes into settings 'demo.problems': everything but the full id lists. */
export interface DemoProblemSummary {
  seed: number;
  today: string;
  customers: number;
  problems: (Omit<DemoProblem, 'ids' | 'pairs'> & { sampleIds: number[] })[];
}

const platePrefixCase = (): string =>
  `CASE c.city ${CITIES.map((city) => `WHEN '${city.name}' THEN '${city.plates.join(',')}'`).join(' ')} ELSE '' END`;

/**
 * SQL that finds each problem in a database; parameters: `today` ('YYYY-MM-DD') and `todayStartMs`
 * (epoch ms of local midnight). Each returns one column `id`, ascending.
 */
export const DETECT_SQL: Record<ProblemCode, string> = {
  late_showroom_visit: `SELECT id FROM showroom_visits WHERE late = 1 AND created_at - visit_at > 86400000 ORDER BY id`,
  visit_missing_phone: `SELECT id FROM showroom_visits WHERE phone IS NULL OR trim(phone) = '' ORDER BY id`,
  visit_missing_competitor: `SELECT id FROM showroom_visits WHERE competitor_brand IS NULL OR competitor_brand = '' ORDER BY id`,
  visit_missing_expected_date: `SELECT id FROM showroom_visits WHERE expected_purchase_date IS NULL ORDER BY id`,
  open_opportunity_without_plan: `SELECT o.id FROM opportunities o WHERE o.status = 'open'
    AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.opportunity_id = o.id AND a.status = 'planned') ORDER BY o.id`,
  overdue_planned_activity: `SELECT id FROM activities WHERE status = 'planned' AND planned_at < :todayStartMs ORDER BY id`,
  open_opportunity_past_expected_date: `SELECT id FROM opportunities WHERE status = 'open' AND expected_purchase_date < :today ORDER BY id`,
  shared_phone: `SELECT DISTINCT p.customer_id AS id FROM customer_phones p
    JOIN customer_phones q ON q.normalized = p.normalized AND q.customer_id < p.customer_id ORDER BY 1`,
  foreign_plate: `SELECT v.id FROM vehicles v JOIN customers c ON c.id = v.customer_id
    WHERE v.plate IS NOT NULL AND instr(',' || (${platePrefixCase()}) || ',', ',' || substr(v.plate, 1, 2) || ',') = 0 ORDER BY v.id`,
  dnd_customer: `SELECT id FROM customers WHERE dnd_call = 1 AND dnd_sms = 1 AND dnd_revisit = 1 ORDER BY id`,
  dnd_sms_only: `SELECT id FROM customers WHERE dnd_sms = 1 AND dnd_call = 0 AND dnd_revisit = 0 ORDER BY id`,
  visit_mode_inconsistent: `SELECT id FROM showroom_visits WHERE (first_visit = 1 AND visit_mode IN (3, 4)) OR (first_visit = 0 AND visit_mode IN (1, 2)) ORDER BY id`,
  oversized_export: `SELECT id FROM audit_log WHERE action = 'export' AND CAST(json_extract(after, '$.rows') AS INTEGER) > 10000 ORDER BY id`,
  ...AFTERSALES_DETECT_SQL,
  first_visit_without_consent: `SELECT sv.id FROM showroom_visits sv WHERE sv.first_visit = 1
    AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = sv.customer_id AND c.consent_date IS NOT NULL) ORDER BY sv.id`,
};

/** Runs every detection query: code → ids found. */
export function detectProblems(sqlite: Sqlite, today: string, todayStartMs: number): Record<ProblemCode, number[]> {
  const out = {} as Record<ProblemCode, number[]>;
  for (const def of PROBLEM_DEFS) {
    const sql = DETECT_SQL[def.code];
    const stmt = sqlite.prepare(sql).pluck();
    const params: Record<string, unknown> = {};
    if (/:today(?![A-Za-z])/.test(sql)) params.today = today;
    if (sql.includes(':todayStartMs')) params.todayStartMs = todayStartMs;
    out[def.code] = (Object.keys(params).length > 0 ? stmt.all(params) : stmt.all()) as number[];
  }
  return out;
}

export function summarizeProblems(seed: number, today: string, customers: number, problems: readonly DemoProblem[]): DemoProblemSummary {
  return {
    seed,
    today,
    customers,
    problems: problems.map(({ ids, pairs: _pairs, ...rest }) => ({ ...rest, sampleIds: ids.slice(0, 20) })),
  };
}
