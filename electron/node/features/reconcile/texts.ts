import { defineTexts } from '../../../common/i18n/texts';

/** 厂家漏斗核对's refusals and row problems (zh-CN first). */
export const RECONCILE_TEXTS = defineTexts({
  period: { 'zh-CN': '核对期间的开始不能晚于结束', en: 'The period must start before it ends' },
  unreadable: { 'zh-CN': '无法读取文件:请上传 .xlsx 或 .csv', en: 'Cannot read the file: upload an .xlsx or .csv' },
  columns: {
    'zh-CN': '第一行须有“姓名”“电话”“到店日期”列(找不到:{missing})',
    en: 'The first row needs name, phone and visit date columns (missing: {missing})',
  },
  noRows: { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  tooMany: { 'zh-CN': '一次最多核对 {max} 行', en: 'At most {max} rows at a time' },
  'row.date': { 'zh-CN': '到店日期无法识别:“{value}”', en: 'Not a visit date: “{value}”' },
  'row.phoneAndName': { 'zh-CN': '既没有电话也没有姓名', en: 'Neither a phone nor a name' },
  'col.name': { 'zh-CN': '姓名', en: 'name' },
  'col.phone': { 'zh-CN': '电话', en: 'phone' },
  'col.visitDate': { 'zh-CN': '到店日期', en: 'visit date' },
});
