/**
 * A second DS-CRM process for tests/data-folder.test.ts: opens a core on a data folder and says
 * READY (then stays up, holding the folder), or prints how the start was refused and exits 2.
 *   node --import tsx tests/support/open-core-child.ts <dataDir>
 */
import { createCore } from '../../electron/node/core';
import { DbOpenError } from '../../db/client';

try {
  await createCore({ dataDir: process.argv[2]!, bootstrapAdmin: false });
  process.stdout.write('READY\n');
  setInterval(() => undefined, 1 << 30);
} catch (err) {
  process.stdout.write(err instanceof DbOpenError ? `REFUSED ${err.problem}\n${err.message}\n` : `CRASH\n${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(2);
}
