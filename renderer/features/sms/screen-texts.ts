import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const SMS_SCREEN_TEXTS = defineTexts({
  'sms.send.title': { 'zh-CN': '短信发送', en: 'Send SMS' },
  'sms.send.description': { 'zh-CN': '向单个或批量客户发送短信,支持定时发送,可选短信网关或短信基站。', en: 'Send SMS to one or many customers, now or at a set time, through the SMS gateway or the GSM modem.' },
  'sms.templates.title': { 'zh-CN': '短信模板', en: 'SMS templates' },
  'sms.templates.description': { 'zh-CN': '维护常用短信模板(生日祝福、保养提醒等),发送时自动填入客户信息。', en: 'Reusable SMS templates (birthday greetings, service reminders) filled with customer data when sent.' },
  'sms.history.title': { 'zh-CN': '发送记录', en: 'Sent messages' },
  'sms.history.description': { 'zh-CN': '查询短信发送记录和每条短信的发送状态。', en: 'Sent messages and the delivery status of each.' },
});
