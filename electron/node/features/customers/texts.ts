import { defineTexts } from '../../../common/i18n/texts';

/**
 * 客户 data set's column labels, zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** customers-dataset.ts */
export const CUSTOMER_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'ID' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  phone: { 'zh-CN': '主要电话', en: 'Primary phone' },
  province: { 'zh-CN': '省份', en: 'Province' },
  city: { 'zh-CN': '城市', en: 'City' },
  source: { 'zh-CN': '来源', en: 'Source' },
  occupation: { 'zh-CN': '职业', en: 'Occupation' },
  ownerName: { 'zh-CN': '所属顾问', en: 'Owner' },
  birthdayMd: { 'zh-CN': '生日(月-日)', en: 'Birthday (MM-DD)' },
  birthday: { 'zh-CN': '生日', en: 'Birthday' },
  idNumber: { 'zh-CN': '证件号码', en: 'ID number' },
  dndCall: { 'zh-CN': '免打扰(电话)', en: 'No calls' },
  dndSms: { 'zh-CN': '免打扰(短信)', en: 'No SMS' },
  dndRevisit: { 'zh-CN': '免打扰(回访)', en: 'No revisits' },
  consentStatus: { 'zh-CN': '同意商业信息', en: 'Marketing consent' },
  consentDate: { 'zh-CN': '同意日期', en: 'Consent date' },
  vehicleCount: { 'zh-CN': '车辆数', en: 'Vehicles' },
  vehicleModel: { 'zh-CN': '车型', en: 'Model' },
  vehiclePlate: { 'zh-CN': '车牌', en: 'Plate' },
  lastServiceDate: { 'zh-CN': '最近保养', en: 'Last service' },
  createdAt: { 'zh-CN': '建档时间', en: 'Created' },
});
