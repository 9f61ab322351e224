import { createCore, type Core, type CoreOptions } from '../core';
import { startScheduler } from '../features/scheduler/services';
import type { Scheduler } from '../features/scheduler/scheduler';
import { lanListenerFor, lanWanted } from '../lan/lan-host';
import { startWebHost, type WebHost } from './server';

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  lan?: { asked: boolean; host?: string; port?: number };
  staticDir?: string;
  /** Run the scheduler's jobs (the web host does; a browser test may not want them). Default true. */
  scheduler?: boolean;
  core?: Omit<CoreOptions, 'dataDir' | 'onRestartRequested'>;
  /** After each start: the first, and each restart (a restore). */
  onStarted?: (s: { core: Core; host: WebHost; lanCertificateCreated: boolean; restarted: boolean }) => void;
  /** A restart that could not start again (port taken meanwhile, a file the restore could not open): the host is down. */
  onRestartFailed?: (err: unknown) => void;
}

/** A data folder served by the web host, able to restart its core in place (备份与恢复 → 恢复). */
export interface Serving {
  readonly core: Core;
  readonly host: WebHost;
  /** Settles when the restart under way (if any) has finished. */
  readonly restarting: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The web host's life: core, listeners, scheduler. A restore asks the core to restart: the
 * scheduler stops, the listeners close (open screens see the host go and come back), the core
 * closes and the next one is created on the same folder — it swaps the restored file in before it
 * opens it — then the listeners start again on the same ports.
 */
export async function serveDataFolder(opts: ServeOptions): Promise<Serving> {
  let core: Core;
  let host: WebHost;
  let scheduler: Scheduler | null = null;
  let restarting: Promise<void> = Promise.resolve();
  let stopped = false;
  let ports = { loopback: opts.port, lan: opts.lan?.port };

  const boot = async (restarted: boolean) => {
    const c = await createCore({ ...opts.core, dataDir: opts.dataDir, onRestartRequested: () => void restart() });
    let lan: ReturnType<typeof lanListenerFor> | undefined;
    try {
      lan = lanWanted(c, opts.lan?.asked ?? false) ? lanListenerFor(c, { host: opts.lan?.host, port: ports.lan }) : undefined;
      host = await startWebHost({ core: c, port: ports.loopback, host: opts.host, staticDir: opts.staticDir, lan });
    } catch (err) {
      // The data folder's lock must not outlive a start that failed (LAN port taken, address refused).
      await c.closeAndWait();
      throw err;
    }
    core = c;
    // A restart comes back where the screens look for it, even when the first start chose free ports.
    ports = { loopback: host.port, lan: host.lan?.port ?? ports.lan };
    if (opts.scheduler !== false) scheduler = startScheduler(c);
    opts.onStarted?.({ core: c, host, lanCertificateCreated: lan?.certificateCreated ?? false, restarted });
  };

  const shutDown = async () => {
    await scheduler?.stop();
    scheduler = null;
    await host.close();
    await core.closeAndWait();
  };

  const restart = () => {
    restarting = restarting.then(async () => {
      if (stopped) return;
      await shutDown();
      try {
        await boot(true);
      } catch (err) {
        stopped = true;
        if (opts.onRestartFailed) opts.onRestartFailed(err);
        else console.error('[host] could not start again after the restore:', err);
      }
    });
    return restarting;
  };

  await boot(false);
  return {
    get core() {
      return core;
    },
    get host() {
      return host;
    },
    get restarting() {
      return restarting;
    },
    stop: async () => {
      await restarting;
      if (stopped) return;
      stopped = true;
      await shutDown();
    },
  };
}
