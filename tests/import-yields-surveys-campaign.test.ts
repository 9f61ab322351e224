/**
 * The CSI / SSI survey import and the manufacturer's campaign import do not freeze everyone either
 * (issue 14 item 13, as tests/import-yields.test.ts proves for the repair-order import): each runs
 * as one transaction in slices, a quick search meanwhile answers before the import is done, the
 * importer gets progress events, and a failure late in the file leaves nothing behind.
 * Both imports go through dispatch and the upload store, as a user's file does.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../electron/common/api/contract';
import type { ApiEvents } from '../electron/common/api/events';
import type { SurveyImportReport } from '../electron/common/api/surveys';
import { createCore, type Core } from '../electron/node/core';
import { ManualClock } from '../electron/node/clock';
import { seedDemo } from '../electron/node/features/demo/seed';
import { call, tempDir, uploaded, userWithSession } from './support/core';

const TODAY = '2026-11-20';
/** Big enough for many slices on any machine, small enough for the shared 2-CPU one. */
const SURVEY_ROWS = 6_000;

let core: Core;
let dir: string;
let token: string;
let userId: number;
let vehicles: { id: number; vin: string }[];

beforeAll(async () => {
  dir = tempDir('dscrm-import-');
  core = await createCore({ dataDir: dir, clock: new ManualClock(Date.parse(`${TODAY}T04:00:00Z`)), bootstrapAdmin: false });
  await seedDemo(core.sqlite, { customers: 2_000, today: TODAY });
  ({ token, userId } = await userWithSession(core, 'csm', 'serviceManager'));
  // Customers who refuse calls are left out of a campaign: only the others' vehicles make tasks.
  vehicles = core.sqlite
    .prepare('SELECT v.id, v.vin FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.vin IS NOT NULL AND c.dnd_call = 0 ORDER BY v.id')
    .all() as { id: number; vin: string }[];
}, 120_000);
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The day `n` days before TODAY. */
const daysBefore = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The manufacturer's survey file: n distinct surveys (vehicle × type × day, the days counted back
 * from `firstDayBack` days before TODAY), one low score in 50.
 */
const surveyFile = (n: number, firstDayBack = 0) => {
  const lines = ['车架号,调查类型,调查日期,分数,是否不满意'];
  for (let i = 0; i < n; i++) {
    const v = vehicles[i % vehicles.length]!;
    const round = Math.floor(i / vehicles.length);
    lines.push(`${v.vin},${round % 2 ? 'SSI' : 'CSI'},${daysBefore(firstDayBack + Math.floor(round / 2))},${i % 50 === 0 ? 60 : 90},否`);
  }
  return Buffer.from(lines.join('\n'));
};
/** A campaign list: every vehicle once (each a new task), then repeated up to n rows (counted as existing). */
const campaignFile = (n: number) => {
  const lines = ['车架号'];
  for (let i = 0; i < n; i++) lines.push(vehicles[i % vehicles.length]!.vin);
  return Buffer.from(lines.join('\n'));
};

const importSurveys = async (fileName: string, bytes: Buffer) => call(core, token, 'surveys.import', { uploadId: await uploaded(core, token, fileName, bytes) });
const importCampaign = async (campaign: string, bytes: Buffer) =>
  call(core, token, 'solicitation.importCampaign', { campaign, windowStart: '2026-12-01', windowEnd: '2026-12-31', uploadId: await uploaded(core, token, `${campaign}.csv`, bytes) });

/**
 * Starts an import, runs a quick search as soon as the import's transaction is open (or — as before
 * the fix, when the import held the process for the whole file — once it has finished), and
 * returns what finished first, the import's answer and the progress events the importer received.
 */
async function searchDuring(kind: ApiEvents['import.progress']['kind'], start: () => Promise<ApiResult<unknown>>) {
  const progress: ApiEvents['import.progress'][] = [];
  const stop = core.events.subscribe((e) => {
    const p = e.payload as ApiEvents['import.progress'];
    if (e.event === 'import.progress' && p.kind === kind && typeof e.target === 'object' && 'userId' in e.target && e.target.userId === userId) progress.push(p);
  });
  try {
    const done: string[] = [];
    const importing = start().then((r) => (done.push('import'), r));
    while (!core.sqlite.inTransaction && !done.includes('import')) await new Promise((r) => setImmediate(r));
    const found = await call(core, token, 'customers.search', { q: '张' }).then((r) => (done.push('search'), r));
    expect(found.ok).toBe(true);
    return { done, result: await importing, progress };
  } finally {
    stop();
  }
}

