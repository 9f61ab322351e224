import os from 'node:os';
import { isAlive } from '../../data-folder/lock';
import type { Sqlite } from '../../../../db/client';

export const LEASE_NAME = 'scheduler';

/**
 * One runner among the app instances that share a database file: the holder of an unexpired row
 * in scheduler_lease runs jobs; it renews the row on every tick. When it dies (PC switched off,
 * kill -9) the row expires and the next instance to tick takes over. Taking or renewing is one
 * IMMEDIATE transaction, so two instances cannot both win.
 */
export class Lease {
  constructor(
    private sqlite: Sqlite,
    readonly holder: string,
    private ttlMs: number,
  ) {}

  /** Takes or renews the lease; true when this instance holds it until now + ttl. */
  acquire(now: number): boolean {
    const tx = this.sqlite.transaction(() => {
      const row = this.sqlite.prepare('select holder, expires_at as expiresAt from scheduler_lease where name = ?').get(LEASE_NAME) as { holder: string; expiresAt: number } | undefined;
      if (row && row.holder !== this.holder && row.expiresAt > now && !holderDied(row.holder)) return false;
      this.sqlite
        .prepare('insert into scheduler_lease (name, holder, expires_at) values (?, ?, ?) on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at')
        .run(LEASE_NAME, this.holder, now + this.ttlMs);
      return true;
    });
    return tx.immediate();
  }

  /** On a clean shutdown the next instance need not wait for the expiry. */
  release(): void {
    this.sqlite.prepare('delete from scheduler_lease where name = ? and holder = ?').run(LEASE_NAME, this.holder);
  }

  current(): { holder: string; expiresAt: number } | null {
    return (this.sqlite.prepare('select holder, expires_at as expiresAt from scheduler_lease where name = ?').get(LEASE_NAME) as { holder: string; expiresAt: number } | undefined) ?? null;
  }
}

/**
 * A holder named "<this host>#<pid>" whose process is gone died without handing the lease back
 * (kill -9, a crash): the lease is free now, not in two minutes — after a crash the scheduled SMS,
 * the reminders and the rest resume at once. A holder on another host is left to its expiry.
 */
function holderDied(holder: string): boolean {
  const m = /^(.*)#(\d+)$/.exec(holder);
  if (!m || m[1] !== os.hostname()) return false;
  const pid = Number(m[2]);
  return pid !== process.pid && !isAlive(pid);
}
