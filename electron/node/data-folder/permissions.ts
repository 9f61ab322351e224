import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DbOpenError } from '../../../db/client';

/** Personal data (names, phones, ID numbers, recordings): only the user the app runs as may read it. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Files and folders the process creates from now on are private (umask 077): SQLite's database,
 * -wal and -shm, backups, recordings, exports. Process-wide on purpose: every writer is covered,
 * including SQLite's own files, without each call site passing a mode.
 */
export function privateUmask(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/**
 * Creates the data folder (or a folder inside it) private. On Windows modes mean nothing: the
 * folder's ACL is replaced by one entry for the user (inherited by files and sub-folders), which
 * drops the inherited Users / Everyone entries. Not testable here (Linux CI); see docs/data-folder.md.
 */
export function makePrivateFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A data folder that cannot be created where it is asked for: the same clear message as a read-only one.
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new DbOpenError('read_only', dir, (err as Error).message);
    throw err;
  }
  if (process.platform === 'win32') {
    const user = process.env.USERNAME;
    if (user) execFileSync('icacls', [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`], { stdio: 'ignore', windowsHide: true });
    return;
  }
  try {
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    // Not the folder's owner (or a read-only folder): the lock file's creation says what is wrong.
    console.warn(`[data] cannot make ${dir} private: ${(err as Error).message}`);
  }
}

/**
 * Makes what an older version left world-readable private: every folder under the data folder
 * 0700, every file 0600. Only entries whose mode is wrong are changed; symbolic links are not
 * followed (a DMS export folder elsewhere keeps its owner's rules). Returns how many were fixed.
 */
export function restrictExisting(dataDir: string): number {
  if (process.platform === 'win32') return 0;
  let fixed = 0;
  const visit = (p: string, isDir: boolean) => {
    const st = fs.lstatSync(p);
    const want = isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((st.mode & 0o777) !== want) {
      try {
        fs.chmodSync(p, want);
        fixed++;
      } catch (err) {
        console.warn(`[data] cannot make ${p} private: ${(err as Error).message}`);
      }
    }
    if (!isDir) return;
    for (const e of fs.readdirSync(p, { withFileTypes: true })) {
      if (e.isDirectory()) visit(path.join(p, e.name), true);
      else if (e.isFile()) visit(path.join(p, e.name), false);
    }
  };
  visit(dataDir, true);
  return fixed;
}
