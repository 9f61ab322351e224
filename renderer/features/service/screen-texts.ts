import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const SERVICE_SCREEN_TEXTS = defineTexts({
  'service.workbench.title': { 'zh-CN': '客服工作台', en: 'Agent workbench' },
  'service.workbench.description': { 'zh-CN': '今天到期和逾期的回访、提醒、招揽、低分跟进与预约任务;经理可查看各顾问负荷并重新分配。', en: 'Today\'s and overdue revisits, reminders, solicitations, low-score follow-ups and appointments; managers see each agent\'s load and reassign.' },
  'service.salesRevisits.title': { 'zh-CN': '销售回访', en: 'Sales revisits' },
  'service.salesRevisits.description': { 'zh-CN': '新车交付后(通常 3 天内)按销售回访模板致电客户,记录满意度和不满意原因。', en: 'Call customers after delivery (usually within 3 days) with a sales revisit template; record satisfaction and reasons for dissatisfaction.' },
  'service.repairRevisits.title': { 'zh-CN': '维修回访', en: 'Repair revisits' },
  'service.repairRevisits.description': { 'zh-CN': '维修结算后按维修回访模板回访客户,客户不满意时自动标记“需再次回访”。', en: 'Call customers after a repair with a repair revisit template; dissatisfied customers are marked for another revisit automatically.' },
  'service.reminders.title': { 'zh-CN': '提醒服务', en: 'Reminders' },
  'service.reminders.description': { 'zh-CN': '首保、常规保养、专项保养提醒,保险、年检、驾照到期提醒,以及流失客户预警。', en: 'First service, regular and mileage service reminders; insurance, inspection and licence expiry reminders; churn warnings.' },
  'service.appointments.title': { 'zh-CN': '预约管理', en: 'Appointments' },
  'service.appointments.description': { 'zh-CN': '登记和管理维修保养预约,包括对到期客户的主动预约。', en: 'Service appointments, including proactive appointments for customers who are due.' },
  'service.complaints.title': { 'zh-CN': '投诉建议', en: 'Complaints and suggestions' },
  'service.complaints.description': { 'zh-CN': '受理客户投诉和建议并跟踪处理;处理结果一经登记不可修改。', en: 'Take complaints and suggestions and follow them up; a recorded result cannot be changed.' },
  'service.solicitation.title': { 'zh-CN': '招揽任务', en: 'Solicitation tasks' },
  'service.solicitation.description': { 'zh-CN': '生成和分配招揽任务单(未分配、已分配、招揽中、招揽成功),统计招揽率。', en: 'Create and assign solicitation tasks (unassigned, assigned, in progress, successful) and measure the solicitation rate.' },
  'service.surveys.title': { 'zh-CN': '满意度调查', en: 'Satisfaction surveys' },
  'service.surveys.description': { 'zh-CN': '导入厂家 CSI(销售)/ SSI(售后)满意度调查结果;低分和不满意自动生成低分跟进任务。', en: 'Import the manufacturer\'s CSI (sales) / SSI (service) results; low and dissatisfied scores become low-score follow-ups.' },
  'service.taskPool.title': { 'zh-CN': '任务分配', en: 'Task assignment' },
  'service.taskPool.description': { 'zh-CN': '把客服任务(夜间自动生成的任务先进入未分配)分配给客服顾问:勾选或按筛选全部,可平均分配给多人。', en: 'Hand agents\' tasks out (the night\'s generated tasks wait unassigned): ticked rows or all matching, evenly over several agents.' },
});
