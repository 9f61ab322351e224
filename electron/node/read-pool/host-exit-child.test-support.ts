/**
 * Child process of the read pool's "the host still exits" test: a web host on a fresh data folder
 * answers a grid page over HTTP (the pool's workers start), a heavy read is under way, then the host
 * and the core are closed — and the process must end by itself, no process.exit: a worker thread
 * left running would keep it alive.
 *   node --import tsx host-exit-child.test-support.ts <dataDir>
 */
import { createCore } from '../core';
import { startWebHost } from '../webhost/server';
import { GOOD_PASSWORD, userWithSession } from '../../../tests/support/core';

const dir = process.argv[2]!;
const core = await createCore({ dataDir: dir, bootstrapAdmin: false });
await userWithSession(core, 'exit.admin', 'admin');
const host = await startWebHost({ core, port: 0 });
const post = (method: string, body: unknown, cookie = '') =>
  fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
const login = await post('auth.login', { username: 'exit.admin', password: GOOD_PASSWORD });
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const page = (await (await post('grid.query', { dataset: 'customers', scope: 'all', columns: ['name'], groupBy: ['city'], limit: 50 }, cookie)).json()) as { ok: boolean };
const heavy = core.reads.all('with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) as c from n').then(
  () => 'answered',
  (e: unknown) => (e as { code?: string }).code,
);
await new Promise((r) => setTimeout(r, 50));
const workers = core.reads.stats().workers;
await host.close();
core.close();
console.log(JSON.stringify({ page: page.ok, workers, heavy: await heavy, closedAt: Date.now() }));
