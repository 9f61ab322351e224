import { z } from 'zod';
import { method, returns } from './contract';

/**
 * 系统管理 → 备份与恢复: the backups in the chosen folder and the log of attempts, 立即备份, and the
 * administrator's home-screen warning when the last backup failed (or none succeeded for two days).
 */
export interface BackupRun {
  id: number;
  kind: 'nightly' | 'manual' | 'beforeRestore';
  status: 'running' | 'ok' | 'failed';
  folder: string;
  fileName: string | null;
  size: number | null;
  ms: number | null;
  counts: Record<string, number> | null;
  recordingsCopied: number | null;
  error: string | null;
  startedAt: number;
  finishedAt: number | null;
  startedBy: string | null;
}

/** A backup file in the folder, with what it says it holds (null: not readable as a backup). */
export interface BackupFile {
  fileName: string;
  size: number;
  takenAt: number | null;
  appVersion: string | null;
  counts: Record<string, number> | null;
  readable: boolean;
}

export interface BackupStatus {
  last: BackupRun | null;
  lastOkAt: number | null;
  attention: boolean;
}

const admin = ['admin'] as const;

export const backupApi = {
  /** The folder, the retention, the backups in the folder and the last attempts. */
  'backup.overview': method({
    input: z.object({}).strict(),
    access: admin,
    output: returns<{ folder: string; retention: { daily: number; weekly: number; monthly: number }; files: BackupFile[]; runs: BackupRun[] }>(),
  }),
  /** 立即备份: a verified backup now (the app keeps working meanwhile); answers with the attempt, failed or not. */
  'backup.now': method({ input: z.object({}).strict(), access: admin, output: returns<BackupRun>() }),
  'backup.status': method({ input: z.object({}).strict(), access: admin, output: returns<BackupStatus>() }),
} as const;
