/**
 * 决策分析 → 售后 / 客服's texts, zh-CN first (the shared dictionaries take them in under 'ana.').
 * Data only: renderer/i18n imports this file.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const AFTERSALES_TEXTS = defineTexts({
  'title': { 'zh-CN': '售后 / 客服分析', en: 'After-sales and customer service' },
  'rates': { 'zh-CN': '回访、招揽与保有客户', en: 'Revisits, solicitation and retention' },
  'ratesNote': {
    'zh-CN': '回访及时率 = 3 天内完成首次回访的交车 / 维修工单 ÷ 应回访数(与审核自查第 6 项同一口径,3 天未满且未回访的不计);招揽率 = 常规保养招揽任务中非未分配 / 已分配的比例(审核自查第 5 项);成功率 = 招揽成功 ÷ 全部;首保回厂率 = 首保到期日(购车后 90 天)在本期内的车辆中,到期后 30 天内(含提前)做了首保的比例,宽限期未满的还会上升;保有客户回厂率 = 本期末前 12 个月内有维修工单的本店购车客户 ÷ 本店购车客户。点击比率查看分子和其余记录。',
    en: 'On-time revisits = deliveries / repair orders revisited within 3 days ÷ those due (the audit\'s check 6; one still inside its 3 days is not counted); solicitation rate = regular-service tasks not left unassigned / assigned (check 5); success rate = succeeded ÷ all; first-service return = of the vehicles whose first service fell due in the period (90 days after purchase), those with a first-service repair order by 30 days after that day (earlier counts too; a period still inside its 30 days rises as cars come); retention = customers who bought here with a repair order in the 12 months to the period\'s end ÷ customers who bought here. A rate opens its numerator and the rest.',
  },
  'revisitSales': { 'zh-CN': '销售回访 3 天完成率', en: 'Sales revisits within 3 days' },
  'revisitRepair': { 'zh-CN': '维修回访 3 天完成率', en: 'Repair revisits within 3 days' },
  'solicitationRate': { 'zh-CN': '招揽率', en: 'Solicitation rate' },
  'solicitationSuccess': { 'zh-CN': '招揽成功率', en: 'Solicitation success rate' },
  'firstServiceReturn': { 'zh-CN': '首保回厂率', en: 'First-service return rate' },
  'retention': { 'zh-CN': '保有客户回厂率', en: 'Retention (customers back in 12 months)' },
  'dissatisfaction': { 'zh-CN': '不满意原因(本期完成的回访)', en: 'Dissatisfaction reasons (revisits done in the period)' },
  'dissatisfied': { 'zh-CN': '不满意回访', en: 'Dissatisfied revisits' },
  'dissatisfactionNote': { 'zh-CN': '一次回访可选多个原因,占比按原因次数计;未填原因的列在最后。', en: 'A revisit may give several reasons; shares are of the reasons given. Revisits without a reason are listed last.' },
  'trend': { 'zh-CN': '不满意趋势', en: 'Dissatisfaction trend' },
  'bucket': { 'zh-CN': '时间段', en: 'Period' },
  'reason': { 'zh-CN': '原因', en: 'Reason' },
  'noReason': { 'zh-CN': '未填原因', en: 'No reason given' },
  'complaints': { 'zh-CN': '投诉(本期受理)', en: 'Complaints (received in the period)' },
  'complaintsTotal': { 'zh-CN': '投诉合计', en: 'Complaints' },
  'category': { 'zh-CN': '类别', en: 'Category' },
  'open': { 'zh-CN': '未结案', en: 'Open' },
  'closed': { 'zh-CN': '已结案', en: 'Closed' },
  'closeHours': { 'zh-CN': '结案时长中位数', en: 'Median time to close' },
  'hours': { 'zh-CN': '{n} 小时', en: '{n} h' },
  'complaintsNote': { 'zh-CN': '结案时长 = 结案时间 − 受理时间,只计已结案的投诉;未结案的另列。', en: 'Time to close = closed − received, closed complaints only; open ones are listed apart.' },
  'reminders': { 'zh-CN': '提醒 → 预约 → 到店', en: 'Reminders → appointments → arrivals' },
  'remindersNote': {
    'zh-CN': '提醒 = 本期生成且未取消的提醒任务;预约 = 预约单注明该任务,或该客户在提醒后 14 天内的预约;到店 = 其中已到店的预约。',
    en: 'Reminders = reminder tasks created in the period, not cancelled; appointment = a booking naming the task, or the customer\'s booking within 14 days after the reminder; arrival = such a booking that arrived.',
  },
  'kind': { 'zh-CN': '提醒类型', en: 'Reminder' },
  'sent': { 'zh-CN': '提醒', en: 'Reminded' },
  'appointed': { 'zh-CN': '预约', en: 'Booked' },
  'arrived': { 'zh-CN': '到店', en: 'Arrived' },
  'appointmentRate': { 'zh-CN': '预约率', en: 'Booking rate' },
  'arrivalRate': { 'zh-CN': '到店率', en: 'Arrival rate' },
  'churn': { 'zh-CN': '流失原因(本期登记)', en: 'Churn reasons (recorded in the period)' },
  'churned': { 'zh-CN': '流失客户', en: 'Churned customers' },
  'empty': { 'zh-CN': '本期没有记录', en: 'Nothing in this period' },
  'drill.records': { 'zh-CN': '明细', en: 'Records' },
});
