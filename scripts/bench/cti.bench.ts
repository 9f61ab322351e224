import type { Database } from 'better-sqlite3';
import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { normalizedOrDigits } from '../../electron/common/phone';
import { log, percentile, round, sampleIds, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
/** Caller IDs the way a trunk sends them: +86…, 0086…, national with spaces, landline with its 0, and unknown numbers. */
function callerIds(sqlite: Database, n: number): string[] {
  const max = sqlite.prepare('SELECT MAX(id) FROM customers').pluck().get() as number;
  const phone = sqlite.prepare('SELECT normalized FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id LIMIT 1').pluck();
  return sampleIds(max, n, 11).map((id, i) => {
    const p = (phone.get(id) as string | undefined) ?? '8613800138000';
    const nsn = p.slice(2);
    switch (i % 5) {
      case 0: return `+${p}`;
      case 1: return `00${p}`;
      case 2: return nsn.startsWith('1') ? `${nsn.slice(0, 3)} ${nsn.slice(3, 7)} ${nsn.slice(7)}` : `0${nsn}`;
      case 3: return nsn.startsWith('1') ? nsn : `0${nsn}`;
      default: return `1990000${String(i).padStart(4, '0')}`; // nobody's number
    }
  });
}

/**
 * cti.lookup.p95_ms: telephony.lookup through the whole API path (session, zod, normalisation,
 * visibility, the customers with their owner and plates) for a service agent (sees all) and a
 * consultant (sees 1/8), versus the raw indexed phone lookup of the same numbers.
 */
export async function benchCti(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const numbers = callerIds(core.sqlite, 2000);
    const rawStmt = core.sqlite.prepare(
      'SELECT c.id, c.name, c.owner_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.normalized = ?',
    );
    // The raw lookup's key, normalised outside the timing by the same module the API uses.
    const normalized = numbers.map((n) => normalizedOrDigits(n));
    const api: number[] = [];
    const base: number[] = [];
    let matched = 0;
    for (const username of ['service1', 'sales1']) {
      const { token } = await core.auth.login(username, DEMO_PASSWORD);
      for (const n of numbers.slice(0, 200)) await dispatch(core, token, 'telephony.lookup', { number: n }); // warm-up
      for (let i = 0; i < numbers.length; i++) {
        const t0 = performance.now();
        const r = await dispatch(core, token, 'telephony.lookup', { number: numbers[i] });
        api.push(performance.now() - t0);
        if (!r.result.ok) throw new Error(`telephony.lookup ${numbers[i]}: ${r.result.error.message}`);
        if ((r.result.value as { matches: unknown[] }).matches.length) matched++;
        const t1 = performance.now();
        rawStmt.all(normalized[i]);
        base.push(performance.now() - t1);
      }
    }
    const p95 = percentile(api, 95);
    log(`telephony.lookup: p50 ${percentile(api, 50).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${Math.max(...api).toFixed(2)} ms; raw p95 ${percentile(base, 95).toFixed(3)} ms; ${api.length} lookups, ${matched} matched`);
    const metrics: Metric[] = [{ name: 'cti.lookup.p95_ms', value: round(p95), unit: 'ms', baseline: round(percentile(base, 95)), goal: '≤ 5 ms at 1,000,000 customers' }];
    // The screen pop (INVITE → card painted) is measured with a real call in ui.bench.ts (screen-pop.bench.ts).
    return metrics;
  } finally {
    core.close();
  }
}
