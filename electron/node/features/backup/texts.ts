/**
 * The restore's refusals and failures. They are kept in the restore's state, which every open
 * screen is sent (an administrator on another seat sees why), so each holds both languages like
 * the backup log's reasons.
 */
export const RESTORE_TEXTS = {
  notABackup: '该文件不是可读取的 DS-CRM 备份 / This file is not a readable DS-CRM backup',
  newer: (appVersion: string) =>
    `该备份来自更新版本的 DS-CRM(${appVersion}),本程序无法读取,请先升级本程序 / This backup was made by a newer DS-CRM (${appVersion}); upgrade this app before restoring it`,
  cannotRestart: '本程序无法自动重新启动,不能在此恢复 / This app cannot restart itself here, so it cannot restore',
  importRunning: '正在导入数据,请在导入结束或取消后再恢复 / An import is running: restore after it ends or is cancelled',
  damaged: '备份文件已损坏,未恢复(当前数据未改动):/ The backup is damaged; nothing was restored (the current data is untouched): ',
  countsDiffer: '备份复制后行数不一致,未恢复(当前数据未改动):/ The copy of the backup has other row counts; nothing was restored (the current data is untouched): ',
  safetyFailed: '恢复前的安全备份失败,未恢复(当前数据未改动):/ The safety copy before the restore failed; nothing was restored (the current data is untouched): ',
  failed: '恢复失败(当前数据未改动):/ The restore failed (the current data is untouched): ',
} as const;
