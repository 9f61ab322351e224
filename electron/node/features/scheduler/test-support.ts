import fs from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../clock';
import { createCore, type Core } from '../../core';
import { dbFile } from '../../paths';
import { seedDemo } from '../demo';
import { dayStartMs } from '../../../common/dates';
import { tempDir } from '../../../../tests/support/core';

/** Epoch ms of a dealer's local time (Asia/Shanghai) on a day. */
export const at = (day: string, hh: number, mm = 0) => dayStartMs(day, 'Asia/Shanghai') + hh * 3_600_000 + mm * 60_000;

/** A seeded database file (demo data around `today`), written once and copied per test. */
export async function seededTemplate(customers: number, today: string): Promise<string> {
  const dir = tempDir('dscrm-sched-tpl-');
  const core = await createCore({ dataDir: dir, clock: new ManualClock(at(today, 0)), bootstrapAdmin: false });
  await seedDemo(core.sqlite, { customers, today });
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return dir;
}

/** A copy of the template's database in a new folder. */
export function cloneDir(template: string): string {
  const dir = tempDir('dscrm-sched-');
  fs.copyFileSync(dbFile(template), dbFile(dir));
  return dir;
}

export async function openCore(dir: string, now: number): Promise<{ core: Core; clock: ManualClock }> {
  const clock = new ManualClock(now);
  const core = await createCore({ dataDir: dir, clock, bootstrapAdmin: false });
  return { core, clock };
}

/** What a user relies on: which tasks exist (kind, customer/vehicle, due day), not when they were written. */
export function taskKeys(core: Core): string[] {
  return (core.sqlite.prepare('SELECT natural_key FROM tasks ORDER BY natural_key').pluck().all() as string[]).concat(
    core.sqlite.prepare("SELECT 'sol:' || natural_key FROM solicitation_tasks ORDER BY natural_key").pluck().all() as string[],
  );
}

export const rmDir = (dir: string) => fs.rmSync(path.resolve(dir), { recursive: true, force: true });
