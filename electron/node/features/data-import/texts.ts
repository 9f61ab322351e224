import { defineTexts } from '../../../common/i18n/texts';

/** Why an import row is refused or a whole import cannot go on, zh-CN first. */
export const IMPORT_TEXTS = defineTexts({
  'row.name': { 'zh-CN': '姓名必填', en: 'The name is required' },
  'row.contact': { 'zh-CN': '至少需要一个电话号码或一个 VIN', en: 'At least a phone number or a VIN is needed' },
  'row.date': {
    'zh-CN': '无法识别的日期“{value}”:请写成 2026-01-05、2026/1/5 或 2026年1月5日',
    en: 'Not a date: “{value}”. Write it as 2026-01-05, 2026/1/5 or 2026年1月5日',
  },
  'row.kind': { 'zh-CN': '客户类型“{value}”应为 个人 或 公司', en: 'Customer type “{value}” must be individual (个人) or company (公司)' },
  'row.gender': { 'zh-CN': '性别“{value}”应为 男 或 女', en: 'Gender “{value}” must be male (男) or female (女)' },
  'row.owner': {
    'zh-CN': '销售顾问“{value}”不是在职用户(请写用户名或姓名)',
    en: 'Consultant “{value}” is not an active user (write the user name or the name)',
  },
  'row.mileage': { 'zh-CN': '里程“{value}”应为整数公里数', en: 'Mileage “{value}” must be a whole number of km' },
  'row.model': {
    'zh-CN': '车型“{value}”不在数据字典中(系统管理 → 数据字典 → 车型)',
    en: 'Model “{value}” is not in the dictionary (Administration → Dictionaries → models)',
  },
  'row.modelMissing': { 'zh-CN': '有 VIN 时车型必填', en: 'A vehicle with a VIN needs its model' },
  'row.vehicleWithoutVin': { 'zh-CN': '填写了车辆信息但没有 VIN', en: 'Vehicle details without a VIN' },
  'row.vinTaken': {
    'zh-CN': '该 VIN 已登记在客户“{name}”名下,不能再新建',
    en: 'This VIN is already registered to “{name}”: it cannot be created again',
  },
  'row.notVisible': { 'zh-CN': '匹配的客户不在您的查看范围内,已跳过', en: 'The matching customer is outside what you may see: skipped' },
  'row.tooLong': { 'zh-CN': '内容超过 {max} 个字符', en: 'Longer than {max} characters' },
  'kind.individual': { 'zh-CN': '个人', en: 'individual' },
  'kind.company': { 'zh-CN': '公司', en: 'company' },
  'file.noData': { 'zh-CN': '文件中只有表头,没有数据行', en: 'The file has a header row but no data rows' },
  'file.tooMany': { 'zh-CN': '一次最多导入 {max} 行,请把文件分成几份', en: 'At most {max} rows at a time: split the file' },
  'file.mapping': { 'zh-CN': '请先为这些字段选择列:{fields}', en: 'Choose a column for: {fields}' },
  'batch.notDraft': { 'zh-CN': '这次导入已经开始或已结束', en: 'This import has already started or ended' },
  'batch.busy': { 'zh-CN': '另一个导入正在进行,请等它结束', en: 'Another import is running: wait for it to finish' },
  'batch.fileGone': { 'zh-CN': '导入文件已不在(程序重启过?),请重新上传', en: 'The import file is gone (was the program restarted?): upload it again' },
  'batch.notUndoable': { 'zh-CN': '只有已结束的导入可以撤销', en: 'Only a finished import can be undone' },
  'undo.changed': { 'zh-CN': '导入后被修改过', en: 'Changed after the import' },
  'undo.related': { 'zh-CN': '导入后已有新的记录({tables})', en: 'Has new records since the import ({tables})' },
  'undo.phones': { 'zh-CN': '导入后电话号码被修改过', en: 'Phone numbers changed after the import' },
  'undo.vehicles': { 'zh-CN': '导入后车辆被修改过', en: 'Vehicles changed after the import' },
  separator: { 'zh-CN': '、', en: ', ' },
  'template.sheet': { 'zh-CN': '客户', en: 'Customers' },
  'template.file': { 'zh-CN': '客户导入模板', en: 'customer-import-template' },
});
export type ImportTextKey = keyof typeof IMPORT_TEXTS.table;

/** What the records that block an undo are, by their table. */
export const RECORD_TABLE_TEXTS = defineTexts({
  activities: { 'zh-CN': '跟进活动', en: 'activities' },
  appointments: { 'zh-CN': '预约', en: 'appointments' },
  calls: { 'zh-CN': '通话', en: 'calls' },
  churn_records: { 'zh-CN': '流失记录', en: 'churn records' },
  complaints: { 'zh-CN': '投诉', en: 'complaints' },
  deliveries: { 'zh-CN': '交车', en: 'deliveries' },
  opportunities: { 'zh-CN': '销售机会', en: 'opportunities' },
  purchase_intents: { 'zh-CN': '购车意向', en: 'purchase intents' },
  recordings: { 'zh-CN': '通话录音', en: 'recordings' },
  revisits: { 'zh-CN': '回访', en: 'revisits' },
  satisfaction_surveys: { 'zh-CN': '满意度调查', en: 'surveys' },
  service_visits: { 'zh-CN': '维修记录', en: 'repair orders' },
  showroom_visits: { 'zh-CN': '展厅来访', en: 'showroom visits' },
  sms_inbound: { 'zh-CN': '收到的短信', en: 'SMS received' },
  sms_messages: { 'zh-CN': '短信', en: 'SMS' },
  solicitation_tasks: { 'zh-CN': '招揽任务', en: 'solicitation tasks' },
  tasks: { 'zh-CN': '任务', en: 'tasks' },
  test_drive_bookings: { 'zh-CN': '试驾预约', en: 'test drives' },
});
