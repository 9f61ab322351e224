import { defineTexts } from '../../../../common/i18n/texts';

/**
 * The service data sets' column labels (预约, 投诉, 提醒, 回访, 客服任务, 招揽, 满意度), zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** appointments.ts */
export const APPOINTMENT_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  date: { 'zh-CN': '预约日期', en: 'Date' },
  slot: { 'zh-CN': '时段', en: 'Slot' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  proactive: { 'zh-CN': '主动预约', en: 'Proactive' },
  advisorName: { 'zh-CN': '服务顾问', en: 'Advisor' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  createdAt: { 'zh-CN': '登记时间', en: 'Booked at' },
  status: { 'zh-CN': '状态', en: 'Status' },
});

/** complaints.ts */
export const COMPLAINT_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  source: { 'zh-CN': '来源', en: 'Source' },
  category: { 'zh-CN': '类别', en: 'Category' },
  status: { 'zh-CN': '状态', en: 'Status' },
  description: { 'zh-CN': '投诉内容', en: 'Description' },
  assigneeName: { 'zh-CN': '处理人', en: 'Assignee' },
  result: { 'zh-CN': '处理结果', en: 'Result' },
  createdAt: { 'zh-CN': '登记时间', en: 'Registered' },
  closedAt: { 'zh-CN': '结案时间', en: 'Closed' },
});

/** reminder-birthdays.ts */
export const REMINDER_BIRTHDAY_COLUMNS = defineTexts({
  id: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  birthdayMd: { 'zh-CN': '生日', en: 'Birthday' },
  birthday: { 'zh-CN': '出生日期', en: 'Born' },
  model: { 'zh-CN': '车型', en: 'Model' },
  city: { 'zh-CN': '城市', en: 'City' },
  ownerName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
});

/** reminder-vehicles.ts */
export const REMINDER_VEHICLE_COLUMNS = defineTexts({
  mileage: { 'zh-CN': '上次里程', en: 'Last km' },
  mileageDate: { 'zh-CN': '里程日期', en: 'Km read on' },
  avgKmPerDay: { 'zh-CN': '日均里程', en: 'km / day' },
  figure: { 'zh-CN': '进厂次数', en: 'Visits' },
  lastServiceDate: { 'zh-CN': '末次进厂', en: 'Last visit' },
  id: { 'zh-CN': '车辆编号', en: 'Vehicle ID' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  model: { 'zh-CN': '车型', en: 'Model' },
  vin: { 'zh-CN': 'VIN', en: 'VIN' },
  city: { 'zh-CN': '城市', en: 'City' },
  ownerName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  estimatedKm: { 'zh-CN': '估算里程', en: 'Est. km' },
});

/** revisit-events.ts */
export const REVISIT_EVENT_COLUMNS = defineTexts({
  roNumber: { 'zh-CN': '工单号', en: 'RO' },
  items: { 'zh-CN': '维修项目', en: 'Repair items' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  model: { 'zh-CN': '车型', en: 'Model' },
  attempts: { 'zh-CN': '未接通次数', en: 'Unreached' },
  result: { 'zh-CN': '回访结果', en: 'Result' },
  score: { 'zh-CN': '得分', en: 'Score' },
  ownerName: { 'zh-CN': '销售顾问', en: 'Consultant' },
  agentName: { 'zh-CN': '回访人', en: 'Agent' },
});

/** service-tasks.ts */
export const SERVICE_TASK_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  customerId: { 'zh-CN': '客户编号', en: 'Customer ID' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  kind: { 'zh-CN': '任务类型', en: 'Kind' },
  dueDate: { 'zh-CN': '到期日', en: 'Due' },
  status: { 'zh-CN': '状态', en: 'Status' },
  assigneeName: { 'zh-CN': '客服顾问', en: 'Agent' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  priority: { 'zh-CN': '优先级', en: 'Priority' },
});

/** solicitation-tasks.ts */
export const SOLICITATION_TASK_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  kind: { 'zh-CN': '任务类型', en: 'Kind' },
  customerName: { 'zh-CN': '客户姓名', en: 'Customer' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  windowStart: { 'zh-CN': '招揽开始', en: 'Window from' },
  windowEnd: { 'zh-CN': '招揽截止', en: 'Window to' },
  status: { 'zh-CN': '招揽状态', en: 'State' },
  assigneeName: { 'zh-CN': '招揽人', en: 'Agent' },
  failReason: { 'zh-CN': '失败原因', en: 'Fail reason' },
  createdAt: { 'zh-CN': '任务生成日期', en: 'Created' },
});

/** surveys.ts */
export const SURVEY_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  surveyDate: { 'zh-CN': '调查日期', en: 'Survey date' },
  customerName: { 'zh-CN': '客户姓名', en: 'Customer' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  plate: { 'zh-CN': '车牌', en: 'Plate' },
  score: { 'zh-CN': '分数', en: 'Score' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  comment: { 'zh-CN': '客户意见', en: 'Comment' },
  source: { 'zh-CN': '来源文件', en: 'Source file' },
  createdAt: { 'zh-CN': '导入时间', en: 'Imported' },
  kind: { 'zh-CN': '调查类型', en: 'Survey' },
  followUp: { 'zh-CN': '低分跟进', en: 'Follow-up' },
});

/** A service task's state (tasks.status). */
export const SERVICE_TASK_STATUS = defineTexts({
  open: { 'zh-CN': '待处理', en: 'Open' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  failed: { 'zh-CN': '未成功', en: 'Failed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
});

/** 招揽任务's kind: generated from the service rule, or imported from a manufacturer's campaign list. */
export const SOLICITATION_KIND = defineTexts({
  regular_service: { 'zh-CN': '常规保养', en: 'Regular service' },
  campaign: { 'zh-CN': '厂家活动', en: 'Campaign' },
});

/** A booking's state as the list shows it (a booking whose slot is over shows as no_show). */
export const APPOINTMENT_STATUS = defineTexts({
  booked: { 'zh-CN': '已预约', en: 'Booked' },
  arrived: { 'zh-CN': '已到店', en: 'Arrived' },
  no_show: { 'zh-CN': '未到店', en: 'No-show' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
});

/** 调查类型: the manufacturer's sales (CSI) or after-sales (SSI) survey. */
export const SURVEY_KIND = defineTexts({
  csi: { 'zh-CN': 'CSI 销售', en: 'CSI (sales)' },
  ssi: { 'zh-CN': 'SSI 售后', en: 'SSI (service)' },
});

/** 低分跟进: the state of the low-score follow-up task a survey made. */
export const SURVEY_FOLLOW_UP = defineTexts({
  open: { 'zh-CN': '跟进中', en: 'Open' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
});
