import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { TELEPHONY_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const telephonyScreens = defineScreens({
  'callCenter.softphone': {
    order: 10,
    title: TELEPHONY_SCREEN_TEXTS.pair('callCenter.softphone.title'),
    description: TELEPHONY_SCREEN_TEXTS.pair('callCenter.softphone.description'),
    component: lazyScreen(() => import('./SoftphoneScreen'), 'SoftphoneScreen'),
  },
  'callCenter.callLog': {
    order: 20,
    title: TELEPHONY_SCREEN_TEXTS.pair('callCenter.callLog.title'),
    description: TELEPHONY_SCREEN_TEXTS.pair('callCenter.callLog.description'),
    component: lazyScreen(() => import('./CallLogScreen'), 'CallLogScreen'),
  },
  'callCenter.recordings': {
    order: 30,
    title: TELEPHONY_SCREEN_TEXTS.pair('callCenter.recordings.title'),
    description: TELEPHONY_SCREEN_TEXTS.pair('callCenter.recordings.description'),
    component: lazyScreen(() => import('./RecordingsScreen'), 'RecordingsScreen'),
  },
});
