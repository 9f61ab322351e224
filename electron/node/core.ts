import { settleImportsAtStart } from './features/data-import';
import { openThroughRestore } from './features/backup/pending-restore';
import { settleBackupsAtStart } from './features/backup/settle';
import path from 'node:path';
import { openDatabase, type Db, type Sqlite } from '../../db/client';
import { systemClock, type Clock } from './clock';
import { EventBus } from './events';
import { dbFile } from './paths';
import { lockDataFolder } from './data-folder/lock';
import { makePrivateFolder, privateUmask, restrictExisting } from './data-folder/permissions';
import { DataHealth } from './data-folder/health';
import { FolderGrants } from './folder-grants';
import { UploadStore } from './uploads/upload-store';
import { SettingsService } from './features/admin/settings';
import { AuthService } from './features/auth/service';
import { ensureReferenceData } from './reference-data';
import { CustomerService } from './features/customers/service';
import { CustomerVisibility } from './features/customers/visibility';
import { CustomerSearch } from './features/customers/search';
import { SeatService } from './features/seats/service';
import { ReadPool, readWorkersFrom } from './read-pool/read-pool';
import { createServices, type Services } from './services';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  busyTimeoutMs?: number;
  /** Create the first admin when the database has no users (default true). */
  bootstrapAdmin?: boolean;
  /** Read worker threads (default DSCRM_READ_WORKERS, else 2; 0 = every read on the main connection). */
  readWorkers?: number;
  /**
   * How this host restarts its core (close it, create the next on the same folder): a restore asks
   * for it once the backup is staged (features/backup/restore.ts). Without it a restore is refused.
   */
  onRestartRequested?: () => void;
}

/** Where the nightly backups go (docs/data-folder.md). */
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

export interface Core {
  dataDir: string;
  dbFile: string;
  sqlite: Sqlite;
  db: Db;
  /** Long reads (grid pages, group counts, counts, "all N matching") off the host's thread: read-pool/read-pool.ts. */
  reads: ReadPool;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  auth: AuthService;
  customers: CustomerService;
  /** Who sees which customer (mine / team / all), shared by the grid, quick find and the card. */
  visibility: CustomerVisibility;
  /** Customer quick find (customers.search). */
  search: CustomerSearch;
  /** Whether the database may be written (start-up quick_check, nightly integrity_check, corrupt pages met by queries). */
  health: DataHealth;
  /** Export folders picked in the host's own dialog (Electron), the only folders an export writes to. */
  folderGrants: FolderGrants;
  /** Files on their way into an import (both hosts' upload route), in <data>/uploads. */
  uploads: UploadStore;
  /** LAN seats (issue 15): pairing codes, the seat on each LAN request, 终端管理's list / rename / revoke. */
  seats: SeatService;
  /** The feature services (sales, reminders, SMS, telephony, scheduler, …), each built on first use: services.ts. */
  services: Services;
  /** Set on the very first start of an empty database: shown once, never stored in clear. */
  firstRun: { username: string; oneTimePassword: string } | null;
  /** The host's way to restart this core (CoreOptions.onRestartRequested); null: it has none. */
  requestRestart: (() => void) | null;
  close(): void;
  /** close(), resolved when the read workers have let go of the file too (before a restart swaps it). */
  closeAndWait(): Promise<void>;
}

/** Builds everything the app runs on: database (migrated), services, event bus. Plain Node. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(opts.dataDir);
  // Personal data: the folder and everything in it readable by this user only (docs/data-folder.md).
  privateUmask();
  makePrivateFolder(dataDir);
  // One process per data folder, before the database is touched: a second instance is refused here.
  const lock = lockDataFolder(dataDir);
  const file = dbFile(dataDir);
  const clock = opts.clock ?? systemClock;
  let opened: ReturnType<typeof openDatabase>;
  try {
    restrictExisting(dataDir);
    // A restore staged by the previous core is swapped in here, before anything has the file open.
    opened = openThroughRestore(dataDir, file, () => openDatabase(file, { busyTimeoutMs: opts.busyTimeoutMs }), () => clock.now());
  } catch (err) {
    lock.release();
    throw err;
  }
  const { sqlite, db } = opened;
  const reads = new ReadPool(sqlite, { size: readWorkersFrom(opts.readWorkers), busyTimeoutMs: opts.busyTimeoutMs ?? 5000 });
  const health = new DataHealth(file, backupsDir(dataDir), () => clock.now());
  // Off the main thread: at 1M customers it reads the whole file for seconds (docs/data-folder.md).
  health.startupCheck();
  ensureReferenceData(sqlite);
  settleImportsAtStart(sqlite, dataDir, clock.now());
  settleBackupsAtStart(sqlite, clock.now());
  const events = new EventBus();
  const settings = new SettingsService(db, clock);
  const auth = new AuthService(db, clock, settings, events);
  const visibility = new CustomerVisibility(sqlite, auth);
  const customers = new CustomerService(db);
  const firstRun = opts.bootstrapAdmin === false ? null : await auth.bootstrapAdmin();
  const core: Core = {
    dataDir,
    dbFile: file,
    sqlite,
    db,
    reads,
    clock,
    events,
    settings,
    auth,
    customers,
    visibility,
    search: new CustomerSearch(sqlite, visibility),
    health,
    folderGrants: new FolderGrants(clock),
    uploads: new UploadStore(path.join(dataDir, 'uploads'), clock),
    seats: new SeatService(db, clock, events),
    // Set just below: the services are given the finished core.
    services: undefined as unknown as Services,
    firstRun,
    requestRestart: opts.onRestartRequested ?? null,
    close: () => void closeAll(),
    closeAndWait: () => closeAll(),
  };
  let closing: Promise<void> | null = null;
  function closeAll(): Promise<void> {
    closing ??= (async () => {
      // The workers end first (asynchronously: reads.close() resolves when their threads are gone).
      const workers = reads.close();
      sqlite.close();
      lock.release();
      await workers;
    })();
    return closing;
  }
  core.services = createServices(core);
  // 坐席状态 follows the program lock, the unlock, logins and the last session's end (issue 19).
  auth.onSessionChange((c) => {
    core.services.agentStates.sessionChanged(c);
    // 作业模式: the last session's end gives the agent's claimed task back to the queue at once.
    core.services.dialer.sessionChanged(c);
  });
  return core;
}
