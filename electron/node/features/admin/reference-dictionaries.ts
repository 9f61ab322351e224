/**
 * The dictionaries every database starts with (kind, code, zh and en labels, extra JSON): sources,
 * FAW-VW models, brands, colours, reasons, complaint categories, activity types. An administrator
 * may edit them later; a kind that already has rows is never touched again.
 */
import type { Sqlite } from '../../../../db/client';
import { BRANDS, COLOURS, FAW_VW_MODELS } from './vehicle-models';

export interface DictionaryEntry {
  kind: string;
  code: string;
  zh: string;
  en: string;
  extra?: Record<string, unknown>;
}

/** 客户来源. The four of the glossary, then 其它 for blanks. */
export const SOURCES: readonly DictionaryEntry[] = [
  { kind: 'source', code: 'market', zh: '市场', en: 'Marketing' },
  { kind: 'source', code: 'phone', zh: '电话', en: 'Phone' },
  { kind: 'source', code: 'outbound', zh: '主动出击', en: 'Outbound' },
  { kind: 'source', code: 'showroom', zh: '展厅', en: 'Showroom' },
  { kind: 'source', code: 'other', zh: '其它', en: 'Other' },
];

const list = (kind: string, rows: readonly (readonly [string, string, string])[]): DictionaryEntry[] =>
  rows.map(([code, zh, en]) => ({ kind, code, zh, en }));

export const ABANDON_REASONS = list('abandon_reason', [
  ['price', '价格原因', 'Price'],
  ['competitor', '购买竞品', 'Bought a competitor'],
  ['postponed', '推迟购车', 'Postponed the purchase'],
  ['budget', '预算不足', 'Insufficient budget'],
  ['unreachable', '无法联系', 'Cannot be reached'],
  ['other_dealer', '在其他经销商购买', 'Bought at another dealer'],
  ['other', '其它', 'Other'],
]);

export const DISSATISFACTION_REASONS = list('dissatisfaction_reason', [
  ['attitude', '服务态度', 'Staff attitude'],
  ['waiting', '等待时间过长', 'Waited too long'],
  ['charges', '收费不合理', 'Unreasonable charges'],
  ['quality', '维修质量', 'Repair quality'],
  ['facilities', '环境设施', 'Facilities'],
  ['communication', '沟通不及时', 'Poor communication'],
  ['other', '其它', 'Other'],
]);

export const CHURN_REASONS = list('churn_reason', [
  ['moved', '搬迁外地', 'Moved away'],
  ['sold', '车辆已出售', 'Sold the vehicle'],
  ['price', '价格原因', 'Price'],
  ['other_dealer', '去其他4S店', 'Went to another dealer'],
  ['independent', '去路边店/快修店', 'Went to an independent garage'],
  ['dissatisfied', '对服务不满意', 'Dissatisfied with service'],
  ['other', '其它', 'Other'],
]);

/** Why a 招揽任务 failed (招揽失败原因); the agent picks one. */
export const SOLICITATION_FAIL_REASONS = list('solicitation_fail_reason', [
  ['not_due', '里程未到/暂不需要保养', 'Not due yet'],
  ['other_dealer', '已在其他店保养', 'Serviced at another dealer'],
  ['unreachable', '多次联系不上', 'Could not be reached'],
  ['moved', '搬迁外地', 'Moved away'],
  ['sold', '车辆已出售', 'Sold the vehicle'],
  ['price', '价格原因', 'Price'],
  ['refused', '客户拒绝', 'Declined'],
  ['other', '其它', 'Other'],
]);

export const COMPLAINT_CATEGORIES = list('complaint_category', [
  ['product', '产品质量', 'Product quality'],
  ['repair', '维修质量', 'Repair quality'],
  ['attitude', '服务态度', 'Staff attitude'],
  ['charges', '收费问题', 'Charges'],
  ['parts', '配件问题', 'Parts'],
  ['sales', '销售承诺', 'Sales promises'],
  ['other', '其它', 'Other'],
]);

