import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, type Db, type Sqlite } from '../../db/client';
import { systemClock, type Clock } from './clock';
import { EventBus } from './events';
import { dbFile } from './paths';
import { SettingsService } from './features/admin/settings';
import { AuthService } from './features/auth/service';
import { ensureReferenceData } from './features/auth/bootstrap';
import { CustomerService } from './features/customers/service';
import { CustomerVisibility } from './features/customers/visibility';
import { CustomerSearch } from './features/customers/search';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  busyTimeoutMs?: number;
  /** Create the first admin when the database has no users (default true). */
  bootstrapAdmin?: boolean;
}

export interface Core {
  dataDir: string;
  dbFile: string;
  sqlite: Sqlite;
  db: Db;
  clock: Clock;
  events: EventBus;
  settings: SettingsService;
  auth: AuthService;
  customers: CustomerService;
  /** Who sees which customer (mine / team / all), shared by the grid, quick find and the card. */
  visibility: CustomerVisibility;
  /** Customer quick find (customers.search). */
  search: CustomerSearch;
  /** Set on the very first start of an empty database: shown once, never stored in clear. */
  firstRun: { username: string; oneTimePassword: string } | null;
  close(): void;
}

/** Builds everything the app runs on: database (migrated), services, event bus. Plain Node. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = dbFile(dataDir);
  const clock = opts.clock ?? systemClock;
  const { sqlite, db } = openDatabase(file, { busyTimeoutMs: opts.busyTimeoutMs });
  ensureReferenceData(sqlite);
  const events = new EventBus();
  const settings = new SettingsService(db, clock);
  const auth = new AuthService(db, clock, settings, events);
  const visibility = new CustomerVisibility(sqlite, auth);
  const customers = new CustomerService(db);
  const firstRun = opts.bootstrapAdmin === false ? null : await auth.bootstrapAdmin();
  return {
    dataDir,
    dbFile: file,
    sqlite,
    db,
    clock,
    events,
    settings,
    auth,
    customers,
    visibility,
    search: new CustomerSearch(sqlite, visibility),
    firstRun,
    close: () => sqlite.close(),
  };
}
