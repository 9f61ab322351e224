/**
 * Deterministic zh-CN demo data, up to 1,000,000 customers, written with raw prepared statements.
 *
 * Everything depends only on (customers, seed, today): the same three give byte-identical data
 * (except the users' password hashes, which are salted). Rows get explicit ids so that children
 * can reference parents without reading anything back.
 *
 * Speed (1M customers in well under a minute): big transactions (one per 50,000 customers),
 * journal_mode=OFF / synchronous=OFF / foreign_keys=OFF during the load (restored afterwards), the
 * secondary indexes of the loaded tables dropped first (except those led by customer_id, which the
 * load fills in order) and recreated from their saved CREATE INDEX statements at the end (so the
 * schema is exactly as migrated), the quick-find index built on a worker thread from records the
 * generator streams to it during the load (see docs/customer-search.md), and no per-row objects in
 * the generator. Because there is no journal during the load, an interrupted seed leaves a database
 * that must be thrown away (scripts/start.ts seeds under a temporary name for that reason).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { Sqlite } from '../../../../db/client';
import { ROLES, type Role } from '../../../common/roles';
import { STAGES } from '../../../common/stages';
import { FIRST_SERVICE_DAYS } from '../../../common/api/reminders';
import { ensureReferenceData } from '../../reference-data';
import { hashPassword } from '../auth';
import { normalizePhone, isPhoneError } from '../../../common/phone';
import { CITIES, DEALER_CITY, ROADS, COMPOUNDS, type City } from './cities';
import { demoOccupation } from './occupations';
import { DayTable, MS_PER_DAY, addYears, localMs, parseDay, todayInShanghai } from './dates';
import { ABANDON_REASONS, type CarModel, COLOURS, COMPETITOR_BRANDS, FAW_VW_MODELS, insertStandardDictionaries, OWN_BRAND } from '../admin';
import { makeIdNumber, makeUscc } from './idnumber';
import { companyName, personName } from './names';
import { formatLandlineRaw, formatMobileRaw, localNumber, mobileNumber, NumberSpace } from './phones';
import { FractionSelector, Prng, WeightedPicker } from './prng';
import { PROBLEM_DEFS, summarizeProblems, type DemoProblem, type ProblemCode } from './problems';
import { FAW_VW_WMI, makeVin } from './vin';
import { seedExports } from './exports';
import { seedConsent } from './consent';
import { AFTERSALES_TABLES, seedAftersales } from './aftersales';
import {
  GROUP_COUNTS_TRIGGER_PREFIX,
  GroupCountsTally,
  phoneIndexForm,
  PRIMARY_MODEL_TRIGGER_PREFIX,
  rebuildCustomerSearch,
  SEARCH_TRIGGER_PREFIX,
  searchSourceRecord,
  startStreamedSearchBuild,
  type StreamedSearchBuild,
  vinIndexForm,
} from '../customers';

export const MAX_DEMO_CUSTOMERS = 1_000_000;
export const DEMO_PASSWORD = 'demo1234';
export const DEFAULT_DEMO_SEED = 1;
/** From this many customers the quick-find index is built on a worker thread (see seedDemo). */
const PARALLEL_SEARCH_BUILD_MIN = 100_000;
/** Memory-mapped reads while seeding (a 1M database is ~2 GB). */
const SEED_MMAP_BYTES = 4 * 1024 ** 3;
/** Customers per transaction (with all their vehicles, visits, opportunities …). */
const CHUNK = 50_000;

export interface SeedOptions {
  customers: number;
  seed?: number;
  /** 'YYYY-MM-DD'; default: today in Asia/Shanghai. All dates are relative to it. */
  today?: string;
  log?: (msg: string) => void;
  /** Build the quick-find index on a worker thread; default: from PARALLEL_SEARCH_BUILD_MIN customers. */
  quickFindOnWorker?: boolean;
}

export interface DemoUser {
  id: number;
  username: string;
  password: string;
  role: Role;
  displayName: string;
  teamId: number | null;
}

export interface SeedReport {
  seed: number;
  today: string;
  customers: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  users: DemoUser[];
  /** The one password of every demo user. */
  password: string;
  problems: DemoProblem[];
  elapsedMs: number;
}

/** The demo users: username, role, display name, team (index into TEAMS or null). */
const DEMO_USERS: readonly { username: string; role: Role; displayName: string; team: number | null }[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员', team: null },
  { username: 'gm', role: 'generalManager', displayName: '王建国', team: null },
  { username: 'manager', role: 'salesManager', displayName: '李明', team: 0 },
  { username: 'sales1', role: 'salesConsultant', displayName: '张伟', team: 0 },
  { username: 'sales2', role: 'salesConsultant', displayName: '刘洋', team: 0 },
  { username: 'sales3', role: 'salesConsultant', displayName: '陈晨', team: 0 },
  { username: 'sales4', role: 'salesConsultant', displayName: '杨帆', team: 0 },
  { username: 'sales5', role: 'salesConsultant', displayName: '黄磊', team: 1 },
  { username: 'sales6', role: 'salesConsultant', displayName: '赵敏', team: 1 },
  { username: 'sales7', role: 'salesConsultant', displayName: '吴婷', team: 1 },
  { username: 'sales8', role: 'salesConsultant', displayName: '周杰', team: 1 },
  { username: 'csmanager', role: 'serviceManager', displayName: '孙丽', team: 2 },
  { username: 'service1', role: 'serviceAgent', displayName: '马丽', team: 2 },
  { username: 'service2', role: 'serviceAgent', displayName: '朱琳', team: 2 },
  { username: 'service3', role: 'serviceAgent', displayName: '胡娟', team: 2 },
  { username: 'service4', role: 'serviceAgent', displayName: '郭芳', team: 2 },
  { username: 'advisor1', role: 'serviceAdvisor', displayName: '何强', team: null },
];

const TEAMS: readonly { name: string; kind: 'sales' | 'service'; manager: string }[] = [
  { name: '销售一组', kind: 'sales', manager: 'manager' },
  { name: '销售二组', kind: 'sales', manager: 'manager' },
  { name: '客服组', kind: 'service', manager: 'csmanager' },
];

/** Tables whose secondary indexes are dropped during the load and recreated afterwards. */
const BULK_TABLES = [
  'customers',
  'customer_phones',
  'vehicles',
  'service_visits',
  'opportunities',
  'stage_history',
  'activities',
  'purchase_intents',
  'showroom_visits',
  'deliveries',
  'test_drive_bookings',
  'walk_in_batches',
  // the after-sales history (aftersales.ts); tasks and solicitation_tasks keep their unique natural keys
  'revisits', 'calls', 'appointments', 'complaints', 'complaint_history',
] as const;

// Stage indexes (see STAGES).
const S_INITIAL = 0;
const S_NEEDS = 1;
const S_PRESENTATION = 2;
const S_TEST_DRIVE = 3;
const S_QUOTE = 4;
const S_DELIVERY = 5;
const STAGE_CODE: readonly string[] = STAGES.map((s) => s.code);

const ACTIVITY_BY_STAGE: readonly { type: string; subject: string; result: string }[] = [
  { type: 'call', subject: '首次联系,了解购车意向', result: '客户有购车意向,已留档' },
  { type: 'call', subject: '电话沟通,弄清客户需求', result: '已了解预算、用途和偏好车型' },
  { type: 'visit', subject: '邀约到店看车', result: '客户到店,已做新车展示' },
  { type: 'test_drive', subject: '安排试乘试驾', result: '已完成试乘试驾,客户评价良好' },
  { type: 'quote', subject: '报价与金融方案', result: '已报价,客户考虑中' },
  { type: 'visit', subject: '递交新车', result: '新车已递交,客户满意' },
];
const PLANNED_ACTIVITIES: readonly { type: string; subject: string }[] = [
  { type: 'call', subject: '电话跟进' },
  { type: 'wechat', subject: '微信发送车型资料' },
  { type: 'visit', subject: '邀约客户再次到店' },
  { type: 'call', subject: '跟进报价反馈' },
  { type: 'sms', subject: '短信告知店内活动' },
];
const SERVICE_ITEMS: Record<string, readonly string[]> = {
  first_service: ['首次保养', '首保:更换机油、机油滤清器'],
  regular_service: ['常规保养:更换机油、机油滤清器', '常规保养:更换机油、三滤', '常规保养:更换刹车油', '常规保养:更换火花塞、空气滤清器', '常规保养:四轮定位、轮胎换位'],
  repair: ['更换刹车片', '空调系统维修', '更换蓄电池', '发动机故障灯检修', '更换雨刮片、灯泡', '底盘异响检修'],
  accident: ['事故车钣金喷漆', '更换前保险杠', '更换后视镜', '事故车维修:更换大灯'],
  warranty: ['质保:更换水泵', '质保:更换车窗升降器', '质保:更换传感器'],
  other: ['洗车美容', '加装行车记录仪', '车辆检测'],
};
const CUSTOMER_NOTES = ['老客户介绍', '需要开具发票', '只接受微信联系', '周末方便联系', '公司车队客户', '对价格比较敏感'];