/** What a failed import must not leave behind, in every table it writes. */
const footprint = () =>
  core.sqlite
    .prepare('SELECT (SELECT count(*) FROM satisfaction_surveys), (SELECT count(*) FROM solicitation_tasks), (SELECT count(*) FROM tasks), (SELECT count(*) FROM audit_log)')
    .raw()
    .get();

describe('a large CSI / SSI survey import', () => {
  it('lets a quick search answer while it runs, reports progress, and saves every survey', async () => {
    const counts = () => core.sqlite.prepare("SELECT (SELECT count(*) FROM satisfaction_surveys), (SELECT count(*) FROM tasks WHERE kind = 'low_score')").raw().get() as [number, number];
    const [surveysBefore, followUpsBefore] = counts();
    const { done, result, progress } = await searchDuring('surveys', () => importSurveys('BIG.csv', surveyFile(SURVEY_ROWS)));
    expect(done).toEqual(['search', 'import']);
    expect(result).toMatchObject({ ok: true, value: { rows: SURVEY_ROWS, saved: SURVEY_ROWS, existing: 0, badCount: 0 } });
    // Low scores made their follow-ups (one per vehicle and due day: a vehicle's second low score the same day adds none).
    const { lowScoreTasks } = (result as { value: SurveyImportReport }).value;
    expect(lowScoreTasks).toBeGreaterThan(0);
    expect(counts()).toEqual([surveysBefore + SURVEY_ROWS, followUpsBefore + lowScoreTasks]);
    // A progress event after each slice (47 for this file on the shared 2-CPU machine); the last says the whole file.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ kind: 'surveys', done: SURVEY_ROWS, total: SURVEY_ROWS });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  }, 300_000);

  it('that fails late in the file leaves nothing behind: no survey, no follow-up task, no audit row', async () => {
    const before = footprint();
    const failAt = SURVEY_ROWS - 500;
    // A failure SQLite raises near the end of the file (as a full disk or a broken row would).
    core.sqlite.exec(`CREATE TEMP TRIGGER fail_survey BEFORE INSERT ON satisfaction_surveys WHEN NEW.source = 'FAIL.csv#${failAt + 1}' BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`);
    try {
      // Other days than the file above, whose surveys would only count as existing.
      const r = await importSurveys('FAIL.csv', surveyFile(SURVEY_ROWS, 100));
      expect(r.ok).toBe(false);
    } finally {
      core.sqlite.exec('DROP TRIGGER fail_survey');
    }
    expect(footprint()).toEqual(before);
    // The connection is usable again for everyone's changes.
    expect(core.sqlite.inTransaction).toBe(false);
    expect(await importSurveys('AFTER.csv', surveyFile(3, 200))).toMatchObject({ ok: true, value: { saved: 3 } });
  }, 300_000);
});

describe('a large campaign import', () => {
  it('lets a quick search answer while it runs, reports progress, and makes a task per vehicle', async () => {
    const rows = vehicles.length * 4;
    const { done, result, progress } = await searchDuring('campaign', () => importCampaign('BIG', campaignFile(rows)));
    expect(done).toEqual(['search', 'import']);
    expect(result).toMatchObject({ ok: true, value: { rows, created: vehicles.length, existing: rows - vehicles.length, unmatchedCount: 0, dndExcluded: 0 } });
    expect(core.sqlite.prepare("SELECT count(*) FROM solicitation_tasks WHERE campaign = 'BIG'").pluck().get()).toBe(vehicles.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ kind: 'campaign', done: rows, total: rows });
  }, 300_000);

  it('that fails late in the file leaves nothing behind: no task, no audit row', async () => {
    const before = footprint();
    const late = vehicles.at(-100)!;
    core.sqlite.exec(`CREATE TEMP TRIGGER fail_campaign BEFORE INSERT ON solicitation_tasks WHEN NEW.campaign = 'FAIL' AND NEW.vehicle_id = ${late.id} BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`);
    try {
      const r = await importCampaign('FAIL', campaignFile(vehicles.length));
      expect(r.ok).toBe(false);
    } finally {
      core.sqlite.exec('DROP TRIGGER fail_campaign');
    }
    expect(footprint()).toEqual(before);
    expect(core.sqlite.inTransaction).toBe(false);
    expect(await importCampaign('AFTER', campaignFile(3))).toMatchObject({ ok: true, value: { created: 3 } });
  }, 300_000);
});
