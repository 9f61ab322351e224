import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../../tests/support/core';
import { Lease, LEASE_NAME } from './lease';

/**
 * After a crash the scheduler (and with it scheduled SMS, reminders, backups) used to wait for the
 * dead holder's lease to expire — two minutes, plus a minute's tick. A holder on this host whose
 * process is gone is free at once; a live one, or one on another host, is respected.
 */
let t: TestCore;
beforeEach(async () => {
  t = await makeCore();
});
afterEach(() => t.cleanup());

const holdAs = (holder: string) =>
  t.core.sqlite
    .prepare('insert into scheduler_lease (name, holder, expires_at) values (?, ?, ?) on conflict(name) do update set holder = excluded.holder, expires_at = excluded.expires_at')
    .run(LEASE_NAME, holder, t.clock.now() + 120_000);

describe('scheduler lease after a crash', () => {
  it('takes over at once from a dead process on this host', () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.status).toBe(0); // its pid is gone now
    holdAs(`${os.hostname()}#${child.pid}`);
    expect(new Lease(t.core.sqlite, `${os.hostname()}#${process.pid}`, 120_000).acquire(t.clock.now())).toBe(true);
  });

  it('waits for a live holder and for a holder on another host', () => {
    holdAs(`${os.hostname()}#${process.ppid}`);
    expect(new Lease(t.core.sqlite, 'me', 120_000).acquire(t.clock.now())).toBe(false);
    holdAs('other-pc#1');
    expect(new Lease(t.core.sqlite, 'me', 120_000).acquire(t.clock.now())).toBe(false);
    expect(new Lease(t.core.sqlite, 'me', 120_000).acquire(t.clock.now() + 120_001)).toBe(true);
  });
});
