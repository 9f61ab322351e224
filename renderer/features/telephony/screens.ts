import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const telephonyScreens = defineScreens({
  'callCenter.softphone': {
    order: 10,
    title: { zh: '软电话', en: 'Softphone' },
    description: {
      zh: '在程序内接听和拨打电话;来电时自动识别号码并弹出客户卡片。',
      en: 'Answer and place calls inside the program; an incoming number opens the matching customer card.',
    },
    component: lazyScreen(() => import('./SoftphoneScreen'), 'SoftphoneScreen'),
  },
  'callCenter.callLog': {
    order: 20,
    title: { zh: '通话记录', en: 'Call log' },
    description: {
      zh: '查询呼入、呼出和未接来电记录,可直接回拨。',
      en: 'Inbound, outbound and missed calls, with call-back.',
    },
    component: lazyScreen(() => import('./CallLogScreen'), 'CallLogScreen'),
  },
  'callCenter.recordings': {
    order: 30,
    title: { zh: '电话录音检索', en: 'Call recordings' },
    description: {
      zh: '按分机、时间段和呼叫方向检索通话录音,在线播放,按权限导出。',
      en: 'Find call recordings by extension, time range and direction; play them and export them with permission.',
    },
    component: lazyScreen(() => import('./RecordingsScreen'), 'RecordingsScreen'),
  },
});
