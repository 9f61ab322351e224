/**
 * The kinds of work an after-sales agent gets as tasks (tasks.kind), with their labels. Shared by
 * both sides: the rules that create tasks, the agent's workbench that lists them, and the renderer.
 */
export const SERVICE_TASK_KINDS = [
  { code: 'revisit_sales', zh: '销售回访', en: 'Sales revisit' },
  { code: 'revisit_repair', zh: '维修回访', en: 'Repair revisit' },
  { code: 'low_score', zh: '低分跟进', en: 'Low-score follow-up' },
  { code: 'first_service', zh: '首保提醒', en: 'First service reminder' },
  { code: 'regular_service', zh: '常规保养提醒', en: 'Regular service reminder' },
  { code: 'mileage_service', zh: '专项保养提醒', en: 'Mileage service reminder' },
  { code: 'expiry_insurance', zh: '保险到期', en: 'Insurance expiry' },
  { code: 'expiry_membership', zh: '会员到期', en: 'Membership expiry' },
  { code: 'expiry_inspection', zh: '年检到期', en: 'Annual inspection due' },
  { code: 'expiry_licence', zh: '驾照到期', en: 'Driving licence expiry' },
  { code: 'churn', zh: '流失预警', en: 'Churn warning' },
  { code: 'birthday', zh: '生日关怀', en: 'Birthday' },
  { code: 'appointment_reminder', zh: '预约提醒', en: 'Appointment reminder' },
] as const;

export type ServiceTaskKind = (typeof SERVICE_TASK_KINDS)[number]['code'];

export const SERVICE_TASK_KIND_CODES: readonly ServiceTaskKind[] = SERVICE_TASK_KINDS.map((k) => k.code);

export function isServiceTaskKind(v: string): v is ServiceTaskKind {
  return (SERVICE_TASK_KIND_CODES as readonly string[]).includes(v);
}
