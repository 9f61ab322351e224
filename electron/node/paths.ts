import os from 'node:os';
import path from 'node:path';

/**
 * Where the data lives: DSCRM_DATA_DIR, else a per-user folder
 * (%APPDATA%\DS-CRM on Windows, ~/Library/Application Support/DS-CRM on macOS, $XDG_DATA_HOME/ds-crm or ~/.local/share/ds-crm elsewhere).
 */
export function resolveDataDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.DSCRM_DATA_DIR) return path.resolve(process.env.DSCRM_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'DS-CRM');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'DS-CRM');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ds-crm');
}

export const DB_FILE_NAME = 'dscrm.sqlite';
export const dbFile = (dataDir: string) => path.join(dataDir, DB_FILE_NAME);
