/**
 * Where a user-facing figure's milliseconds go (issue 14 item 22): after each timed run the page's
 * own stage marks (renderer/perf-marks.ts, `dscrm:*`) and its resource timings — every API call
 * (`/api/<method>`: sent, answered) and every script chunk fetched — are read relative to the run's
 * start. printBreakdown() prints each stage's median and slowest over the runs to stderr.
 */
import type { Page } from 'playwright-core';
import { log, percentile } from './stats';

/** Stage → ms since the run's start (the first occurrence after it). */
export type Breakdown = Record<string, number>;

/**
 * Reads the stages of the run that started at `t0Expr` (an expression in the page giving a
 * performance.now() time). `clear` empties the buffers for the next run in the same page.
 */
export async function readBreakdown(page: Page, t0Expr: string, clear = false): Promise<Breakdown> {
  // A string, not a function: tsx's transpiler adds helpers that do not exist in the page.
  const script = `(() => {
    const t0 = ${t0Expr};
    const out = {};
    const put = (k, v) => { if (v >= -1 && !(k in out)) out[k] = Math.round((v - t0) * 10) / 10; };
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('dscrm:')) put(m.name.slice(6), m.startTime);
    for (const r of performance.getEntriesByType('resource')) {
      if (r.startTime < t0 - 1) continue;
      const url = new URL(r.name);
      const api = url.pathname.match(/^\\/api\\/(.+)$/);
      if (api) {
        put('api ' + api[1] + ' sent', r.startTime);
        put('api ' + api[1] + ' answered', r.responseEnd);
        continue;
      }
      const chunk = url.pathname.match(/\\/([^/]+?)(-[\\w-]{8})?\\.(js|css|woff2?)$/);
      if (chunk) put(chunk[3] === 'js' ? 'chunk ' + chunk[1] + ' loaded' : chunk[3] + ' ' + chunk[1] + ' loaded', r.responseEnd);
    }
    ${clear ? 'performance.clearResourceTimings();' : ''}
    return out;
  })()`;
  return (await page.evaluate(script)) as Breakdown;
}

/** One line per stage, in the order of their medians: median and slowest ms after the start, in how many runs. */
export function printBreakdown(title: string, runs: Breakdown[], totals: number[]): void {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const rows = keys.map((k) => {
    const v = runs.map((r) => r[k]).filter((x): x is number => x !== undefined);
    return { k, median: percentile(v, 50), max: Math.max(...v), n: v.length };
  });
  rows.sort((a, b) => a.median - b.median);
  log(`${title}: stages, ms after the start (median / slowest of ${runs.length} runs; total median ${percentile(totals, 50).toFixed(0)}, p95 ${percentile(totals, 95).toFixed(0)})`);
  for (const r of rows) log(`  ${r.median.toFixed(1).padStart(7)} / ${r.max.toFixed(1).padStart(7)}  ${r.k}${r.n < runs.length ? ` (${r.n} runs)` : ''}`);
}
