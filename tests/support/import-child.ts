/**
 * A DS-CRM process that imports a customer file and is killed mid-import by
 * electron/node/features/data-import/import-crash.test.ts: opens a core on the data folder, makes
 * an administrator, previews and starts the import of <csv>, and prints PROGRESS <rowsDone> after
 * each committed batch (the parent sends SIGKILL after the first). Never exits on its own.
 *   node --import tsx tests/support/import-child.ts <dataDir> <csv>
 */
import fs from 'node:fs';
import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { userWithSession } from './core';

const core = await createCore({ dataDir: process.argv[2]!, bootstrapAdmin: false });
const admin = await userWithSession(core, 'crash.admin', 'admin');
const { uploadId } = await core.uploads.receive(admin.userId, 'crash.csv', [fs.readFileSync(process.argv[3]!)]);
const preview = (await dispatch(core, admin.token, 'dataImport.preview', { kind: 'customers', uploadId })).result;
if (!preview.ok) throw new Error(JSON.stringify(preview.error));
const p = preview.value as { batchId: number; mapping: Record<string, number> };
const poll = setInterval(() => {
  const done = core.sqlite.prepare('SELECT rows_done FROM import_batches WHERE id = ?').pluck().get(p.batchId) as number;
  if (done > 0) process.stdout.write(`PROGRESS ${done}\n`);
}, 5);
await dispatch(core, admin.token, 'dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode: 'skip', defaultOwnerId: null });
setInterval(() => undefined, 1 << 30);
void poll;
