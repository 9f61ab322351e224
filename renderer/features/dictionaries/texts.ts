/**
 * 系统管理 → 数据字典 texts, zh-CN first and English second. The shared dictionaries take them in
 * under the prefix 'dicts.'. Data only.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const DICTIONARY_TEXTS = defineTexts({
  'lists': { 'zh-CN': '字典', en: 'Lists' },
  'items': { 'zh-CN': '{active}/{items} 项启用', en: '{active} of {items} offered' },
  'fixed': { 'zh-CN': '编码由程序固定', en: 'Codes fixed by the program' },
  'add': { 'zh-CN': '新增项目', en: 'New item' },
  'edit': { 'zh-CN': '编辑', en: 'Edit' },
  'addTitle': { 'zh-CN': '新增“{list}”项目', en: 'New item of “{list}”' },
  'editTitle': { 'zh-CN': '编辑“{list}”项目', en: 'Edit an item of “{list}”' },
  'code': { 'zh-CN': '编码', en: 'Code' },
  'codeHint': { 'zh-CN': '记录中保存的值:小写字母开头,可含小写字母、数字和下划线;保存后不可更改', en: 'The value records store: a lower-case letter first, then letters, digits and _; it cannot change once saved' },
  'codeInvalid': { 'zh-CN': '编码只能用小写字母、数字和下划线,并以字母开头(最多 40 个字符)', en: 'A code has lower-case letters, digits and _ only, starting with a letter (40 characters at most)' },
  'zh': { 'zh-CN': '中文名称', en: 'Chinese name' },
  'en': { 'zh-CN': '英文名称', en: 'English name' },
  'labelRequired': { 'zh-CN': '请填写名称(最多 60 个字)', en: 'Enter a name (60 characters at most)' },
  'sort': { 'zh-CN': '顺序', en: 'Order' },
  'sortHint': { 'zh-CN': '下拉列表按此数字从小到大排列', en: 'Drop-down lists show items by this number, smallest first' },
  'sortInvalid': { 'zh-CN': '请填写 0–9999 的整数', en: 'Enter a whole number from 0 to 9999' },
  'active': { 'zh-CN': '启用(在下拉列表中提供)', en: 'Offered in drop-down lists' },
  'activeHint': { 'zh-CN': '停用后新记录不能再选,已有记录保留原值', en: 'Once retired it cannot be picked for new records; existing records keep it' },
  'save': { 'zh-CN': '保存', en: 'Save' },
  'saved': { 'zh-CN': '已保存“{name}”', en: 'Saved “{name}”' },
  'pick': { 'zh-CN': '请先在左侧选择一个字典', en: 'Pick a list on the left first' },
  'openHint': { 'zh-CN': '双击一行可编辑', en: 'Double-click a row to edit it' },
  'kind.source': { 'zh-CN': '客户来源', en: 'Customer source' },
  'kind.model': { 'zh-CN': '车型', en: 'Model' },
  'kind.brand': { 'zh-CN': '品牌', en: 'Brand' },
  'kind.colour': { 'zh-CN': '颜色', en: 'Colour' },
  'kind.abandon_reason': { 'zh-CN': '放弃原因', en: 'Abandon reason' },
  'kind.dissatisfaction_reason': { 'zh-CN': '不满意原因', en: 'Dissatisfaction reason' },
  'kind.churn_reason': { 'zh-CN': '流失原因', en: 'Churn reason' },
  'kind.solicitation_fail_reason': { 'zh-CN': '招揽失败原因', en: 'Solicitation failure reason' },
  'kind.complaint_category': { 'zh-CN': '投诉类别', en: 'Complaint category' },
  'kind.complaint_source': { 'zh-CN': '投诉来源', en: 'Complaint source' },
  'kind.activity_type': { 'zh-CN': '跟进方式', en: 'Follow-up type' },
  'kind.occupation': { 'zh-CN': '职业', en: 'Occupation' },
});
