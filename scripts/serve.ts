/**
 * The headless web host: `npm run serve -- [--port P] [--data DIR] [--host 127.0.0.1]
 * [--lan [--lan-port 5443] [--lan-host 0.0.0.0]]`.
 * Serves the built renderer and the API on loopback (plain HTTP); with --lan, or with 设为主机 saved
 * in 系统设置, also to the LAN's paired seats over HTTPS. Prints the URLs and the certificate's fingerprint.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DbOpenError } from '../db/client';
import { resolveDataDir } from '../electron/node/paths';
import { InsecureBindError } from '../electron/node/webhost/server';
import { serveDataFolder } from '../electron/node/webhost/serving';
import { HostCertificateError } from '../electron/node/lan/host-certificate';
import { describeLan } from '../electron/node/lan/lan-host';
import { isLoopbackBind } from '../electron/node/lan/host-names';
import { intArg, parseArgs } from './args';

export async function runServer(opts: { port: number; dataDir: string; host: string; lan?: { asked: boolean; host?: string; port?: number } }) {
  // Before the database is touched (and a first run's one-time password shown to no avail).
  if (!isLoopbackBind(opts.host)) throw new InsecureBindError(opts.host);
  const serving = await serveDataFolder({
    ...opts,
    onStarted: ({ core, host, lanCertificateCreated, restarted }) => {
      if (core.firstRun) {
        console.log('');
        console.log('首次启动:已创建管理员账户 / First run: an administrator account was created');
        console.log(`  用户名 / user:     ${core.firstRun.username}`);
        console.log(`  一次性密码 / one-time password: ${core.firstRun.oneTimePassword}`);
        console.log('  该密码只显示这一次,首次登录须修改 / Shown only once; it must be changed at first login.');
        console.log('');
      }
      if (restarted) console.log(`[${new Date().toISOString()}] 已重新启动(数据恢复)/ restarted after a restore`);
      console.log(`DS-CRM web host: ${host.url}  (data: ${core.dataDir})`);
      if (host.lan) for (const line of describeLan(host.lan, lanCertificateCreated)) console.log(line);
    },
    onRestartFailed: (err) => {
      console.error('无法在恢复后重新启动 / Could not start again after the restore:', err instanceof Error ? err.message : err);
      process.exit(1);
    },
  });
  const stop = async () => {
    await serving.stop();
    process.exit(0);
  };
  // Last resort for a host others depend on: an error that escaped every handler (a socket event,
  // a timer) is logged and the host stays up; each request already answers its own failure with 500.
  process.on('uncaughtException', (err) => console.error(`[${new Date().toISOString()}] uncaught error, still serving:`, err));
  process.on('unhandledRejection', (err) => console.error(`[${new Date().toISOString()}] unhandled rejection, still serving:`, err));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return serving;
}

// Run as a script (not imported by start.ts or the bench)?
const isMain = !!process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = parseArgs();
  const dataDir = resolveDataDir(typeof args.data === 'string' ? args.data : undefined);
  const lanPort = args['lan-port'] === undefined ? undefined : intArg(args, 'lan-port', 5443);
  const lanHost = typeof args['lan-host'] === 'string' ? args['lan-host'] : undefined;
  runServer({
    port: intArg(args, 'port', 5180),
    dataDir,
    host: typeof args.host === 'string' ? args.host : '127.0.0.1',
    lan: { asked: args.lan === true || lanPort !== undefined || lanHost !== undefined, host: lanHost, port: lanPort },
  }).catch((err) => {
    // Errors written for people (a locked database, plain HTTP on the LAN, an unusable certificate): the message alone.
    if (err instanceof DbOpenError || err instanceof InsecureBindError || err instanceof HostCertificateError) console.error(err.message);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error(`端口已被占用 / port already in use: ${(err as Error).message}`);
    else console.error(err);
    process.exit(1);
  });
}
