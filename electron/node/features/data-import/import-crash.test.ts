import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { makeVin } from '../demo/vin';
import { call, tempDir, userWithSession } from '../../../../tests/support/core';
import type { ImportUndoResult } from '../../../common/api/data-import';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CHILD = path.join(ROOT, 'tests', 'support', 'import-child.ts');
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * kill -9 in the middle of an import: the batches committed before it stay whole — every customer
 * with its phone, its vehicle, its audit row and its undo trail — the one in hand leaves nothing,
 * the import is 程序中断 at the next start, and undoing it removes exactly what it wrote.
 */
describe('数据导入 killed mid-import', () => {
  it('keeps whole rows only, marks the import interrupted, and the undo removes all of it', async () => {
    const csv = path.join(dir, 'big.csv');
    const lines = ['姓名,手机,VIN,车型'];
    for (let i = 0; i < 20_000; i++) lines.push(`客户${i},166${String(10_000_000 + i).slice(-8)},${makeVin('LSV', 'AB12C', 2024, 'Z', i)},magotan`);
    fs.writeFileSync(csv, lines.join('\n'));
    const data = path.join(dir, 'data');

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, data, csv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (/PROGRESS \d+/.test(d.toString())) resolve();
      });
      child.on('exit', () => reject(new Error(`the import process ended before its first batch: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const core = await createCore({ dataDir: data, bootstrapAdmin: false });
    try {
      const batch = core.sqlite.prepare('SELECT id, status, rows_done AS done, created FROM import_batches').get() as { id: number; status: string; done: number; created: number };
      expect(batch.status).toBe('interrupted');
      expect(batch.done).toBeGreaterThan(0);
      expect(batch.done).toBeLessThan(20_000);
      const customers = core.sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
      // Everything committed is counted, nothing beyond: the batch's counts are written with its rows.
      expect(customers).toBe(batch.created);
      expect(batch.created).toBe(batch.done);
      // Never half a row.
      const half = core.sqlite
        .prepare(
          `SELECT COUNT(*) FROM customers c WHERE (SELECT COUNT(*) FROM customer_phones p WHERE p.customer_id = c.id) <> 1
              OR (SELECT COUNT(*) FROM vehicles v WHERE v.customer_id = c.id) <> 1
              OR NOT EXISTS (SELECT 1 FROM import_batch_rows r WHERE r.customer_id = c.id)
              OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'customer' AND a.entity_id = CAST(c.id AS TEXT) AND a.action = 'import')`,
        )
        .pluck()
        .get();
      expect(half).toBe(0);
      // The draft file of the import is gone with the process that ran it.
      expect(fs.existsSync(path.join(data, 'imports'))).toBe(false);

      const admin = await userWithSession(core, 'crash.after', 'admin');
      const r = await call(core, admin.token, 'dataImport.undo', { batchId: batch.id });
      expect(r.ok && (r.value as ImportUndoResult)).toMatchObject({ undone: true, customers: batch.created });
      expect(core.sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(0);
      expect(core.sqlite.prepare('SELECT COUNT(*) FROM vehicles').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  }, 120_000);
});
