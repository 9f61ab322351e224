// 系统管理 → 备份与恢复: verified online backups with retention, the recordings beside them.
export { BackupService, backupLabel, readBackupInfo } from './service';
export { COUNTED_TABLES } from './counted-tables';
export { RestoreService } from './restore';
export { applyPendingRestore, recordRestore, countTables, countsDiffer } from './pending-restore';
export { backupsToDelete, BACKUP_FILE_RE } from './retention';