interface IndexSql {
  name: string;
  sql: string;
  tbl_name: string;
}

/**
 * Tables written after the customers, in event or time order rather than customer order (the
 * after-sales history): their customer_id indexes are dropped during the load like the others
 * (measured at 1M: the history's inserts ~0.7 s faster, the four indexes built in 0.37 s).
 */
const NOT_IN_CUSTOMER_ORDER: ReadonlySet<string> = new Set(AFTERSALES_TABLES);

/** Child tables whose rows the generator writes in ascending order of this parent id (see seedDemo). */
const IN_ORDER_PARENT: Readonly<Record<string, string>> = {
  service_visits: 'vehicle_id',
  stage_history: 'opportunity_id',
  activities: 'opportunity_id',
};

/** Seeds a freshly migrated database (see db/client openDatabase). Refuses one that has customers. */
export async function seedDemo(sqlite: Sqlite, opts: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const n = opts.customers;
  if (!Number.isInteger(n) || n < 1 || n > MAX_DEMO_CUSTOMERS) {
    throw new Error(`客户数须为 1 到 ${MAX_DEMO_CUSTOMERS} 之间的整数 / customers must be a whole number from 1 to ${MAX_DEMO_CUSTOMERS}, got ${n}`);
  }
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  const today = opts.today ?? todayInShanghai();
  parseDay(today); // throws on a bad date

  const existing = sqlite.prepare('SELECT COUNT(*) FROM customers').pluck().get() as number;
  if (existing > 0) {
    throw new Error(
      `数据库中已有 ${existing} 个客户,演示数据只能写入空数据库 / The database already has ${existing} customers; demo data is only seeded into an empty database`,
    );
  }
  const taken = sqlite
    .prepare(`SELECT username FROM users WHERE username IN (${DEMO_USERS.map(() => '?').join(',')})`)
    .pluck()
    .all(...DEMO_USERS.map((u) => u.username)) as string[];
  if (taken.length > 0) {
    throw new Error(
      `数据库中已有同名用户(${taken.join(', ')}),请使用新的数据目录 / The database already has users named ${taken.join(', ')}; seed a new data folder`,
    );
  }

  ensureReferenceData(sqlite);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once, shared by every demo user

  const saved = {
    journal: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true })),
    cacheSize: Number(sqlite.pragma('cache_size', { simple: true })),
    threads: Number(sqlite.pragma('threads', { simple: true })),
    mmapSize: Number(sqlite.pragma('mmap_size', { simple: true })),
  };
  const indexes = sqlite
    .prepare(
      `SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => '?').join(',')}) ORDER BY name`,
    )
    .all(...BULK_TABLES) as IndexSql[];
  // Indexes led by customer_id stay during the load: customers are generated in id order, so their
  // rows arrive in (nearly) index order and each insert lands on the rightmost, cached page — far
  // cheaper than a table scan and sort per index afterwards (measured at 1M: recreating the other
  // 38 took 16.6 s, all 46 took 20.1 s, and the load itself was no slower). The same holds for the
  // children of vehicles and opportunities, written right after their parent in id order (measured
  // at 1M, CPU: service_visits_vehicle_idx 2.6 s kept vs 1.7 s load + 1.1 s CREATE INDEX;
  // stage_history_opp_idx 0.32 vs 0.40 s; activities_opp_idx 0.74–0.79 vs 0.89–1.14 s).
  const keep = (ix: IndexSql) => {
    const lead = sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno LIMIT 1').pluck().get(ix.name) as string | undefined;
    return lead !== undefined && !NOT_IN_CUSTOMER_ORDER.has(ix.tbl_name) && (lead === 'customer_id' || IN_ORDER_PARENT[ix.tbl_name] === lead);
  };
  const kept = indexes.filter(keep);
  indexes.splice(0, indexes.length, ...indexes.filter((ix) => !kept.includes(ix)));

  sqlite.pragma('foreign_keys = OFF');
  // better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode = OFF
  // without an error: until this, the whole load went through the WAL (every page written twice,
  // checkpoints after each 50,000-customer transaction, WAL look-ups on every read of CREATE INDEX;
  // measured at 200,000: rows CPU 8.5 -> 7.4 s). Defensive mode is back on in restorePragmas.
  sqlite.unsafeMode(true);
  // Leaving WAL needs the file to itself: with another connection open (a running core's read pool)
  // SQLite answers SQLITE_BUSY, or keeps WAL. Either way the load goes on through the WAL, only slower.
  let journal: string;
  try {
    journal = String(sqlite.pragma('journal_mode = OFF', { simple: true }));
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    journal = String(sqlite.pragma('journal_mode', { simple: true }));
  }
  if (journal !== 'off') log(`journal_mode stays ${journal} during the load (another connection is open?)`);
  sqlite.pragma('synchronous = OFF');
  // A big page cache makes CREATE INDEX's sorter much slower here (measured: 27 s vs 10 s at 1M),
  // so the cache stays small. No sorter helper threads: on the 2-CPU bench machine they made the 46
  // CREATE INDEX slower, not faster (measured at 1M: 18.5 s without, 23.7–26.5 s with threads = 4).
  sqlite.pragma('cache_size = -2000');
  sqlite.pragma('threads = 0');
  // Every CREATE INDEX scans its whole table through that small cache: memory-mapped reads spare a
  // system call and a copy per page (measured at 1M on a loaded machine: whole seed 11.7–11.9 s
  // system CPU vs 13.0–18.1 s without; the customers, vehicles and service_visits indexes alone
  // 1.4–2.9 s less). Restored afterwards; where mmap is unavailable SQLite ignores it.
  sqlite.pragma(`mmap_size = ${SEED_MMAP_BYTES}`);
  for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);
  // The quick-find triggers would update the FTS row once per phone and vehicle (and find no row
  // yet when phones come first): they are off during the load and the index is rebuilt once after.
  // The primary-model triggers likewise: the generator writes customers.primary_model itself. And
  // the group-count triggers (ten upserts per customer): the generator tallies them in memory.
  const triggers = sqlite
    .prepare(`SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE ? OR name LIKE ? OR name LIKE ?) ORDER BY name`)
    .all(`${SEARCH_TRIGGER_PREFIX}%`, `${PRIMARY_MODEL_TRIGGER_PREFIX}%`, `${GROUP_COUNTS_TRIGGER_PREFIX}%`) as IndexSql[];
  for (const tr of triggers) sqlite.exec(`DROP TRIGGER "${tr.name}"`);

  let report: SeedReport;
  // Large seeds build the quick-find index on a worker thread: the generator sends it every
  // customer's name, phones, plates and VINs during the load (on the otherwise idle second CPU), and
  // the FTS5 build runs there while CREATE INDEX runs here (measured at 1M: ~10 s of FTS5 work hidden
  // behind ~20 s of indexes); small ones build it inline afterwards.
  let search: StreamedSearchBuild | null = null;
  if (opts.quickFindOnWorker ?? n >= PARALLEL_SEARCH_BUILD_MIN) {
    try {
      search = startStreamedSearchBuild(sqlite);
    } catch (err) {
      log(`quick-find index: no worker thread (${(err as Error).message}), building inline`);
    }
  }
  try {
    const gen = new DemoGenerator(sqlite, { customers: n, seed, today, log, passwordHash, search });
    // Phase times in CPU seconds as well as wall: on a shared machine only CPU compares across runs.
    // CPU is the process's (all threads): the rows' includes the worker collecting the quick-find
    // source, the indexes' the worker's FTS5 build.
    let stage = startStage();
    report = gen.run();
    gen.groupCounts.write(sqlite);
    log(`rows written in ${stage()}${search ? ', quick-find source sent to the worker' : ''}`);
    stage = startStage();
    for (const ix of indexes) sqlite.exec(ix.sql);
    log(`indexes recreated (${indexes.length}) in ${stage()}${search ? ' with the quick-find worker' : ''}`);
    stage = startStage();
    let built = false;
    if (search) {
      try {
        await search.finish();
        built = true;
      } catch (err) {
        log(`quick-find index worker failed (${(err as Error).message}), building inline`);
      }
      search = null;
    }
    if (!built) {
      // FTS5 merges its segments through the page cache: the small cache kept for CREATE INDEX
      // would make this build ~50% slower (measured with migration 0002's table: 47 s vs 30 s at 1M).
      sqlite.pragma('cache_size = -262144');
      rebuildCustomerSearch(sqlite);
      sqlite.pragma('cache_size = -2000');
    }
    for (const tr of triggers) sqlite.exec(tr.sql);
    log(`quick-find index ${built ? 'copied in after another' : 'built in'} ${stage()}`);
  } catch (err) {
    search?.cancel();
    // Put the schema back as far as possible; the data is not usable anyway (no journal).
    for (const ix of indexes) {
      try {
        sqlite.exec(ix.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
      } catch {
        /* e.g. a unique index over duplicate rows: the original error matters more */
      }
    }
    for (const tr of triggers) {
      try {
        sqlite.exec(tr.sql.replace(/^CREATE TRIGGER /i, 'CREATE TRIGGER IF NOT EXISTS '));
      } catch {
        /* as above */
      }
    }
    restorePragmas(sqlite, saved);
    throw err;
  }
  restorePragmas(sqlite, saved);
  const stage = startStage();
  const limit = Number(sqlite.pragma('analysis_limit', { simple: true }));
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
  // Customers in full (~1.3 s at 1M): a sampled ANALYZE reads the first ~1,000 entries of each
  // index, all of one owner, and reported ~1,000 customers per owner where there are 125,000; the
  // planner then answered a manager's team grid page by collecting the whole team (1.5 s a page
  // on a fresh 1M seed, against 2–12 ms with true statistics).
  sqlite.pragma('analysis_limit = 0');
  sqlite.exec('ANALYZE customers');
  sqlite.pragma(`analysis_limit = ${limit}`);
  log(`ANALYZE in ${stage()}`);
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/**
 * Starts timing a stage; the function returned says "W s (CPU C s, this thread T s)": wall, process
 * CPU (all threads, the quick-find worker's too) and, where the OS tells, this thread's CPU, the
 * stage's critical path on a quiet machine.
 */
function startStage(): () => string {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const own = threadCpuSeconds();
  return () => {
    const d = process.cpuUsage(cpu);
    const ownNow = threadCpuSeconds();
    const thread = own !== null && ownNow !== null ? `, this thread ${(ownNow - own).toFixed(1)} s` : '';
    return `${((performance.now() - wall) / 1000).toFixed(1)} s (CPU ${((d.user + d.system) / 1e6).toFixed(1)} s${thread})`;
  };
}

/** The main thread's CPU seconds on Linux (/proc: utime + stime in USER_HZ = 100 ticks), else null. */
function threadCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

function restorePragmas(sqlite: Sqlite, saved: { journal: string; synchronous: number; foreignKeys: number; cacheSize: number; threads: number; mmapSize: number }) {
  sqlite.pragma(`mmap_size = ${saved.mmapSize}`);
  sqlite.pragma(`journal_mode = ${saved.journal}`);
  sqlite.pragma(`synchronous = ${saved.synchronous}`);
  sqlite.pragma(`cache_size = ${saved.cacheSize}`);
  sqlite.pragma(`threads = ${saved.threads}`);
  sqlite.pragma(`foreign_keys = ${saved.foreignKeys ? 'ON' : 'OFF'}`);
  sqlite.unsafeMode(false); // better-sqlite3's default, which seedDemo lifted for journal_mode = OFF
}

interface GenConfig {
  customers: number;
  seed: number;
  today: string;
  log: (msg: string) => void;
  passwordHash: string;
  /** Where each chunk's quick-find source records go (null: the index is rebuilt from the tables). */
  search: StreamedSearchBuild | null;
}

type Stmt = Database.Statement<unknown[]>;

function insert(sqlite: Sqlite, table: string, columns: string): Stmt {
  const n = columns.split(',').length;
  return sqlite.prepare(`INSERT INTO ${table} (${columns}) VALUES (${new Array(n).fill('?').join(',')})`);
}

function maxId(sqlite: Sqlite, table: string): number {
  return (sqlite.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${table}`).pluck().get() as number) ?? 0;
}

/** Plate characters after the prefix: 24 letters (no I, O) and 10 digits. */
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const PLATE_SPACE = 34 ** 5;

class DemoGenerator {
  private readonly rng: Prng;
  private readonly T: number; // today, day number
  private readonly NOW: number; // today 20:00 local, epoch ms: "now" of the data set
  private readonly todayStartMs: number;
  private readonly days: DayTable;
  private readonly dayY: Int16Array;
  private readonly dayM: Int8Array;
  private readonly dayD: Int8Array;

  /** Customers per owner and grouped column, written to customer_group_counts after the load. */
  readonly groupCounts = new GroupCountsTally();

  // statements
  private readonly sCustomer: Stmt;
  private readonly sPhone: Stmt;
  private readonly sVehicle: Stmt;
  private readonly sService: Stmt;
  private readonly sOpp: Stmt;
  private readonly sStage: Stmt;
  private readonly sActivity: Stmt;
  private readonly sIntent: Stmt;
  private readonly sVisit: Stmt;
  private readonly sDelivery: Stmt;
  private readonly sBooking: Stmt;

  // id counters (last id used)
  private customerId: number;
  private phoneId: number;
  private vehicleId: number;
  private serviceId: number;
  private oppId: number;
  private stageId: number;
  private activityId: number;
  private intentId: number;
  private visitId: number;
  private deliveryId: number;
  private bookingId: number;
  private walkInRows = 0;
  private readonly base: Record<string, number>;

  // users
  private readonly users: DemoUser[] = [];
  private salesIds: number[] = [];
  private advisorId = 0;
  private testDriveByModel = new Map<string, number>();

  // pickers and number spaces
  private readonly cityPicker = new WeightedPicker(CITIES, CITIES.map((c) => c.weight));
  private readonly sourcePicker = WeightedPicker.of<string>([
    ['showroom', 40],
    ['phone', 24],
    ['market', 20],
    ['outbound', 14],
    ['other', 2],
  ]);
  private readonly modelPicker = new WeightedPicker(FAW_VW_MODELS, FAW_VW_MODELS.map((m) => m.weight));
  private readonly colourPicker = new WeightedPicker(COLOURS.map((c) => c.code), COLOURS.map((c) => c.weight));
  private readonly vehicleCountPicker = new WeightedPicker([0, 1, 2, 3], [8, 66, 24, 2]);
  private readonly openStagePicker = new WeightedPicker([0, 1, 2, 3, 4], [25, 25, 20, 15, 15]);
  private readonly abandonStagePicker = new WeightedPicker([0, 1, 2, 3, 4], [30, 25, 20, 15, 10]);
  private readonly serviceTypePicker = WeightedPicker.of<string>([
    ['regular_service', 78],
    ['repair', 10],
    ['accident', 4],
    ['warranty', 4],
    ['other', 4],
  ]);
  private readonly mobileSpace: NumberSpace;
  private readonly landlineSpace: NumberSpace;
  private landlineSeq = 0;
  private companySeq = 0;
  private readonly plateA: number;
  private readonly plateB: number;

  // uniqueness counters
  private readonly regionIndex = new Map<string, number>();
  private readonly idSeq: Uint16Array;
  private readonly birthFrom: number;
  private readonly birthSpan: number;
  private readonly vinSerial = new Map<number, number>();
  private readonly roPerDay: Int32Array;
  private readonly roFrom: number;

  // problems
  private readonly sel: Record<ProblemCode, FractionSelector>;
  private readonly found: Record<ProblemCode, number[]>;
  private readonly sharedPairs: [number, number][] = [];

  // statistics for walk-ins
  private firstVisitsInWindow = 0;

  /** The current chunk's quick-find source records (searchSourceRecord), when cfg.search is set. */
  private searchRecords = '';

  // per-customer scratch (no allocation per row)
  private readonly vDays = new Int32Array(4);
  private readonly path = new Int8Array(6);
  private readonly pathDay = new Int32Array(6);
  private readonly pathTs = new Float64Array(6);

  constructor(
    private readonly sqlite: Sqlite,
    private readonly cfg: GenConfig,
  ) {
    this.rng = new Prng(cfg.seed);
    this.T = parseDay(cfg.today);
    this.NOW = localMs(this.T, 20 * 60);
    this.todayStartMs = localMs(this.T, 0);
    const first = this.T - 80 * 366;
    const last = this.T + 12 * 366;
    this.days = new DayTable(first, last);
    const span = last - first + 1;
    this.dayY = new Int16Array(span);
    this.dayM = new Int8Array(span);
    this.dayD = new Int8Array(span);
    for (let i = 0; i < span; i++) {
      const s = this.days.str(first + i);
      this.dayY[i] = Number(s.slice(0, 4));
      this.dayM[i] = Number(s.slice(5, 7));
      this.dayD[i] = Number(s.slice(8, 10));
    }

    this.mobileSpace = new NumberSpace(this.rng.u32(), 8);
    this.landlineSpace = new NumberSpace(this.rng.u32(), 7);
    this.plateA = 1 + 2 * (this.rng.u32() % 10_000_000); // odd …
    if (this.plateA % 17 === 0) this.plateA += 2; // … and not a multiple of 17: coprime with 34^5
    this.plateB = this.rng.u32() % PLATE_SPACE;

    let r = 0;
    for (const c of CITIES) for (const d of c.districts) if (!this.regionIndex.has(d.code)) this.regionIndex.set(d.code, r++);
    this.birthFrom = this.T - 73 * 366;
    this.birthSpan = 52 * 366 + 10;
    this.idSeq = new Uint16Array(r * this.birthSpan);
    this.roFrom = this.T - 9 * 366;
    this.roPerDay = new Int32Array(9 * 366 + 2);

    this.sel = {} as Record<ProblemCode, FractionSelector>;
    this.found = {} as Record<ProblemCode, number[]>;
    PROBLEM_DEFS.forEach((def, i) => {
      this.sel[def.code] = new FractionSelector(def.fraction, (cfg.seed * 31 + i + 1) | 0);
      this.found[def.code] = [];
    });

    this.sCustomer = insert(
      sqlite,
      'customers',
      'id,kind,name,gender,id_number,birthday,birthday_md,province,city,address,email,wechat,source,owner_id,dnd_call,dnd_sms,dnd_revisit,notes,primary_model,created_at,updated_at,created_by,occupation',
    );
    this.sPhone = insert(sqlite, 'customer_phones', 'id,customer_id,raw,normalized,kind,is_primary');
    this.sVehicle = insert(
      sqlite,
      'vehicles',
      'id,customer_id,vin,plate,brand,model,colour,purchase_date,delivery_date,mileage,mileage_date,avg_km_per_day,next_service_date,last_service_date,insurance_expiry,membership_expiry,inspection_expiry,licence_expiry,created_at,updated_at',
    );
    this.sService = insert(sqlite, 'service_visits', 'id,vehicle_id,customer_id,ro_number,date,type,mileage,advisor_id,amount,items,created_at');
    this.sOpp = insert(
      sqlite,
      'opportunities',
      'id,customer_id,consultant_id,source,stage,status,model,price,expected_purchase_date,abandon_reason,competitor_brand,last_stage_change_at,closed_at,created_at,updated_at',
    );
    this.sStage = insert(sqlite, 'stage_history', 'id,opportunity_id,from_stage,to_stage,reason,user_id,at');
    this.sActivity = insert(
      sqlite,
      'activities',
      'id,customer_id,opportunity_id,owner_id,type,status,planned_at,done_at,subject,result,next_step,created_at,updated_at',
    );
    this.sIntent = insert(sqlite, 'purchase_intents', 'id,customer_id,model,quantity,budget,expected_date,notes,created_at,created_by');
    this.sVisit = insert(
      sqlite,
      'showroom_visits',
      'id,customer_id,opportunity_id,name,gender,phone,consultant_id,visit_date,visit_at,first_visit,visit_mode,test_drive,test_drive_model,ordered,delivered,interested_model,competitor_brand,expected_purchase_date,late,created_at,created_by',
    );
    this.sDelivery = insert(
      sqlite,
      'deliveries',
      'id,opportunity_id,customer_id,vehicle_id,vin,model,price,delivery_date,buyer_id_number,consultant_id,dms_status,dms_attempts,dms_last_error,dms_exported_at,created_at',
    );
    this.sBooking = insert(sqlite, 'test_drive_bookings', 'id,vehicle_id,customer_id,opportunity_id,consultant_id,start_at,end_at,status,created_at');

    this.base = {
      customers: maxId(sqlite, 'customers'),
      customer_phones: maxId(sqlite, 'customer_phones'),
      vehicles: maxId(sqlite, 'vehicles'),
      service_visits: maxId(sqlite, 'service_visits'),
      opportunities: maxId(sqlite, 'opportunities'),
      stage_history: maxId(sqlite, 'stage_history'),
      activities: maxId(sqlite, 'activities'),
      purchase_intents: maxId(sqlite, 'purchase_intents'),
      showroom_visits: maxId(sqlite, 'showroom_visits'),
      deliveries: maxId(sqlite, 'deliveries'),
      test_drive_bookings: maxId(sqlite, 'test_drive_bookings'),
    };
    this.customerId = maxId(sqlite, 'customers');
    this.phoneId = maxId(sqlite, 'customer_phones');
    this.vehicleId = maxId(sqlite, 'vehicles');
    this.serviceId = maxId(sqlite, 'service_visits');
    this.oppId = maxId(sqlite, 'opportunities');
    this.stageId = maxId(sqlite, 'stage_history');
    this.activityId = maxId(sqlite, 'activities');
    this.intentId = maxId(sqlite, 'purchase_intents');
    this.visitId = maxId(sqlite, 'showroom_visits');
    this.deliveryId = maxId(sqlite, 'deliveries');
    this.bookingId = maxId(sqlite, 'test_drive_bookings');
  }

  run(): SeedReport {
    const { customers, log } = this.cfg;
    const t0 = performance.now();
    this.sqlite.transaction(() => this.seedReferenceRows())();
    for (let from = 0; from < customers; from += CHUNK) {
      const to = Math.min(customers, from + CHUNK);
      this.sqlite.transaction(() => {
        for (let c = from; c < to; c++) this.customer(c);
      })();
      if (this.cfg.search) {
        this.cfg.search.send(this.searchRecords);
        this.searchRecords = '';
      }
      const s = (performance.now() - t0) / 1000;
      log(`customers ${to.toLocaleString('en-US')}/${customers.toLocaleString('en-US')} (${Math.round(to / s).toLocaleString('en-US')}/s)`);
    }
    this.cfg.search?.end();
    this.sqlite.transaction(() => {
      this.walkIns();
      this.found.oversized_export.push(...seedExports(this.sqlite, this.T, new Map(this.users.map((u) => [u.username, u.id])), this.sel.oversized_export));
      this.found.first_visit_without_consent.push(...seedConsent(this.sqlite, this.sel.first_visit_without_consent));
    })();
    const aftersalesRows = this.sqlite.transaction(() => seedAftersales({ sqlite: this.sqlite, seed: this.cfg.seed, T: this.T, customerBase: this.base.customers ?? 0, customers, sel: this.sel, found: this.found, log }))();

    const problems: DemoProblem[] = PROBLEM_DEFS.map((def) => {
      const ids = this.found[def.code].slice().sort((a, b) => a - b);
      const p: DemoProblem = { ...def, candidates: this.sel[def.code].offered, count: ids.length, ids };
      if (def.code === 'shared_phone') p.pairs = this.sharedPairs.slice();
      return p;
    });
    const summary = summarizeProblems(this.cfg.seed, this.cfg.today, customers, problems);
    this.sqlite
      .prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
      .run('demo.problems', JSON.stringify(summary), this.NOW);

    const b = (t: string) => this.base[t] ?? 0;
    const rows: Record<string, number> = {
      customers,
      customer_phones: this.phoneId - b('customer_phones'),
      vehicles: this.vehicleId - b('vehicles'),
      service_visits: this.serviceId - b('service_visits'),
      opportunities: this.oppId - b('opportunities'),
      stage_history: this.stageId - b('stage_history'),
      activities: this.activityId - b('activities'),
      purchase_intents: this.intentId - b('purchase_intents'),
      showroom_visits: this.visitId - b('showroom_visits'),
      walk_in_batches: this.walkInRows,
      deliveries: this.deliveryId - b('deliveries'),
      test_drive_bookings: this.bookingId - b('test_drive_bookings'),
      test_drive_vehicles: this.testDriveByModel.size + 1,
      users: this.users.length,
      ...aftersalesRows,
    };
    return { seed: this.cfg.seed, today: this.cfg.today, customers, rows, users: this.users, password: DEMO_PASSWORD, problems, elapsedMs: 0 };
  }

  // ---------------------------------------------------------------- helpers

  private str(day: number): string {
    return this.days.str(day);
  }

  /** Calendar years after `day`, using the cached y/m/d (no Date objects). */
  private plusYears(day: number, years: number): number {
    const i = day - this.days.firstDay;
    if (i < 0 || i >= this.dayY.length) return addYears(day, years);
    const y = (this.dayY[i] as number) + years;
    const m = this.dayM[i] as number;
    let d = this.dayD[i] as number;
    if (m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) d = 28;
    return Date.UTC(y, m - 1, d) / MS_PER_DAY;
  }

  /** A working-hours instant (09:00–18:00 local) on `day`. */
  private workTs(day: number): number {
    return localMs(day, this.rng.int(540, 1080));
  }

  private plate(city: City, seq: number, nev: boolean): string {
    const x = (this.plateA * seq + this.plateB) % PLATE_SPACE;
    let body = '';
    let v = x;
    for (let i = 0; i < 5; i++) {
      body = PLATE_CHARS[v % 34] + body;
      v = Math.floor(v / 34);
    }
    const prefix = city.plates.length === 1 || this.rng.next() < 0.7 ? (city.plates[0] as string) : this.rng.pick(city.plates);
    return nev ? `${prefix}D${body}` : prefix + body;
  }

  private vin(model: CarModel, purchaseDay: number): string {
    const y = this.days.year(purchaseDay);
    const modelYear = this.days.month(purchaseDay) >= 9 ? y + 1 : y;
    const serial = (this.vinSerial.get(modelYear) ?? 0) + 1;
    this.vinSerial.set(modelYear, serial);
    return makeVin(FAW_VW_WMI, model.vds, modelYear, model.plant, serial);
  }

  private pickModel(year: number): CarModel {
    for (let i = 0; i < 4; i++) {
      const m = this.modelPicker.pick(this.rng);
      if (m.since <= year) return m;
    }
    return FAW_VW_MODELS[0] as CarModel;
  }

  private mobileRaw(mobile: string): { raw: string; normalized: string } {
    const raw = formatMobileRaw(this.rng, mobile);
    const r = normalizePhone(raw);
    if (isPhoneError(r) || r.kind !== 'mobile' || r.normalized !== `86${mobile}`) {
      throw new Error(`demo phone ${raw} does not normalise to 86${mobile}: ${JSON.stringify(r)}`);
    }
    return { raw, normalized: r.normalized };
  }

  // ---------------------------------------------------------------- reference rows

  private seedReferenceRows(): void {
    const { sqlite, NOW } = this;
    const created = NOW - 400 * MS_PER_DAY;
    const teamIds: number[] = [];
    const insTeam = sqlite.prepare('INSERT INTO teams (name, kind, manager_id) VALUES (?, ?, NULL)');
    for (const t of TEAMS) teamIds.push(Number(insTeam.run(t.name, t.kind).lastInsertRowid));

    const insUser = sqlite.prepare(
      `INSERT INTO users (username, display_name, role, team_id, password_hash, must_change_password, failed_logins, active, phone, extension, locale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, 0, 1, ?, ?, 'zh-CN', ?, ?)`,
    );
    const byName = new Map<string, number>();
    DEMO_USERS.forEach((u, i) => {
      const teamId = u.team === null ? null : (teamIds[u.team] as number);
      const phone = mobileNumber(this.rng, this.mobileSpace, 99_000_000 + i);
      const id = Number(insUser.run(u.username, u.displayName, u.role, teamId, this.cfg.passwordHash, phone, String(8001 + i), created, created).lastInsertRowid);
      byName.set(u.username, id);
      this.users.push({ id, username: u.username, password: DEMO_PASSWORD, role: u.role, displayName: u.displayName, teamId });
    });
    const setManager = sqlite.prepare('UPDATE teams SET manager_id = ? WHERE id = ?');
    TEAMS.forEach((t, i) => setManager.run(byName.get(t.manager) ?? null, teamIds[i] as number));
    this.salesIds = this.users.filter((u) => u.role === 'salesConsultant').map((u) => u.id);
    this.advisorId = byName.get('advisor1') ?? 0;
    // Every role has a demo user.
    for (const role of ROLES) if (!this.users.some((u) => u.role === role)) throw new Error(`no demo user for role ${role}`);

    insertStandardDictionaries(sqlite, { onlyMissingKinds: false });

    // Test-drive fleet: one current car per model, plus one retired; dealer-city plates.
    const dealer = CITIES.find((c) => c.name === DEALER_CITY) as City;
    const insTd = sqlite.prepare('INSERT INTO test_drive_vehicles (model, plate, vin, active) VALUES (?, ?, ?, ?)');
    FAW_VW_MODELS.forEach((m, i) => {
      const bought = this.T - 120 - i * 7;
      const id = Number(insTd.run(m.code, this.plate(dealer, 40_000_000 + i, m.nev), this.vin(m, bought), 1).lastInsertRowid);
      this.testDriveByModel.set(m.code, id);
    });
    const old = FAW_VW_MODELS[0] as CarModel;
    insTd.run(old.code, this.plate(dealer, 40_000_100, false), this.vin(old, this.plusYears(this.T, -4)), 0);
  }

  // ---------------------------------------------------------------- one customer and everything about them

  private customer(c: number): void {
    const rng = this.rng;
    const T = this.T;
    const cid = ++this.customerId;
    const city = this.cityPicker.pick(rng);
    const district = rng.pick(city.districts);
    const isCompany = rng.next() < 0.05;
    const owner = this.salesIds[rng.int(0, this.salesIds.length - 1)] as number;
    let source = this.sourcePicker.pick(rng);

    // Vehicles' purchase days, ascending.
    const nVeh = this.vehicleCountPicker.pick(rng);
    const vDays = this.vDays;
    for (let i = 0; i < nVeh; i++) {
      const d = rng.int(T - 8 * 365, T - 1);
      let j = i;
      while (j > 0 && (vDays[j - 1] as number) > d) {
        vDays[j] = vDays[j - 1] as number;
        j--;
      }
      vDays[j] = d;
    }
    const latest = nVeh > 0 ? (vDays[nVeh - 1] as number) : 0;

    // Opportunity: won (for the latest vehicle), open or abandoned, or none.
    let opp: 0 | 1 | 2 | 3 = 0; // 0 none, 1 won, 2 open, 3 abandoned
    if (nVeh > 0 && latest >= T - 3 * 365) {
      if (rng.next() < 0.17) opp = 1;
      else if (rng.next() < 0.05) opp = rng.next() < 0.45 ? 2 : 3;
    } else if (nVeh === 0) {
      if (rng.next() < 0.85) opp = rng.next() < 0.5 ? 2 : 3;
    } else if (rng.next() < 0.095) opp = rng.next() < 0.45 ? 2 : 3;
    if (opp !== 0 && source === 'other') source = 'showroom';
    let oppCreatedDay = 0;
    if (opp === 1) oppCreatedDay = latest - rng.int(7, 75);
    else if (opp === 2) oppCreatedDay = rng.int(T - 180, T - 1);
    else if (opp === 3) oppCreatedDay = rng.int(T - 900, T - 30);
    const olderIntent = opp !== 0 && rng.next() < 0.15;
    const olderIntentDay = olderIntent ? oppCreatedDay - rng.int(2 * 365, 5 * 365) : 0;

    let firstDay = T - rng.int(30, 3 * 365);
    if (nVeh > 0) firstDay = Math.min(firstDay, (vDays[0] as number) - rng.int(3, 60));
    if (opp !== 0) firstDay = Math.min(firstDay, oppCreatedDay - rng.int(1, 20));
    if (olderIntent) firstDay = Math.min(firstDay, olderIntentDay - 1);
    const createdAt = this.workTs(firstDay);
    let touched = createdAt;

    // Identity.
    let name: string;
    let gender: string;
    let idNumber: string;
    let birthday: string | null = null;
    let birthdayMd: string | null = null;
    let ageDays: number | null = null;
    const region = district.code;
    if (isCompany) {
      name = companyName(rng, city.name);
      gender = 'other';
      idNumber = makeUscc(region, (this.companySeq++ * 7919 + 1_234_567) % 100_000_000);
    } else {
      const male = rng.next() < 0.62;
      gender = male ? 'male' : 'female';
      name = personName(rng, male);
      const age = rng.int(22 * 365, 72 * 365);
      const bday = Math.min(T - age, firstDay - 18 * 365);
      birthday = this.str(bday);
      birthdayMd = birthday.slice(5);
      ageDays = T - bday;
      const key = (this.regionIndex.get(region) as number) * this.birthSpan + (bday - this.birthFrom);
      const nth = this.idSeq[key] as number;
      if (nth >= 500) throw new Error('ID number sequence exhausted');
      this.idSeq[key] = nth + 1;
      const offset = ((Math.imul(key, 0x9e3779b1) >>> 0) % 500) * 2;
      const seq = (offset + 2 * nth + (male ? 1 : 0)) % 1000;
      idNumber = makeIdNumber(region, this.days.ymdCompact(bday), seq);
    }
    const address = `${city.name}市${district.name}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(COMPOUNDS)}${rng.int(1, 30)}栋${rng.int(1, 32)}0${rng.int(1, 6)}室`;
    const email =
      rng.next() < 0.25 ? `${rng.int(10_000_000, 2_999_999_999)}@${rng.pick(['qq.com', '163.com', '126.com', 'sina.com'])}` : null;
    const wechat = rng.next() < 0.45 ? `wxid_${rng.u32().toString(36)}${rng.int(10, 99)}` : null;
    const notes = rng.next() < 0.03 ? rng.pick(CUSTOMER_NOTES) : null;

    let dndAll = 0;
    let dndSms = 0;
    if (this.sel.dnd_customer.offer()) {
      dndAll = 1;
      this.found.dnd_customer.push(cid);
    } else if (this.sel.dnd_sms_only.offer()) {
      dndSms = 1;
      this.found.dnd_sms_only.push(cid);
    }

    // Phones: every customer a mobile; some a landline with the city's area code.
    // Unique by construction (sequence number c); a shared one is the previous customer's number,
    // typed differently.
    const shared = c > 0 && this.sel.shared_phone.offer();
    let mobile = mobileNumber(rng, this.mobileSpace, c);
    if (shared) {
      mobile = this.lastMobile;
      this.found.shared_phone.push(cid);
      this.sharedPairs.push([cid - 1, cid]);
    }
    this.lastMobile = mobile;
    const mob = this.mobileRaw(mobile);
    this.sPhone.run(++this.phoneId, cid, mob.raw, mob.normalized, 'mobile', 1);
    const search = this.cfg.search !== null;
    let phones = search ? phoneIndexForm(mob.normalized, 'mobile') : '';
    if (rng.next() < (isCompany ? 0.6 : 0.12)) {
      const local = localNumber(rng, this.landlineSpace, this.landlineSeq++);
      const raw = formatLandlineRaw(rng, city.areaCode, local);
      const r = normalizePhone(raw);
      const expected = `86${city.areaCode.slice(1)}${local}`;
      if (isPhoneError(r) || r.kind !== 'landline' || r.normalized !== expected) {
        throw new Error(`demo landline ${raw} does not normalise to ${expected}: ${JSON.stringify(r)}`);
      }
      this.sPhone.run(++this.phoneId, cid, raw, r.normalized, 'landline', 0);
      if (search) phones += ` ${phoneIndexForm(r.normalized, 'landline')}`;
    }

    // Vehicles and their service history.
    let latestVehicleId = 0;
    let latestModel: CarModel | null = null;
    let latestVin = '';
    let latestDelivery = 0;
    let primaryModel: string | null = null;
    let plates = '';
    let vins = '';
    for (let i = 0; i < nVeh; i++) {
      const pd = vDays[i] as number;
      const t = this.vehicle(cid, city, isCompany, pd);
      if (search) {
        plates += i === 0 ? t.plate : ` ${t.plate}`;
        vins += i === 0 ? vinIndexForm(t.vin) : ` ${vinIndexForm(t.vin)}`;
      }
      primaryModel ??= t.model.code; // the first vehicle (lowest id), as migration 0006's triggers keep it
      touched = Math.max(touched, t.touched);
      latestVehicleId = this.vehicleId;
      latestModel = t.model;
      latestVin = t.vin;
      latestDelivery = t.deliveryDay;
    }

    // Sales.
    if (opp !== 0) {
      const t = this.opportunity(cid, opp, oppCreatedDay, owner, source, isCompany, name, gender, mob.raw, {
        vehicleId: latestVehicleId,
        model: latestModel,
        vin: latestVin,
        purchaseDay: latest,
        deliveryDay: latestDelivery,
        idNumber,
      });
      touched = Math.max(touched, t);
      if (olderIntent) {
        const m = this.pickModel(this.days.year(olderIntentDay));
        this.sIntent.run(
          ++this.intentId,
          cid,
          m.code,
          1,
          Math.round((m.price * rng.float(0.85, 1.1)) / 1000) * 1000,
          this.str(olderIntentDay + rng.int(30, 180)),
          null,
          this.workTs(olderIntentDay),
          owner,
        );
      }
    }

    // In GROUP_COUNT_DIMS order: kind, gender, province, city, source, owner, the three DND flags, model.
    this.groupCounts.add(owner, [isCompany ? 'company' : 'individual', gender, city.province, city.name, source, owner, dndAll, dndAll | dndSms, dndAll, primaryModel]);
    this.sCustomer.run(
      cid,
      isCompany ? 'company' : 'individual',
      name,
      gender,
      idNumber,
      birthday,
      birthdayMd,
      city.province,
      city.name,
      address,
      email,
      wechat,
      source,
      owner,
      dndAll,
      dndAll | dndSms,
      dndAll,
      notes,
      primaryModel,
      createdAt,
      Math.min(touched, this.NOW),
      owner,
      isCompany ? null : demoOccupation(cid, ageDays),
    );
    if (search) this.searchRecords += searchSourceRecord(cid, name, phones, plates, vins);
  }

  private lastMobile = '';

  private vehicle(
    cid: number,
    city: City,
    isCompany: boolean,
    purchaseDay: number,
  ): { touched: number; model: CarModel; vin: string; plate: string; deliveryDay: number } {
    const rng = this.rng;
    const T = this.T;
    const vid = ++this.vehicleId;
    const model = this.pickModel(this.days.year(purchaseDay));
    const colour = this.colourPicker.pick(rng);
    const deliveryDay = Math.min(purchaseDay + rng.int(0, 10), T - 1);
    const vin = this.vin(model, purchaseDay);

    let plateCity = city;
    if (this.sel.foreign_plate.offer()) {
      let other = this.cityPicker.pick(rng);
      while (other.plates.some((p) => city.plates.includes(p))) other = CITIES[(CITIES.indexOf(other) + 1) % CITIES.length] as City;
      plateCity = other;
      this.found.foreign_plate.push(vid);
    }
    const plate = this.plate(plateCity, vid, model.nev);

    // Driving and service history.
    const kmPerDay = 18 + 60 * rng.next() ** 1.6;
    // 首保 at 5,000 km or 3 months, whichever comes first (FIRST_SERVICE_DAYS, 首保提醒's rule): most owners
    // come within the month after it falls due, so 首保回厂率 on the demo reads like a dealer's (~70–80 %).
    const firstInterval = Math.max(45, Math.min(FIRST_SERVICE_DAYS, Math.round(5000 / kmPerDay)));
    const interval = Math.max(90, Math.min(365, Math.round(7500 / kmPerDay)));
    let day = deliveryDay + Math.round(firstInterval * rng.float(0.85, 1.3));
    let visits = 0;
    let mileage = 0;
    let lastDay = 0;
    let touched = localMs(deliveryDay, 600);
    const comes = rng.next() < 0.85;
    const retention = 0.76;
    while (comes && day <= T - 1 && visits < 8) {
      if (visits > 0 && rng.next() >= retention) break;
      let type: string;
      if (visits === 0) type = day - deliveryDay <= 200 ? 'first_service' : 'regular_service';
      else {
        type = this.serviceTypePicker.pick(rng);
        if (type === 'warranty' && day - deliveryDay > 3 * 365) type = 'repair';
      }
      mileage = Math.max(mileage + 50, Math.round(kmPerDay * (day - deliveryDay) * rng.float(0.92, 1.08)));
      touched = this.serviceVisit(vid, cid, day, type, mileage);
      lastDay = day;
      visits++;
      day += Math.round(interval * rng.float(0.75, 1.3));
    }
    let avg: number;
    let mileageDate: string;
    let nextService: number;
    if (visits > 0) {
      avg = Math.round((mileage / Math.max(1, lastDay - deliveryDay)) * 10) / 10;
      mileageDate = this.str(lastDay);
      nextService = lastDay + interval;
    } else {
      mileage = rng.int(5, 30);
      avg = Math.round(kmPerDay * 10) / 10;
      mileageDate = this.str(deliveryDay);
      nextService = deliveryDay + firstInterval;
    }

    // Expiry dates.
    const years = Math.max(1, Math.ceil((T - 45 - purchaseDay) / 365.25));
    const insurance = this.plusYears(purchaseDay, years);
    let membership: string | null = null;
    if (rng.next() < 0.55) {
      membership = this.str(rng.next() < 0.6 ? this.plusYears(purchaseDay, 2) : this.plusYears(purchaseDay, Math.max(1, Math.ceil((T - 30 - purchaseDay) / 365.25))));
    }
    let k = 6;
    while (this.plusYears(purchaseDay, k) < T - 30) k += k < 10 ? 2 : 1;
    const inspection = this.plusYears(purchaseDay, k);
    const licence = isCompany ? null : this.str(rng.int(T - 30, T + 6 * 365));

    this.sVehicle.run(
      vid,
      cid,
      vin,
      plate,
      OWN_BRAND,
      model.code,
      colour,
      this.str(purchaseDay),
      this.str(deliveryDay),
      mileage,
      mileageDate,
      avg,
      this.str(nextService),
      visits > 0 ? this.str(lastDay) : null,
      this.str(insurance),
      membership,
      this.str(inspection),
      licence,
      localMs(deliveryDay, 600),
      touched,
    );
    return { touched, model, vin, plate, deliveryDay };
  }

  private serviceVisit(vid: number, cid: number, day: number, type: string, mileage: number): number {
    const rng = this.rng;
    const ri = day - this.roFrom;
    const nth = (this.roPerDay[ri] as number) + 1;
    this.roPerDay[ri] = nth;
    const ns = String(nth);
    const ro = `RO${this.days.ymdCompact(day)}${'00000'.slice(ns.length)}${ns}`;
    let amount: number;
    switch (type) {
      case 'first_service':
      case 'warranty':
        amount = 0;
        break;
      case 'regular_service':
        amount = rng.int(380, 1600);
        break;
      case 'repair':
        amount = rng.int(300, 6000);
        break;
      case 'accident':
        amount = rng.int(1500, 30000);
        break;
      default:
        amount = rng.int(100, 800);
    }
    const items = rng.pick(SERVICE_ITEMS[type] as readonly string[]);
    const at = localMs(day, rng.int(510, 1020));
    this.sService.run(++this.serviceId, vid, cid, ro, this.str(day), type, mileage, this.advisorId, amount, items, at);
    return at;
  }

  // ---------------------------------------------------------------- sales

  /** Writes one opportunity with its stage history, activities, intent, showroom visits …; returns the last touch. */
  private opportunity(
    cid: number,
    kind: 1 | 2 | 3,
    createdDay: number,
    consultant: number,
    source: string,
    isCompany: boolean,
    name: string,
    gender: string,
    phoneRaw: string,
    won: { vehicleId: number; model: CarModel | null; vin: string; purchaseDay: number; deliveryDay: number; idNumber: string },
  ): number {
    const rng = this.rng;
    const T = this.T;
    const oid = ++this.oppId;
    const model = kind === 1 && won.model ? won.model : this.pickModel(this.days.year(T));
    const price = Math.round((model.price * rng.float(0.88, 1.0)) / 100) * 100;
    const competitor = rng.next() < 0.4 ? rng.pick(COMPETITOR_BRANDS) : null;

    // Path through the funnel.
    const path = this.path;
    const pathDay = this.pathDay;
    let top: number;
    if (kind === 1) top = S_DELIVERY;
    else if (kind === 2) top = this.openStagePicker.pick(rng);
    else top = this.abandonStagePicker.pick(rng);
    let len = 0;
    for (let s = 0; s <= top; s++) {
      const skip =
        s !== 0 &&
        s !== top &&
        ((s === S_NEEDS && rng.next() < 0.1) || (s === S_PRESENTATION && rng.next() < 0.1) || (s === S_TEST_DRIVE && rng.next() < 0.25));
      if (!skip) path[len++] = s;
    }

    // Days of each step.
    let closeDay = 0;
    let expected: number;
    if (kind === 1) {
      const quoteDay = Math.max(createdDay, won.purchaseDay - rng.int(0, 3));
      for (let j = 0; j < len - 1; j++) pathDay[j] = createdDay + Math.round(((quoteDay - createdDay) * j) / Math.max(1, len - 2));
      pathDay[len - 1] = won.deliveryDay;
      closeDay = won.deliveryDay;
      expected = won.purchaseDay + rng.int(-10, 10);
    } else {
      let d = createdDay;
      for (let j = 0; j < len; j++) {
        pathDay[j] = d;
        d = Math.min(T - 1, d + rng.int(kind === 2 ? 1 : 2, kind === 2 ? 12 : 20));
      }
      if (kind === 3) closeDay = Math.min(T - 1, (pathDay[len - 1] as number) + rng.int(3, 30));
      expected = kind === 2 ? T + rng.int(3, 120) : createdDay + rng.int(30, 150);
    }
    const pathTs = this.pathTs;
    for (let j = 0; j < len; j++) {
      let ts = this.workTs(pathDay[j] as number);
      if (j > 0 && ts <= (pathTs[j - 1] as number)) ts = (pathTs[j - 1] as number) + rng.int(10, 120) * 60_000;
      pathTs[j] = ts;
    }
    const createdAt = pathTs[0] as number;
    const lastChange = pathTs[len - 1] as number;
    let closedAt: number | null = null;
    if (kind === 1) closedAt = lastChange;
    else if (kind === 3) closedAt = Math.max(lastChange + 60_000, this.workTs(closeDay));

    let status = 'open';
    let abandonReason: string | null = null;
    let oppCompetitor = competitor;
    if (kind === 1) status = 'won';
    if (kind === 3) {
      status = 'abandoned';
      abandonReason = rng.pick(ABANDON_REASONS).code;
      if (abandonReason === 'competitor' && !oppCompetitor) oppCompetitor = rng.pick(COMPETITOR_BRANDS);
    }

    let noPlan = false;
    let overdue = false;
    if (kind === 2) {
      if (this.sel.open_opportunity_past_expected_date.offer()) {
        expected = T - rng.int(1, 60);
        this.found.open_opportunity_past_expected_date.push(oid);
      }
      noPlan = this.sel.open_opportunity_without_plan.offer();
      if (noPlan) this.found.open_opportunity_without_plan.push(oid);
      else overdue = this.sel.overdue_planned_activity.offer();
    }
    const expectedStr = this.str(expected);
    let touched = closedAt ?? lastChange;

    // Stage history and the activity done at each step.
    for (let j = 0; j < len; j++) {
      const s = path[j] as number;
      const at = pathTs[j] as number;
      this.sStage.run(++this.stageId, oid, j === 0 ? null : STAGE_CODE[path[j - 1] as number], STAGE_CODE[s], null, consultant, at);
      const act = ACTIVITY_BY_STAGE[s] as { type: string; subject: string; result: string };
      const type = s === S_INITIAL && source === 'showroom' ? 'visit' : act.type;
      this.sActivity.run(++this.activityId, cid, oid, consultant, type, 'done', at, at, act.subject, act.result, null, at, at);
    }

    // The next planned activity.
    if (kind === 2 && !noPlan) {
      const p = rng.pick(PLANNED_ACTIVITIES);
      let plannedDay: number;
      if (overdue) plannedDay = Math.max(pathDay[len - 1] as number, T - rng.int(1, 30));
      else plannedDay = T + rng.int(0, 14);
      const plannedAt = this.workTs(plannedDay);
      const aid = ++this.activityId;
      if (overdue) this.found.overdue_planned_activity.push(aid);
      this.sActivity.run(aid, cid, oid, consultant, p.type, 'planned', plannedAt, null, p.subject, null, null, lastChange, lastChange);
    } else if (kind === 3) {
      // 放弃该机会: a follow-up 3–5 years out.
      const plannedAt = this.workTs(closeDay + rng.int(3 * 365, 5 * 365));
      this.sActivity.run(++this.activityId, cid, oid, consultant, 'call', 'planned', plannedAt, null, '再次购车意向回访', null, null, closedAt, closedAt);
    }

    this.sOpp.run(
      oid,
      cid,
      consultant,
      source,
      STAGE_CODE[path[len - 1] as number],
      status,
      model.code,
      price,
      expectedStr,
      abandonReason,
      oppCompetitor,
      lastChange,
      closedAt,
      createdAt,
      touched,
    );

    // 购车意向
    this.sIntent.run(
      ++this.intentId,
      cid,
      model.code,
      isCompany ? rng.int(1, 5) : 1,
      Math.round((price * rng.float(0.95, 1.1)) / 1000) * 1000,
      expectedStr,
      null,
      createdAt,
      consultant,
    );

    // Showroom visits in the last 90 days.
    let visited = false;
    const fromDay = T - 90;
    for (let j = 0; j < len; j++) {
      const s = path[j] as number;
      if (s === S_NEEDS) continue;
      let mode = 0;
      if (s === S_INITIAL) {
        if (source === 'showroom') mode = 1;
      } else if (!visited) mode = source === 'showroom' ? 1 : 2;
      else mode = source === 'showroom' ? 3 : 4;
      if (mode === 0) continue;
      visited = true;
      const day = pathDay[j] as number;
      if (day < fromDay || day > T - 1) continue;
      const visitAt = pathTs[j] as number;
      const first = mode <= 2 ? 1 : 0;
      if (first) this.firstVisitsInWindow++;
      const vid = ++this.visitId;
      let created: number;
      let late = 0;
      if (this.sel.late_showroom_visit.offer()) {
        late = 1;
        const minDelay = 24 * 3_600_000 + 60_000;
        const room = Math.max(0, Math.min(47 * 3_600_000, this.NOW - visitAt - minDelay));
        created = visitAt + minDelay + Math.floor(rng.next() * room);
        this.found.late_showroom_visit.push(vid);
      } else {
        created = visitAt + rng.int(5, 360) * 60_000;
      }
      let phone: string | null = phoneRaw;
      if (this.sel.visit_missing_phone.offer()) {
        phone = null;
        this.found.visit_missing_phone.push(vid);
      }
      let comp: string | null = oppCompetitor ?? rng.pick(COMPETITOR_BRANDS);
      if (this.sel.visit_missing_competitor.offer()) {
        comp = null;
        this.found.visit_missing_competitor.push(vid);
      }
      let exp: string | null = expectedStr;
      if (this.sel.visit_missing_expected_date.offer()) {
        exp = null;
        this.found.visit_missing_expected_date.push(vid);
      }
      // 审核自查 check 3: the other half's mode (1↔3, 2↔4) under a right first-visit flag.
      let storedMode = mode;
      if (this.sel.visit_mode_inconsistent.offer()) {
        storedMode = first ? mode + 2 : mode - 2;
        this.found.visit_mode_inconsistent.push(vid);
      }
      const testDrive = s === S_TEST_DRIVE ? 1 : 0;
      this.sVisit.run(
        vid,
        cid,
        oid,
        name,
        gender,
        phone,
        consultant,
        this.str(day),
        visitAt,
        first,
        storedMode,
        testDrive,
        testDrive ? model.code : null,
        kind === 1 && s >= S_QUOTE ? 1 : 0,
        s === S_DELIVERY ? 1 : 0,
        model.code,
        comp,
        exp,
        late,
        created,
        consultant,
      );
      touched = Math.max(touched, created);
      if (testDrive) {
        const tdv = this.testDriveByModel.get(model.code);
        if (tdv !== undefined) {
          this.sBooking.run(++this.bookingId, tdv, cid, oid, consultant, visitAt, visitAt + 3_600_000, 'done', visitAt - rng.int(1, 48) * 3_600_000);
        }
      }
    }
    // An open opportunity at the test-drive stage often has its next drive booked.
    if (kind === 2 && top === S_TEST_DRIVE && rng.next() < 0.3) {
      const tdv = this.testDriveByModel.get(model.code);
      if (tdv !== undefined) {
        const start = localMs(T + rng.int(1, 7), rng.int(18, 34) * 30);
        this.sBooking.run(++this.bookingId, tdv, cid, oid, consultant, start, start + 3_600_000, 'booked', lastChange);
      }
    }

    // 递交新车 in the last 60 days: the deal and its DMS hand-off.
    if (kind === 1 && won.deliveryDay >= T - 60) {
      const at = pathTs[len - 1] as number;
      let dms = 'pending';
      let attempts = 0;
      let error: string | null = null;
      let exportedAt: number | null = null;
      if (won.deliveryDay <= T - 3) {
        if (rng.next() < 0.05) {
          dms = 'failed';
          attempts = 3;
          error = '连接小R3超时 / DMS connection timed out';
        } else {
          dms = 'exported';
          attempts = 1;
          exportedAt = at + rng.int(10, 600) * 60_000;
        }
      }
      this.sDelivery.run(
        ++this.deliveryId,
        oid,
        cid,
        won.vehicleId,
        won.vin,
        model.code,
        price,
        this.str(won.deliveryDay),
        won.idNumber,
        consultant,
        dms,
        attempts,
        error,
        exportedAt,
        at,
      );
    }
    return Math.min(touched, this.NOW);
  }

  /** 未留档客户: per day, consultant and model, about half as many as the registered first visits. */
  private walkIns(): void {
    const rng = this.rng;
    const T = this.T;
    const ins = this.sqlite.prepare('INSERT INTO walk_in_batches (visit_date, model, count, consultant_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)');
    const perConsultantDay = (this.firstVisitsInWindow * 0.55) / 90 / Math.max(1, this.salesIds.length);
    for (let day = T - 90; day <= T - 1; day++) {
      const weekday = new Date(day * MS_PER_DAY).getUTCDay();
      const factor = weekday === 0 || weekday === 6 ? 1.6 : 0.8;
      for (const consultant of this.salesIds) {
        const x = perConsultantDay * factor * rng.float(0.6, 1.4);
        let left = Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
        while (left > 0) {
          const count = Math.min(left, rng.int(1, Math.max(1, Math.ceil(perConsultantDay / 2))));
          left -= count;
          const m = this.pickModel(this.days.year(day));
          // Saved during opening hours (09:00–18:00): the counter saves a batch at each tap, so the
          // batch's time is about when the visitors came — what 集客分析's heat map reads.
          ins.run(this.str(day), m.code, count, consultant, localMs(day, rng.int(540, 1079)), consultant);
          this.walkInRows++;
        }
      }
    }
  }
}
