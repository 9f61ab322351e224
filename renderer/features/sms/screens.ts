import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { SMS_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const smsScreens = defineScreens({
  'sms.send': {
    order: 10,
    title: SMS_SCREEN_TEXTS.pair('sms.send.title'),
    description: SMS_SCREEN_TEXTS.pair('sms.send.description'),
    component: lazyScreen(() => import('./SmsScreens'), 'SmsSendScreen'),
  },
  'sms.templates': {
    order: 20,
    title: SMS_SCREEN_TEXTS.pair('sms.templates.title'),
    description: SMS_SCREEN_TEXTS.pair('sms.templates.description'),
    component: lazyScreen(() => import('./SmsScreens'), 'SmsTemplatesScreen'),
  },
  'sms.history': {
    order: 30,
    title: SMS_SCREEN_TEXTS.pair('sms.history.title'),
    description: SMS_SCREEN_TEXTS.pair('sms.history.description'),
    component: lazyScreen(() => import('./SmsScreens'), 'SmsHistoryScreen'),
  },
});
