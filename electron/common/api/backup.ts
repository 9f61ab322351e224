import { z } from 'zod';
import { method, returns } from './contract';

/**
 * 系统管理 → 备份与恢复: the backups in the chosen folder and the log of attempts, 立即备份, and the
 * administrator's home-screen warning when the last backup failed (or none succeeded for two days).
 */
export interface BackupRun {
  id: number;
  kind: 'nightly' | 'manual' | 'beforeRestore' | 'restore';
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

/** What a backup holds beside the current data; `refusal` says why it cannot be restored (null: it can). */
export interface RestoreCheck {
  fileName: string;
  info: { takenAt: number; appVersion: string; counts: Record<string, number> } | null;
  current: Record<string, number>;
  refusal: string | null;
}

/**
 * A restore's progress, sent to every open screen as `backup.restore`: checking the backup
 * (integrity_check), staging its copy, the safety copy of the current data (changes refused from
 * here), then restarting. 'refused' ends it with the reason; the current data is then untouched.
 */
export interface RestoreState {
  phase: 'idle' | 'checking' | 'staging' | 'safetyCopy' | 'restarting' | 'refused';
  fileName: string | null;
  error: string | null;
  safetyCopy: string | null;
}

const admin = ['admin'] as const;
const fileName = z.string().min(1).max(200);

export const backupApi = {
  /** The folder, the retention, the backups in the folder and the last attempts. */
  'backup.overview': method({
    input: z.object({}).strict(),
    access: admin,
    output: returns<{ folder: string; retention: { daily: number; weekly: number; monthly: number }; files: BackupFile[]; runs: BackupRun[] }>(),
  }),
  /** 立即备份: a verified backup now (the app keeps working meanwhile); answers with the attempt, failed or not. */
  'backup.now': method({ input: z.object({}).strict(), access: admin, output: returns<BackupRun>() }),
  /** 恢复, first step: what the chosen backup holds beside the current counts, and whether it can be restored. */
  'backup.restoreCheck': method({ input: z.object({ fileName }).strict(), access: admin, output: returns<RestoreCheck>() }),
  /** 恢复: starts restoring the chosen backup (it answers at once; the steps come as `backup.restore` events, then the app restarts). */
  'backup.restore': method({ input: z.object({ fileName, confirm: z.literal(true) }).strict(), access: admin, output: returns<RestoreState>() }),
  'backup.restoreStatus': method({ input: z.object({}).strict(), access: admin, output: returns<RestoreState>() }),
  'backup.status': method({ input: z.object({}).strict(), access: admin, output: returns<BackupStatus>() }),
} as const;
