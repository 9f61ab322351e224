/**
 * 决策分析 → 呼叫中心's texts, zh-CN first (the shared dictionaries take them in under 'anc.').
 * Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const CALLS_TEXTS = defineTexts({
  'title': { 'zh-CN': '呼叫中心分析', en: 'Call centre' },
  'agent': { 'zh-CN': '坐席', en: 'Agent' },
  'allAgents': { 'zh-CN': '全部坐席', en: 'All agents' },
  'overview': { 'zh-CN': '接听与外呼', en: 'Answered and outbound calls' },
  'calls': { 'zh-CN': '通话合计', en: 'All calls' },
  'inbound': { 'zh-CN': '呼入', en: 'Inbound' },
  'inboundAnswered': { 'zh-CN': '呼入已接', en: 'Inbound answered' },
  'inboundMissed': { 'zh-CN': '呼入未接', en: 'Inbound missed' },
  'answerRate': { 'zh-CN': '呼入接通率', en: 'Answer rate' },
  'serviceLevel': { 'zh-CN': '服务水平(20 秒内接听)', en: 'Service level (answered within 20 s)' },
  'missedCalledBack': { 'zh-CN': '未接已回拨(24 小时内)', en: 'Missed, called back within 24 h' },
  'missedNotCalledBack': { 'zh-CN': '未接未回拨', en: 'Missed, not called back' },
  'outbound': { 'zh-CN': '呼出', en: 'Outbound' },
  'outboundConnected': { 'zh-CN': '呼出接通', en: 'Outbound connected' },
  'connectRate': { 'zh-CN': '外呼接通率', en: 'Outbound connect rate' },
  'avgAnswerSeconds': { 'zh-CN': '平均振铃时长', en: 'Average time to answer' },
  'medianAnswerSeconds': { 'zh-CN': '振铃时长中位数', en: 'Median time to answer' },
  'talkSeconds': { 'zh-CN': '通话总时长', en: 'Total talk time' },
  'avgTalkSeconds': { 'zh-CN': '平均通话时长', en: 'Average talk time' },
  'overviewNote': {
    'zh-CN': '按通话开始时间(经销商时区)计入统计周期。接通率 = 已接 ÷ 呼入;服务水平 = 振铃 20 秒内接听 ÷ 呼入;未接已回拨 = 24 小时内向同一客户(无客户时同一号码)有呼出电话;通话时长只计接通的通话。点击数字或比率查看通话记录。',
    en: 'A call counts in the period of the dealer\'s day it started on. Answer rate = answered ÷ inbound; service level = answered within 20 s of ringing ÷ inbound; a missed call is called back when the same customer (or, with no customer, the same number) was called within 24 h; talk time counts connected calls only. A number or rate opens its calls.',
  },
  'byHour': { 'zh-CN': '按小时分布', en: 'Calls by hour' },
  'hour': { 'zh-CN': '时段', en: 'Hour' },
  'hourLabel': { 'zh-CN': '{h}:00', en: '{h}:00' },
  'noCalls': { 'zh-CN': '本期没有通话', en: 'No calls in the period' },
  'agents': { 'zh-CN': '坐席通话', en: 'Calls per agent' },
  'agentsNote': { 'zh-CN': '坐席 = 拨打或接听电话的用户;没有用户的通话(如主机直接呼出)只计入合计。点击列标题排序。', en: 'The agent is the user who made or took the call; a call with no user (the host\'s own) counts in the totals only. Click a header to sort.' },
  'sortBy': { 'zh-CN': '按{col}排序', en: 'Sort by {col}' },
  'outcomes': { 'zh-CN': '通话结果', en: 'Call outcomes' },
  'outcome': { 'zh-CN': '结果', en: 'Outcome' },
  'noOutcome': { 'zh-CN': '未记录结果', en: 'No outcome recorded' },
  'outcomesNote': { 'zh-CN': '业务结果由坐席在通话后选择;未选择时为通话的技术结果(未接、无人接听、忙…)。', en: 'The agent picks a business outcome after the call; without one the call keeps its technical end (missed, no answer, busy…).' },
  'seconds': { 'zh-CN': '{n} 秒', en: '{n} s' },
  'minutes': { 'zh-CN': '{n} 分钟', en: '{n} min' },
  'drill.records': { 'zh-CN': '通话记录', en: 'Calls' },
});
