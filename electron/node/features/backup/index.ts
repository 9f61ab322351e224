// 系统管理 → 备份与恢复: verified online backups with retention, the recordings beside them.
export { BackupService, backupLabel, readBackupInfo, COUNTED_TABLES } from './service';
export { backupsToDelete, BACKUP_FILE_RE } from './retention';
