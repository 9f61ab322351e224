/**
 * ui.screen_pop.ms at the bench's scale: a real INVITE (sipp → kamailio → the softphone in
 * Chromium) with the number of one of the 1,000,000 customers, timed inside the page from the
 * moment the softphone saw the INVITE (Line.t0, kept as window.__dscrmTel.lastInviteAt) to the
 * frame after the customer's card shows the name. The first call is a warm-up (the first lookup
 * reads index pages from disk) and is reported on its own as ui.screen_pop_first_call.ms.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { dbFile } from '../../electron/node/paths';
import { DEMO_PASSWORD } from '../../electron/node/features/demo/seed';
import { sippInbound, startKamailio, TEST_EXTENSIONS } from '../../tests/support/kamailio';
import { apiFromPage, CHROMIUM_ARGS, loginToShell } from '../../tests/e2e/support/app';
import { log, percentile, round, sampleIds, type Metric } from './stats';
import { printBreakdown, readBreakdown, type Breakdown } from './ui-breakdown';

const CALLS = 8;
const USER = 'csmanager';
const EXTENSION = '1006';

/** Customers with a mobile no one else has, so the lookup names exactly one and the card pops. */
function callers(dataDir: string, n: number): { name: string; number: string }[] {
  const db = new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const max = db.prepare('SELECT MAX(id) FROM customers').pluck().get() as number;
    const pick = db.prepare(
      `SELECT c.name, p.normalized FROM customers c JOIN customer_phones p ON p.customer_id = c.id AND p.is_primary = 1
       WHERE c.id >= ? AND length(p.normalized) = 13 AND p.normalized LIKE '861%'
         AND (SELECT COUNT(*) FROM customer_phones q WHERE q.normalized = p.normalized) = 1
       ORDER BY c.id LIMIT 1`,
    );
    const out: { name: string; number: string }[] = [];
    for (const id of sampleIds(max, n * 3, 29)) {
      const row = pick.get(id) as { name: string; normalized: string } | undefined;
      if (row && !out.some((o) => o.number === `+${row.normalized}`)) out.push({ name: row.name, number: `+${row.normalized}` });
      if (out.length === n) break;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Milliseconds from the INVITE the softphone saw to the frame after the card names `name`. */
function armPop(page: Page, name: string): Promise<number> {
  const script = `new Promise((resolve, reject) => {
    const name = ${JSON.stringify(name)};
    const holds = () => [...document.querySelectorAll('[data-testid="customer-card"] .toolbar-title')].some((e) => e.textContent.includes(name));
    const check = () => {
      if (!holds()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__dscrmTel.lastInviteAt), 0));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    setTimeout(() => reject(new Error('no screen pop in 30 s for ' + name)), 30000);
  })`;
  return page.evaluate(script) as Promise<number>;
}

export async function benchScreenPop(dataDir: string, hostUrl: string): Promise<Metric[]> {
  const missing = ['kamailio', 'sipp'].filter((b) => spawnSync('sh', ['-c', `command -v ${process.env[`${b.toUpperCase()}_PATH`] ?? b}`]).status !== 0);
  if (missing.length) {
    log(`ui.screen_pop: skipped, ${missing.join(' and ')} not installed (apt-get install kamailio kamailio-websocket-modules sip-tester)`);
    return [];
  }
  const people = callers(dataDir, CALLS + 1);
  const k = await startKamailio();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required'],
    env: { ...process.env, LANGUAGE: 'zh_CN' },
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['microphone'] });
    const page = await context.newPage();
    await loginToShell(page, hostUrl, USER, DEMO_PASSWORD);
    const saved = await apiFromPage(page, 'telephony.settings.save', { wsUrl: k.wsUrl, extension: EXTENSION, authUser: EXTENSION, password: TEST_EXTENSIONS[EXTENSION], displayName: USER, popOn: 'ring' });
    if (!saved.body.ok) throw new Error(`softphone settings: ${saved.body.error?.message}`);
    await page.reload();
    await page.locator('[data-testid="tel-status"][data-kind="registered"]').waitFor({ timeout: 30_000 });
    const samples: number[] = [];
    const stages: Breakdown[] = [];
    for (const { name, number } of people) {
      await page.evaluate('performance.clearResourceTimings()');
      const popped = armPop(page, name);
      const sipp = sippInbound(k, number, EXTENSION);
      const ms = await popped;
      samples.push(ms);
      stages.push({ ...(await readBreakdown(page, 'window.__dscrmTel.lastInviteAt')), 'card painted (the figure)': ms });
      await page.getByTestId('tel-ringing').getByTestId('tel-decline').click();
      const done = await sipp;
      if (done.code !== 0) throw new Error(`sipp failed: ${done.output.slice(-1000)}`);
      await page.getByTestId('tel-ringing').waitFor({ state: 'detached' });
    }
    const [first, ...rest] = samples;
    printBreakdown('ui.screen_pop.ms (calls after the first)', stages.slice(1), rest);
    log(`ui.screen_pop.ms: first call ${first!.toFixed(0)} ms; then ${rest.map((s) => s.toFixed(0)).join(', ')} ms → p95 ${percentile(rest, 95).toFixed(0)} ms`);
    return [
      { name: 'ui.screen_pop.ms', value: round(percentile(rest, 95), 1), unit: 'ms', baseline: null, goal: '≤ 150 ms (INVITE seen by the softphone → card painted, 1,000,000 customers, kamailio + sipp)' },
      { name: 'ui.screen_pop_first_call.ms', value: round(first!, 1), unit: 'ms', baseline: null },
    ];
  } finally {
    await browser.close();
    await k.close();
  }
}