export const COMPLAINT_SOURCES = list('complaint_source', [
  ['phone', '电话', 'Phone'],
  ['walk_in', '到店', 'In person'],
  ['manufacturer', '厂家转办', 'Forwarded by the manufacturer'],
  ['web', '网络', 'Web'],
  ['wechat', '微信', 'WeChat'],
  ['other', '其它', 'Other'],
]);

/**
 * 职业 (customers.occupation), DS-CRM's occupation list: 集客分析 counts showroom visits by it. A
 * customer without one is 未知 (NULL), which is not 其他.
 */
export const OCCUPATIONS = list('occupation', [
  ['civil_servant', '公务员', 'Civil servant'],
  ['employee', '企业职员', 'Company employee'],
  ['self_employed', '个体经营', 'Self-employed'],
  ['professional', '专业人士', 'Professional'],
  ['teacher', '教师', 'Teacher'],
  ['medical', '医护', 'Medical staff'],
  ['student', '学生', 'Student'],
  ['retired', '退休', 'Retired'],
  ['other', '其他', 'Other'],
]);

/** activities.type */
export const ACTIVITY_TYPES = list('activity_type', [
  ['call', '电话', 'Call'],
  ['visit', '到店', 'Visit'],
  ['sms', '短信', 'SMS'],
  ['wechat', '微信', 'WeChat'],
  ['email', '邮件', 'Email'],
  ['test_drive', '试乘试驾', 'Test drive'],
  ['quote', '报价', 'Quote'],
  ['other', '其它', 'Other'],
]);

export function allDictionaries(): DictionaryEntry[] {
  return [
    ...SOURCES,
    ...FAW_VW_MODELS.map((m) => ({
      kind: 'model',
      code: m.code,
      zh: m.zh,
      en: m.en,
      extra: { brand: 'faw_vw', price: m.price, since: m.since, nev: m.nev },
    })),
    ...BRANDS.map((b) => ({ kind: 'brand', code: b.code, zh: b.zh, en: b.en, extra: { competitor: b.competitor } })),
    ...COLOURS.map((c) => ({ kind: 'colour', code: c.code, zh: c.zh, en: c.en })),
    ...ABANDON_REASONS,
    ...DISSATISFACTION_REASONS,
    ...CHURN_REASONS,
    ...SOLICITATION_FAIL_REASONS,
    ...COMPLAINT_CATEGORIES,
    ...COMPLAINT_SOURCES,
    ...ACTIVITY_TYPES,
    ...OCCUPATIONS,
  ];
}

/**
 * Writes the standard dictionaries: `onlyMissingKinds` (start-up) fills a kind only when it has no
 * rows at all, so an administrator's edits and deactivations stay; the demo seeder adds any missing
 * code. Sort values step by 10 in list order, leaving room for entries added between them.
 */
export function insertStandardDictionaries(sqlite: Sqlite, opts: { onlyMissingKinds: boolean }): void {
  const ins = sqlite.prepare('INSERT OR IGNORE INTO dictionaries (kind, code, label_zh, label_en, sort, active, extra) VALUES (?, ?, ?, ?, ?, 1, ?)');
  const has = sqlite.prepare('SELECT 1 FROM dictionaries WHERE kind = ? LIMIT 1').pluck();
  sqlite.transaction(() => {
    const sortByKind = new Map<string, number>();
    const skip = new Set<string>();
    for (const d of allDictionaries()) {
      if (!sortByKind.has(d.kind) && opts.onlyMissingKinds && has.get(d.kind)) skip.add(d.kind);
      const sort = (sortByKind.get(d.kind) ?? 0) + 10;
      sortByKind.set(d.kind, sort);
      if (!skip.has(d.kind)) ins.run(d.kind, d.code, d.zh, d.en, sort, d.extra ? JSON.stringify(d.extra) : null);
    }
  })();
}
