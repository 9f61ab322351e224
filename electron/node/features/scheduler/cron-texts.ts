import { defineTexts } from '../../../common/i18n/texts';

/** Why a cron expression is refused: the message under the cron field and the parser's reasons. */
export const CRON_TEXTS = defineTexts({
  refused: {
    'zh-CN': 'cron 表达式无效(须为 5 段:分 时 日 月 周):{reason}',
    en: 'Invalid cron expression (5 fields: minute hour day month weekday): {reason}',
  },
  fieldCount: {
    'zh-CN': '应为 5 段,实际 {count} 段',
    en: 'expected 5 fields, got {count}',
  },
  // node-cron names the field; an unknown name (none today) gets the value alone.
  valueInvalid: { 'zh-CN': '"{value}" 无效', en: '"{value}" is not valid' },
  fieldInvalid: { 'zh-CN': '{field}字段 "{value}" 无效(允许 {range})', en: '{field} "{value}" is not valid ({range})' },
  unknown: { 'zh-CN': '无法识别', en: 'not a cron expression' },
  minute: { 'zh-CN': '分', en: 'minute' },
  hour: { 'zh-CN': '时', en: 'hour' },
  dayOfMonth: { 'zh-CN': '日', en: 'day of month' },
  month: { 'zh-CN': '月', en: 'month' },
  dayOfWeek: { 'zh-CN': '周', en: 'day of week' },
});
