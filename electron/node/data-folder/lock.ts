import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DbOpenError } from '../../../db/client';

export const LOCK_FILE_NAME = 'dscrm.lock';

/** Who holds a data folder: written into the lock file so a refused second start can name it. */
export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface FolderLock {
  file: string;
  owner: LockOwner;
  release(): void;
}

/**
 * Locks held by this process, per folder. A second core in the same process on the same folder
 * (the tests' "second PC" with its own connection) shares the lock: the lock is about processes.
 */
const held = new Map<string, { fd: number; owner: LockOwner; users: number }>();

/** Whether a process with this pid runs on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host, startedAt: String(o.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

const describe = (o: LockOwner) => `进程 / pid ${o.pid},主机 / host ${o.host},启动于 / started ${o.startedAt}`;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Creates the lock file only if there is none (O_EXCL), held open while the app runs. */
function create(file: string, owner: LockOwner): number | null {
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
    return fd;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return null;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new DbOpenError('read_only', path.dirname(file), (err as Error).message);
    throw err;
  }
}

/**
 * One process owns a data folder. `<data>/dscrm.lock` is created exclusively (O_EXCL) and holds
 * the owner's pid, host and start time; a second start reads it and is refused with a message
 * naming the owner. A lock left by a process that is gone (same host, pid not alive: a crash, a
 * kill -9, a power cut) is taken over at once; one from another host cannot be checked and is
 * refused (an admin deletes it, see docs/data-folder.md). Node has no flock: proper-lockfile
 * (mkdir + mtime refreshed by a timer) would hold a crashed owner's lock until it goes stale and
 * needs a timer in every process, while a pid check frees it at the next start.
 */
export function lockDataFolder(dataDir: string, now: () => Date = () => new Date()): FolderLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const mine = held.get(file);
  if (mine) {
    mine.users++;
    return handle(file, mine.owner);
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    const fd = create(file, owner);
    if (fd !== null) {
      held.set(file, { fd, owner, users: 1 });
      return handle(file, owner);
    }
    const other = readOwner(file);
    // A lock file without an owner is being written by a starter (alive) or was left by one that died
    // between create and write: empty for more than a few seconds means the latter.
    const dead = other ? other.host === owner.host && !isAlive(other.pid) : ageMs(file) > 10_000;
    if (dead) {
      // Take over by renaming the dead owner's file away (only one starter wins the rename), then retry the exclusive create.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // Someone else took it over first: the next round reads their lock.
      }
      continue;
    }
    throw new DbOpenError('in_use', dataDir, other ? describe(other) : '锁文件正在写入 / the lock file is being written');
  }
  throw new DbOpenError('in_use', dataDir, describe(readOwner(file) ?? owner));
}

function handle(file: string, owner: LockOwner): FolderLock {
  let released = false;
  return {
    file,
    owner,
    release() {
      if (released) return;
      released = true;
      const h = held.get(file);
      if (!h || --h.users > 0) return;
      held.delete(file);
      fs.closeSync(h.fd);
      fs.rmSync(file, { force: true });
    },
  };
}
