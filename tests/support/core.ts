import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/node/core';
import { ManualClock } from '../../electron/node/clock';
import { dispatch, dispatchUpload, type CallMeta } from '../../electron/node/dispatch';
import type { Role } from '../../electron/common/roles';

export function tempDir(prefix = 'dscrm-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dir: string;
  cleanup(): void;
}

/** A core on a real SQLite file in a fresh temp folder, with a clock the test controls. */
export async function makeCore(opts: { bootstrapAdmin?: boolean } = {}): Promise<TestCore> {
  const dir = tempDir();
  const clock = new ManualClock();
  const core = await createCore({ dataDir: dir, clock, bootstrapAdmin: opts.bootstrapAdmin ?? false });
  return {
    core,
    clock,
    dir,
    cleanup: () => {
      core.close();
      // Closing lets background work end on its own (the start-up quick_check's thread, a backup
      // finishing its file): a file it writes while the folder is being removed made rmSync fail
      // with ENOTEMPTY once in CI. Node retries such a removal when asked to.
      // Under a loaded CI machine even 10 retries (2.75 s) once lost that race; the folder is the
      // test's scratch space, not something a test asserts on, so a last try is made a little later
      // instead of failing a test whose assertions all passed.
      try {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw err;
        setTimeout(() => fs.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }, () => undefined), 2000).unref();
      }
    },
  };
}

export const GOOD_PASSWORD = 'Dealer2026ok';

/** Creates a user who has already changed the one-time password, and returns a logged-in token. */
export async function userWithSession(core: Core, username: string, role: Role): Promise<{ token: string; userId: number }> {
  const { user, oneTimePassword } = await core.auth.createUser(null, { username, displayName: `${username} 测试`, role });
  const first = await core.auth.login(username, oneTimePassword);
  await core.auth.changePassword(first.session, oneTimePassword, GOOD_PASSWORD);
  core.auth.logout(first.session);
  const { token } = await core.auth.login(username, GOOD_PASSWORD);
  return { token, userId: user.id };
}

export async function call(core: Core, token: string | null, method: string, input: unknown = {}, meta: CallMeta = {}) {
  return (await dispatch(core, token, method, input, meta)).result;
}

/** Several users at once (the name is also the username), each logged in: tokens and ids by name. */
export async function usersWithSessions(
  core: Core,
  users: readonly (readonly [string, Role])[],
): Promise<{ tok: Record<string, string>; uid: Record<string, number> }> {
  const tok: Record<string, string> = {};
  const uid: Record<string, number> = {};
  for (const [name, role] of users) {
    const u = await userWithSession(core, name, role);
    tok[name] = u.token;
    uid[name] = u.userId;
  }
  return { tok, uid };
}

/** A sales team with its members; `managerId` leads it (teams.manager_id), or nobody does. */
export function salesTeam(core: Core, name: string, managerId: number | null, memberIds: readonly number[]): number {
  const id = Number(core.sqlite.prepare("INSERT INTO teams (name, kind, manager_id) VALUES (?, 'sales', ?)").run(name, managerId).lastInsertRowid);
  const setTeam = core.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?');
  for (const m of memberIds) setTeam.run(id, m);
  return id;
}

/** Sends a file through the upload store, as both hosts' upload route does; returns its upload id for an import. */
export async function uploaded(core: Core, token: string, fileName: string, bytes: Buffer | string): Promise<string> {
  const r = await dispatchUpload(core, token, fileName, [Buffer.from(bytes)], undefined);
  if (!r.ok) throw new Error(`upload: ${r.error.code} ${r.error.message}`);
  return r.value.uploadId;
}
