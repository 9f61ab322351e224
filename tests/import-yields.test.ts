/**
 * A long import does not freeze everyone (issue 14 item 13): a 20,000-row repair-order import runs
 * as one transaction in slices, a quick search meanwhile answers before the import is done, and an
 * import that fails at row 15,000 leaves nothing behind.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../electron/node/core';
import { ManualClock } from '../electron/node/clock';
import { seedDemo } from '../electron/node/features/demo/seed';
import { importRepairOrders } from '../electron/node/features/service/ro-import';
import { call, tempDir, userWithSession } from './support/core';

const TODAY = '2026-11-20';
const ROWS = 20_000;

let core: Core;
let dir: string;
let token: string;
let userId: number;
let vins: string[];

beforeAll(async () => {
  dir = tempDir('dscrm-import-');
  core = await createCore({ dataDir: dir, clock: new ManualClock(Date.parse(`${TODAY}T04:00:00Z`)), bootstrapAdmin: false });
  await seedDemo(core.sqlite, { customers: 300, today: TODAY });
  ({ token, userId } = await userWithSession(core, 'csm', 'serviceManager'));
  vins = core.sqlite.prepare(`SELECT vin FROM vehicles WHERE vin IS NOT NULL AND coalesce(delivery_date, '') <= ? ORDER BY id`).pluck().all(TODAY) as string[];
}, 120_000);
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A DMS export of n repair orders today, over the demo's vehicles. */
const file = (prefix: string, n: number) => {
  const lines = ['工单号,车架号,进厂日期,维修类型'];
  for (let i = 0; i < n; i++) lines.push(`${prefix}-${i + 1},${vins[i % vins.length]},${TODAY},维修`);
  const bytes = Buffer.from(lines.join('\n'));
  // The file as the import's processing receives it, however the bytes arrived (upload or base64).
  return { fileName: `${prefix}.csv`, bytes, base64: bytes.toString('base64') };
};
/** The import as the serviceVisits.import handler runs it, reported like dispatch: { ok, value } or { ok: false }. */
const runImport = (f: ReturnType<typeof file>) =>
  importRepairOrders(core, userId, 'zh-CN', f).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const count = (prefix: string) => core.sqlite.prepare('SELECT count(*) FROM service_visits WHERE ro_number LIKE ?').pluck().get(`${prefix}-%`) as number;

describe('a 20,000-row repair-order import', () => {
  it('lets a quick search answer while it runs, and saves every row', async () => {
    const done: string[] = [];
    const importing = runImport(file('BIG', ROWS)).then((r) => (done.push('import'), r));
    // Wait until the import is writing (its transaction is open), or — as before the fix, when it
    // held the process for the whole file — until it has finished.
    while (!core.sqlite.inTransaction && !done.includes('import')) await new Promise((r) => setImmediate(r));
    const found = await call(core, token, 'customers.search', { q: '张' }).then((r) => (done.push('search'), r));
    expect(found.ok).toBe(true);
    const report = await importing;
    expect(done).toEqual(['search', 'import']);
    expect(report).toMatchObject({ ok: true, value: { rows: ROWS, saved: ROWS, badCount: 0 } });
    expect(count('BIG')).toBe(ROWS);
  }, 300_000);

  it('that fails at row 15,000 leaves nothing behind: no visit, no vehicle change, no audit row', async () => {
    const before = core.sqlite.prepare('SELECT (SELECT count(*) FROM service_visits), (SELECT count(*) FROM audit_log), (SELECT group_concat(last_service_date) FROM vehicles)').raw().get();
    // A failure SQLite raises in the middle of the file (as a full disk or a broken row would).
    core.sqlite.exec("CREATE TEMP TRIGGER fail_at_15000 BEFORE INSERT ON service_visits WHEN NEW.ro_number = 'FAIL-15000' BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END");
    try {
      const r = await runImport(file('FAIL', 15_500));
      expect(r.ok).toBe(false);
    } finally {
      core.sqlite.exec('DROP TRIGGER fail_at_15000');
    }
    expect(count('FAIL')).toBe(0);
    expect(core.sqlite.prepare('SELECT (SELECT count(*) FROM service_visits), (SELECT count(*) FROM audit_log), (SELECT group_concat(last_service_date) FROM vehicles)').raw().get()).toEqual(before);
    // The connection is usable again for everyone's changes.
    expect(core.sqlite.inTransaction).toBe(false);
    expect((await runImport(file('AFTER', 3))).ok).toBe(true);
    expect(count('AFTER')).toBe(3);
  }, 300_000);
});
