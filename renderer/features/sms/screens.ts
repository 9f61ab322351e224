import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const smsScreens = defineScreens({
  'sms.send': {
    order: 10,
    title: { zh: '短信发送', en: 'Send SMS' },
    description: {
      zh: '向单个或批量客户发送短信,支持定时发送,可选短信网关或短信基站。',
      en: 'Send SMS to one or many customers, now or at a set time, through the SMS gateway or the GSM modem.',
    },
    component: lazyScreen(() => import('./SmsScreens'), 'SmsSendScreen'),
  },
  'sms.templates': {
    order: 20,
    title: { zh: '短信模板', en: 'SMS templates' },
    description: {
      zh: '维护常用短信模板(生日祝福、保养提醒等),发送时自动填入客户信息。',
      en: 'Reusable SMS templates (birthday greetings, service reminders) filled with customer data when sent.',
    },
    component: lazyScreen(() => import('./SmsScreens'), 'SmsTemplatesScreen'),
  },
  'sms.history': {
    order: 30,
    title: { zh: '发送记录', en: 'Sent messages' },
    description: {
      zh: '查询短信发送记录和每条短信的发送状态。',
      en: 'Sent messages and the delivery status of each.',
    },
    component: lazyScreen(() => import('./SmsScreens'), 'SmsHistoryScreen'),
  },
});
