import { defineTexts } from '../../../common/i18n/texts';

/**
 * 电话录音检索 data set's column labels, zh-CN first: the grid sends both languages to the renderer
 * (`.pair(id)`), so each table is read once, when its data set is defined at load.
 */

/** recordings-dataset.ts */
export const RECORDING_COLUMNS = defineTexts({
  id: { 'zh-CN': '编号', en: 'No.' },
  startedAt: { 'zh-CN': '通话时间', en: 'Call time' },
  direction: { 'zh-CN': '方向', en: 'Direction' },
  extension: { 'zh-CN': '分机', en: 'Extension' },
  userName: { 'zh-CN': '坐席', en: 'Agent' },
  fromNumber: { 'zh-CN': '主叫号码', en: 'From' },
  toNumber: { 'zh-CN': '被叫号码', en: 'To' },
  customerName: { 'zh-CN': '客户', en: 'Customer' },
  durationS: { 'zh-CN': '时长(秒)', en: 'Duration (s)' },
  sizeKb: { 'zh-CN': '大小(KB)', en: 'Size (KB)' },
  complete: { 'zh-CN': '录音状态', en: 'State' },
  outcome: { 'zh-CN': '通话结果', en: 'Outcome' },
});

/** 录音状态: complete '1', incomplete '0', or 'u' — recorded on a client seat, its upload to the host not finished yet (issue 15). */
export const RECORDING_STATE = defineTexts({
  '1': { 'zh-CN': '完整', en: 'Complete' },
  '0': { 'zh-CN': '不完整', en: 'Incomplete' },
  u: { 'zh-CN': '上传中', en: 'Uploading' },
});

/** The telephony feature's scheduled job (retention-job.ts) as the 定时任务 screen shows it. */
export const TELEPHONY_JOB_LABELS = defineTexts({
  'telephony.recordingRetention': { 'zh-CN': '按保留期限清理通话录音', en: 'Old call recordings removed (retention)' },
});
