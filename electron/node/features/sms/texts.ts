import { defineTexts } from '../../../common/i18n/texts';

/**
 * 短信模板 data set's column labels, zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** templates-dataset.ts */
export const SMS_TEMPLATE_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  name: { 'zh-CN': '模板名称', en: 'Name' },
  category: { 'zh-CN': '类别', en: 'Category' },
  purpose: { 'zh-CN': '短信类型', en: 'Kind' },
  body: { 'zh-CN': '短信内容', en: 'Text' },
  active: { 'zh-CN': '状态', en: 'State' },
  updatedAt: { 'zh-CN': '修改时间', en: 'Updated' },
});

/** What a template is for: 服务通知 goes to every customer, 营销 only to those who gave consent. */
export const SMS_TEMPLATE_PURPOSE = defineTexts({
  service: { 'zh-CN': '服务通知', en: 'Service notice' },
  marketing: { 'zh-CN': '营销', en: 'Marketing' },
});

/** A template's state: offered ('1') or withdrawn ('0'). */
export const SMS_TEMPLATE_STATE = defineTexts({
  '1': { 'zh-CN': '启用', en: 'Active' },
  '0': { 'zh-CN': '停用', en: 'Inactive' },
});

/** The SMS feature's scheduled job (scheduled-job.ts) as the 定时任务 screen shows it. */
export const SMS_JOB_LABELS = defineTexts({
  'sms.dueBatches': { 'zh-CN': '定时短信发送', en: 'Scheduled SMS batches' },
});
