import { defineTexts } from '../../../common/i18n/texts';

/** Telephony's own messages (zh-CN first, English second), kept with the feature. */
export const TELEPHONY_MESSAGES = defineTexts({
  callEnded: { 'zh-CN': '通话已结束,录音不再接收新的片段', en: 'The call has ended: no more recording pieces are accepted' },
  recordingFinished: { 'zh-CN': '该通话的录音已完成', en: 'The recording of this call is already finished' },
  chunkGap: { 'zh-CN': '录音片段顺序有误(应为第 {expected} 段,收到第 {seq} 段)', en: 'Recording pieces out of order (expected {expected}, got {seq})' },
  diskFull: {
    'zh-CN': '磁盘空间已满,录音无法继续保存(已保存的部分保留,通话记录不受影响)',
    en: 'The disk is full: the recording cannot be saved any further (what was saved is kept; the call log is unaffected)',
  },
  writeFailed: { 'zh-CN': '录音文件写入失败:{error}', en: 'Writing the recording failed: {error}' },
  notThisSeatsCall: { 'zh-CN': '该通话不是在本终端发起的,本终端不能上传其录音', en: 'This call was not made from this seat, so this seat cannot upload its recording' },
  notYourCall: { 'zh-CN': '只能操作本人坐席的通话', en: 'Only calls of your own seat can be changed' },
  notConfigured: { 'zh-CN': '请先在“软电话设置”中填写分机', en: 'Set up your extension in the softphone settings first' },
  fileMissing: { 'zh-CN': '录音文件已不存在(可能已按保留期限清理)', en: 'The recording file no longer exists (it may have been removed by retention)' },
  badTargetDir: { 'zh-CN': '无法写入所选文件夹:{dir}', en: 'The chosen folder cannot be written: {dir}' },
  pickFolderAgain: { 'zh-CN': '请重新选择导出文件夹', en: 'Please choose the export folder again.' },
  badChunk: { 'zh-CN': '录音片段数据无效', en: 'The recording piece is not valid data' },
  badUpload: { 'zh-CN': '录音上传的说明无效(大小、SHA-256 或格式)', en: 'The recording upload is not described correctly (size, SHA-256 or type)' },
  uploadNotDeclared: { 'zh-CN': '主机没有等待这段录音的上传,请重新开始上传', en: 'The host is not expecting this recording upload; start it again' },
  uploadTooLong: { 'zh-CN': '上传的录音比声明的大小更长', en: 'The uploaded recording is longer than declared' },
  uploadHashWrong: { 'zh-CN': '上传的录音与本机文件不一致(SHA-256 不符),将重新上传', en: 'The uploaded recording differs from the seat\'s file (SHA-256 mismatch); it will be sent again' },
});
