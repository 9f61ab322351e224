/**
 * The headless web host: `npm run serve -- [--port P] [--data DIR] [--host 127.0.0.1]`.
 * Serves the built renderer and the API on loopback; prints the URL.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../electron/node/core';
import { DbOpenError } from '../db/client';
import { resolveDataDir } from '../electron/node/paths';
import { startWebHost } from '../electron/node/webhost/server';
import { startScheduler } from '../electron/node/features/scheduler/services';
import { intArg, parseArgs } from './args';

export async function runServer(opts: { port: number; dataDir: string; host: string }) {
  const core = await createCore({ dataDir: opts.dataDir });
  if (core.firstRun) {
    console.log('');
    console.log('首次启动:已创建管理员账户 / First run: an administrator account was created');
    console.log(`  用户名 / user:     ${core.firstRun.username}`);
    console.log(`  一次性密码 / one-time password: ${core.firstRun.oneTimePassword}`);
    console.log('  该密码只显示这一次,首次登录须修改 / Shown only once; it must be changed at first login.');
    console.log('');
  }
  const host = await startWebHost({ core, port: opts.port, host: opts.host });
  console.log(`DS-CRM web host: ${host.url}  (data: ${core.dataDir})`);
  const scheduler = startScheduler(core);
  const stop = async () => {
    await scheduler.stop();
    await host.close();
    core.close();
    process.exit(0);
  };
  // Last resort for a host others depend on: an error that escaped every handler (a socket event,
  // a timer) is logged and the host stays up; each request already answers its own failure with 500.
  process.on('uncaughtException', (err) => console.error(`[${new Date().toISOString()}] uncaught error, still serving:`, err));
  process.on('unhandledRejection', (err) => console.error(`[${new Date().toISOString()}] unhandled rejection, still serving:`, err));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { core, host };
}

// Run as a script (not imported by start.ts or the bench)?
const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = parseArgs();
  const dataDir = resolveDataDir(typeof args.data === 'string' ? args.data : undefined);
  runServer({ port: intArg(args, 'port', 5180), dataDir, host: typeof args.host === 'string' ? args.host : '127.0.0.1' }).catch((err) => {
    if (err instanceof DbOpenError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
}
