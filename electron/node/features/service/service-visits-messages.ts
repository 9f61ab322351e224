import type { Locale } from '../../../common/i18n/errors';
import { FieldProblems } from '../../field-problems';

/** Messages of the repair-order form and of the RO / survey imports' bad rows, both languages side by side. */
export const CARE_MESSAGES = {
  'visit.vehicle': { 'zh-CN': '找不到该车辆(车架号或车牌)', en: 'No such vehicle (VIN or plate)' },
  'visit.date': { 'zh-CN': '日期无效,请写成 2026-11-30', en: 'Not a valid date: write it as 2026-11-30' },
  'visit.future': { 'zh-CN': '维修日期 {date} 晚于今天', en: 'The visit date {date} is after today' },
  'visit.beforeDelivery': { 'zh-CN': '维修日期 {date} 早于交车日期 {delivery}', en: 'The visit date {date} is before the delivery ({delivery})' },
  'visit.type': { 'zh-CN': '维修类型无效(首保、常规保养、维修、事故、保修、其它)', en: 'Unknown visit type (first service, regular service, repair, accident, warranty, other)' },
  'visit.mileage': { 'zh-CN': '里程须为 0–2,000,000 的整数', en: 'Mileage must be a whole number from 0 to 2,000,000' },
  'visit.mileageBack': { 'zh-CN': '里程 {mileage} 小于 {date} 已记录的 {last} 公里', en: 'Mileage {mileage} is below the {last} km already recorded on {date}' },
  'visit.roTaken': { 'zh-CN': '工单号 {ro} 已存在', en: 'Repair order {ro} already exists' },
  'visit.advisor': { 'zh-CN': '请选择在职的服务顾问', en: 'Pick an active service advisor' },
  'survey.kind': { 'zh-CN': '调查类型须为 CSI(销售)或 SSI(售后)', en: 'Survey type must be CSI (sales) or SSI (service)' },
  'survey.score': { 'zh-CN': '分数须为 0–100 的数字', en: 'The score must be a number from 0 to 100' },
  'survey.match': { 'zh-CN': '车架号、车牌、电话都找不到对应客户', en: 'No customer matches the VIN, plate or phone' },
  'survey.phoneShared': { 'zh-CN': '电话 {phone} 属于多位客户,请提供车架号或车牌', en: 'The phone {phone} belongs to several customers: give the VIN or plate' },
  'survey.assignee': { 'zh-CN': '请选择在职的客服顾问', en: 'Pick an active customer-service agent' },
  'survey.dissatisfied': { 'zh-CN': '“是否不满意”请填 是/否', en: '“Dissatisfied” must be yes or no' },
  'solicitation.failReasonDict': { 'zh-CN': '请从列表中选择失败原因', en: 'Pick the reason from the list' },
  'solicitation.noVisit': {
    'zh-CN': '招揽期 {from} 至 {to} 内没有该车进厂记录:招揽成功以进厂为准,请先录入维修工单',
    en: 'No service visit between {from} and {to}: success means the car came in, so record the repair order first',
  },
  'solicitation.closed': { 'zh-CN': '该招揽任务已结束', en: 'This solicitation task is finished' },
  'workbench.repairingLowScoreOnly': { 'zh-CN': '“修复中”只用于低分跟进', en: '“Being repaired” applies to low-score follow-ups only' },
  'import.file': { 'zh-CN': '无法读取文件:请上传 .xlsx 或 .csv', en: 'Cannot read the file: upload an .xlsx or .csv' },
  'import.empty': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'import.tooMany': { 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows at a time' },
  'import.columns': { 'zh-CN': '第一行缺少列:{columns}', en: 'The first row lacks the columns: {columns}' },
} as const satisfies Record<string, Record<Locale, string>>;
export type CareMessageKey = keyof typeof CARE_MESSAGES;

export class CareProblems extends FieldProblems<CareMessageKey> {
  constructor(locale: Locale) {
    super(locale, CARE_MESSAGES);
  }
}
