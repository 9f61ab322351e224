import { defineTexts } from '../i18n/texts';

/**
 * Labels of the sales contract's fixed lists, keyed by the stored value, zh-CN first: the funnel's
 * stages (electron/common/stages.ts), activity types and states, and the showroom's visit modes.
 * The contract, the sales data sets and the renderer's forms read them from here.
 */

/** 流程状态, in the funnel's order. */
export const STAGE = defineTexts({
  initial_contact: { 'zh-CN': '初次接触', en: 'Initial contact' },
  needs_analysis: { 'zh-CN': '弄清客户需求', en: 'Needs analysis' },
  presentation: { 'zh-CN': '新车展示', en: 'Vehicle presentation' },
  test_drive: { 'zh-CN': '试车', en: 'Test drive' },
  quote_to_close: { 'zh-CN': '从报价到成交', en: 'Quote to close' },
  delivery: { 'zh-CN': '递交新车', en: 'Delivery' },
});

/** activities.type: the same codes as the 'activity_type' dictionary the demo seeds. */
export const ACTIVITY_TYPE = defineTexts({
  call: { 'zh-CN': '电话', en: 'Call' },
  visit: { 'zh-CN': '到店', en: 'Visit' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  email: { 'zh-CN': '邮件', en: 'Email' },
  test_drive: { 'zh-CN': '试乘试驾', en: 'Test drive' },
  quote: { 'zh-CN': '报价', en: 'Quote' },
  other: { 'zh-CN': '其它', en: 'Other' },
});

/** activities.status. */
export const ACTIVITY_STATUS = defineTexts({
  planned: { 'zh-CN': '计划', en: 'Planned' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
});

/** 模式 of a showroom visit, by its number (1 and 2 are first visits, 3 and 4 return visits). */
export const VISIT_MODE = defineTexts({
  '1': { 'zh-CN': '自然客流(非邀约自然来店)', en: 'Walk-in (not invited)' },
  '2': { 'zh-CN': 'DCC首次邀约客流', en: 'DCC first invitation' },
  '3': { 'zh-CN': '展厅组再次邀约来店', en: 'Return visit invited by the showroom team' },
  '4': { 'zh-CN': 'DCC组再次邀约来店', en: 'Return visit invited by the DCC team' },
});
