import { defineTexts } from '../i18n/texts';

/**
 * Labels of the after-sales contract's fixed lists, keyed by the stored value, zh-CN first: the
 * kinds of service task (electron/common/service-tasks.ts), service-visit types, solicitation
 * states and complaint states. The contract, the service data sets, the task rules and the
 * renderer read them from here.
 */

/** tasks.kind: the kinds of work an after-sales agent gets as tasks. */
export const SERVICE_TASK_KIND = defineTexts({
  revisit_sales: { 'zh-CN': '销售回访', en: 'Sales revisit' },
  revisit_repair: { 'zh-CN': '维修回访', en: 'Repair revisit' },
  low_score: { 'zh-CN': '低分跟进', en: 'Low-score follow-up' },
  first_service: { 'zh-CN': '首保提醒', en: 'First service reminder' },
  regular_service: { 'zh-CN': '常规保养提醒', en: 'Regular service reminder' },
  mileage_service: { 'zh-CN': '专项保养提醒', en: 'Mileage service reminder' },
  expiry_insurance: { 'zh-CN': '保险到期', en: 'Insurance expiry' },
  expiry_membership: { 'zh-CN': '会员到期', en: 'Membership expiry' },
  expiry_inspection: { 'zh-CN': '年检到期', en: 'Annual inspection due' },
  expiry_licence: { 'zh-CN': '驾照到期', en: 'Driving licence expiry' },
  churn: { 'zh-CN': '流失预警', en: 'Churn warning' },
  birthday: { 'zh-CN': '生日关怀', en: 'Birthday' },
  appointment_reminder: { 'zh-CN': '预约提醒', en: 'Appointment reminder' },
});

/**
 * tasks.priority, set by a CS manager in 任务分配: within a due day the higher goes first on the
 * workbench and in 作业模式's queues. Stored as a number; keyed here as its text.
 */
export const TASK_PRIORITY = defineTexts({
  '0': { 'zh-CN': '普通', en: 'Normal' },
  '1': { 'zh-CN': '优先', en: 'High' },
  '2': { 'zh-CN': '紧急', en: 'Urgent' },
});
export const TASK_PRIORITIES = [0, 1, 2] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
/** A priority's label ('普通' …) from its stored number. */
export const taskPriorityText = (p: number, locale: string) => TASK_PRIORITY.text(String(p) as '0' | '1' | '2', locale);

/** service_visits.type. */
export const SERVICE_VISIT_TYPE = defineTexts({
  first_service: { 'zh-CN': '首保', en: 'First service' },
  regular_service: { 'zh-CN': '常规保养', en: 'Regular service' },
  repair: { 'zh-CN': '维修', en: 'Repair' },
  accident: { 'zh-CN': '事故', en: 'Accident' },
  warranty: { 'zh-CN': '保修', en: 'Warranty' },
  other: { 'zh-CN': '其它', en: 'Other' },
});

/** solicitation_tasks.status. */
export const SOLICITATION_STATE = defineTexts({
  unassigned: { 'zh-CN': '未分配', en: 'Unassigned' },
  assigned: { 'zh-CN': '已分配', en: 'Assigned' },
  in_progress: { 'zh-CN': '招揽中', en: 'Soliciting' },
  succeeded: { 'zh-CN': '招揽成功', en: 'Succeeded' },
  failed: { 'zh-CN': '招揽失败', en: 'Failed' },
});

/** complaints.status. */
export const COMPLAINT_STATUS = defineTexts({
  open: { 'zh-CN': '待分派', en: 'Open' },
  assigned: { 'zh-CN': '已分派', en: 'Assigned' },
  handling: { 'zh-CN': '处理中', en: 'Handling' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
});
