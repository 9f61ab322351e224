import { defineTexts } from '../../../common/i18n/texts';

/** Column labels of the analysis data sets and of the columns it adds to 展厅流量 (zh-CN first; the grid sends both). */
export const TRAFFIC_COLUMNS = defineTexts({
  consultantId: { 'zh-CN': '顾问编号', en: 'Consultant ID' },
  customerSource: { 'zh-CN': '客户来源', en: 'Customer source' },
  customerCity: { 'zh-CN': '客户所在城市', en: 'Customer city' },
  customerIdRegion: { 'zh-CN': '身份证地区码', en: 'ID region code' },
  customerOccupation: { 'zh-CN': '客户职业', en: 'Customer occupation' },
  customerPhoneArea: { 'zh-CN': '固定电话区号', en: 'Landline area code' },
  ageBand: { 'zh-CN': '来店时年龄段', en: 'Age band at visit' },
  id: { 'zh-CN': '编号', en: 'ID' },
  visitDate: { 'zh-CN': '来店日期', en: 'Visit date' },
  model: { 'zh-CN': '车型', en: 'Model' },
  count: { 'zh-CN': '人数', en: 'Visitors' },
  consultantName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  createdAt: { 'zh-CN': '录入时间', en: 'Entered' },
});


/** Column labels 销售分析 adds to 销售机会 (opportunities), hidden by default. */
export const SALES_COLUMNS = defineTexts({
  consultantId: { 'zh-CN': '顾问编号', en: 'Consultant ID' },
  closedAt: { 'zh-CN': '关闭时间', en: 'Closed' },
});

/** Column labels of 通话记录 (calls), the list 呼叫中心's figures open. */
export const CALLS_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  startedAt: { 'zh-CN': '开始时间', en: 'Started' },
  direction: { 'zh-CN': '方向', en: 'Direction' },
  userName: { 'zh-CN': '坐席', en: 'Agent' },
  userId: { 'zh-CN': '坐席编号', en: 'Agent ID' },
  extension: { 'zh-CN': '分机', en: 'Extension' },
  fromNumber: { 'zh-CN': '主叫号码', en: 'From' },
  toNumber: { 'zh-CN': '被叫号码', en: 'To' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  ringS: { 'zh-CN': '振铃(秒)', en: 'Ringing (s)' },
  durationS: { 'zh-CN': '通话时长(秒)', en: 'Talk time (s)' },
  outcome: { 'zh-CN': '通话结果', en: 'Outcome' },
  recorded: { 'zh-CN': '有录音', en: 'Recorded' },
});
