import { defineTexts } from '../../../electron/common/i18n/texts';

/** The menu entries of this feature's screens (zh-CN first): title and description per screen id, read with .pair() in screens.ts. */
export const TELEPHONY_SCREEN_TEXTS = defineTexts({
  'callCenter.softphone.title': { 'zh-CN': '软电话', en: 'Softphone' },
  'callCenter.softphone.description': { 'zh-CN': '在程序内接听和拨打电话;来电时自动识别号码并弹出客户卡片。', en: 'Answer and place calls inside the program; an incoming number opens the matching customer card.' },
  'callCenter.callLog.title': { 'zh-CN': '通话记录', en: 'Call log' },
  'callCenter.callLog.description': { 'zh-CN': '查询呼入、呼出和未接来电记录,可直接回拨。', en: 'Inbound, outbound and missed calls, with call-back.' },
  'callCenter.recordings.title': { 'zh-CN': '电话录音检索', en: 'Call recordings' },
  'callCenter.recordings.description': { 'zh-CN': '按分机、时间段和呼叫方向检索通话录音,在线播放,按权限导出。', en: 'Find call recordings by extension, time range and direction; play them and export them with permission.' },
});
