/**
 * 决策分析 → 销售分析's texts, zh-CN first (the shared dictionaries take them in under 'ans.').
 * Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const SALES_SCREEN_TEXTS = defineTexts({
  'title': { 'zh-CN': '销售分析', en: 'Sales analysis' },
  'daily': { 'zh-CN': '留档与成交(日报口径)', en: 'Registration and closing (as the daily report counts them)' },
  'dailyNote': {
    'zh-CN': '新增潜客 = 有销售顾问的首次来店登记;未留档 = 有销售顾问的未留档人数;新增成交 = 本期递交新车。留档率 = 新增潜客 ÷ (新增潜客 + 未留档);成交率 = 新增成交 ÷ (新增成交 + 新增潜客)。没有可除的数时显示"—"。',
    en: 'New prospects = registered first visits with a consultant; walk-ins = unregistered visitors with a consultant; new sales = cars delivered in the period. Registration rate = new prospects ÷ (new prospects + walk-ins); closing rate = new sales ÷ (new sales + new prospects). "—" when there is nothing to divide by.',
  },
  'newProspects': { 'zh-CN': '新增潜客', en: 'New prospects' },
  'walkIns': { 'zh-CN': '未留档', en: 'Walk-ins' },
  'deals': { 'zh-CN': '新增成交', en: 'New sales' },
  'registrationRate': { 'zh-CN': '留档率', en: 'Registration rate' },
  'closingRate': { 'zh-CN': '成交率', en: 'Closing rate' },
  'funnel': { 'zh-CN': '销售漏斗转化(本期新建的销售机会)', en: 'Funnel conversion (opportunities opened in the period)' },
  'funnelNote': {
    'zh-CN': '到达 = 本期新建、当前处于该阶段或之后阶段的销售机会;转化率 = 到达本阶段 ÷ 到达上一阶段。',
    en: 'Reached = opportunities opened in the period that now stand at this stage or a later one; conversion = reached this stage ÷ reached the stage before.',
  },
  'stage': { 'zh-CN': '阶段', en: 'Stage' },
  'reached': { 'zh-CN': '到达', en: 'Reached' },
  'conversion': { 'zh-CN': '转化率', en: 'Conversion' },
  'previousReached': { 'zh-CN': '对比期到达', en: 'Reached (compared)' },
  'previousConversion': { 'zh-CN': '对比期转化率', en: 'Conversion (compared)' },
  'lost': { 'zh-CN': '战败原因(本期放弃的销售机会)', en: 'Lost reasons (opportunities abandoned in the period)' },
  'lostTotal': { 'zh-CN': '放弃合计', en: 'Abandoned in all' },
  'reason': { 'zh-CN': '原因', en: 'Reason' },
  'count': { 'zh-CN': '数量', en: 'Count' },
  'share': { 'zh-CN': '占比', en: 'Share' },
  'cumulative': { 'zh-CN': '累计占比', en: 'Cumulative' },
  'noReason': { 'zh-CN': '未填原因', en: 'No reason given' },
  'lostEmpty': { 'zh-CN': '本期没有放弃的销售机会。', en: 'No opportunity was abandoned in this period.' },
  'drill.opportunities': { 'zh-CN': '销售机会', en: 'Opportunities' },
});
