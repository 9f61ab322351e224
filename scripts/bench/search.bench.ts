import type { Database, Statement } from 'better-sqlite3';
import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import type { SearchHit } from '../../electron/common/api/customers';
import { parseSearchInput } from '../../electron/node/features/customers/search';
import { log, percentile, round, sampleIds, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';

/**
 * A deterministic mix of what people type into quick find, derived from sampled customers: last 4
 * digits of a phone, a 3-character name fragment, 1- and 2-character name prefixes, plate prefixes
 * (粤B) and 3-character plate fragments, the last 6 characters of a VIN, and a string that matches
 * nothing.
 */
function querySet(sqlite: Database, n: number): string[] {
  const max = sqlite.prepare('SELECT MAX(id) FROM customers').pluck().get() as number;
  const name = sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck();
  const phone = sqlite.prepare('SELECT normalized FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id LIMIT 1').pluck();
  const car = sqlite.prepare('SELECT plate, vin FROM vehicles WHERE customer_id = ? ORDER BY id LIMIT 1');
  const out: string[] = [];
  for (const [i, id] of sampleIds(max, n, 7).entries()) {
    const nm = (name.get(id) as string | undefined) ?? '';
    const ph = (phone.get(id) as string | undefined) ?? '';
    const v = car.get(id) as { plate: string | null; vin: string } | undefined;
    const chars = [...nm];
    switch (i % 9) {
      case 0: out.push(ph.slice(-4) || '0013'); break;
      case 1: out.push(chars.length >= 3 ? chars.slice(-3).join('') : nm); break;
      case 2: out.push(chars.slice(0, 1).join('')); break;
      case 3: out.push(chars.slice(0, 2).join('')); break;
      case 4: out.push(v?.plate ? [...v.plate].slice(0, 2).join('') : '粤B'); break;
      case 5: out.push(v?.plate ? [...v.plate].slice(2, 5).join('') : 'B12'); break;
      case 6: out.push(v ? v.vin.slice(-6) : '000123'); break;
      case 7: out.push(ph.slice(-8, -4) || '1380'); break; // 4 digits from the middle
      default: out.push(i % 2 ? '查无此人QX' : 'ZZQ9X7'); // no hit
    }
  }
  return out.filter((q) => q.trim());
}

/**
 * search.fuzzy.p95_ms: customers.search through the whole API path (session, lock, role, zod,
 * visibility, candidate queries, ranking, display rows) for a consultant (sales1, sees 1/8 of the
 * customers) and for the administrator (sees all), versus the very same SQL statements — candidate
 * queries with the same parameters and the display statements for the same hits — run raw with
 * better-sqlite3. The headline pools both users; each user also gets their own figure.
 */
export async function benchSearch(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const queries = querySet(core.sqlite, 1800);
    const users = ['sales1', 'admin'] as const;
    const raw = new Map<string, Statement>();
    const stmt = (text: string) => {
      let st = raw.get(text);
      if (!st) raw.set(text, (st = core.sqlite.prepare(text).raw()));
      return st;
    };
    const display = [
      core.sqlite.prepare('SELECT c.id, c.name, c.city, u.display_name AS ownerName FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?'),
      core.sqlite.prepare('SELECT raw, normalized, kind FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id'),
      core.sqlite.prepare('SELECT plate, vin FROM vehicles WHERE customer_id = ? ORDER BY id'),
    ];
    const all: { api: number[]; base: number[] } = { api: [], base: [] };
    const metrics: Metric[] = [];
    for (const username of users) {
      const { token, session } = await core.auth.login(username, DEMO_PASSWORD);
      // What the raw side runs for each query: the same candidate statements and parameters.
      const plans = queries.map((q) => {
        const parsed = parseSearchInput(q);
        return parsed ? core.search.candidateQueries(session, parsed).map((c) => core.search.toQuery(c)) : [];
      });
      const hitIds = new Map<number, number[]>();
      const timeApi = async (i: number) => {
        const t0 = performance.now();
        const r = await dispatch(core, token, 'customers.search', { q: queries[i], limit: 20 });
        const dt = performance.now() - t0;
        if (!r.result.ok) throw new Error(`customers.search ${queries[i]}: ${r.result.error.message}`);
        hitIds.set(i, (r.result.value as SearchHit[]).map((h) => h.id));
        return dt;
      };
      const timeRaw = (i: number) => {
        const ids = hitIds.get(i) ?? [];
        const t0 = performance.now();
        for (const p of plans[i]!) stmt(p.sql).all(...p.params);
        for (const id of ids) for (const d of display) d.all(id);
        return performance.now() - t0;
      };
      // Warm up both sides on the whole set, then alternate which side goes first.
      for (let i = 0; i < queries.length; i++) await timeApi(i);
      for (let i = 0; i < queries.length; i++) timeRaw(i);
      const api: number[] = [];
      const base: number[] = [];
      let hits = 0;
      for (let i = 0; i < queries.length; i++) {
        if (i % 2) {
          api.push(await timeApi(i));
          base.push(timeRaw(i));
        } else {
          base.push(timeRaw(i));
          api.push(await timeApi(i));
        }
        if (hitIds.get(i)!.length) hits++;
      }
      all.api.push(...api);
      all.base.push(...base);
      const p95 = percentile(api, 95);
      const p95raw = percentile(base, 95);
      log(
        `customers.search as ${username}: p50 ${percentile(api, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...api).toFixed(2)} ms; ` +
          `raw p95 ${p95raw.toFixed(2)} ms; ${queries.length} queries, ${hits} with hits`,
      );
      const role = username === 'admin' ? 'admin' : 'consultant';
      metrics.push({ name: `search.fuzzy.${role}.p95_ms`, value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 20 ms at 1,000,000 customers' });
    }
    const p95 = percentile(all.api, 95);
    const p95raw = percentile(all.base, 95);
    log(`customers.search (both users) p95 ${p95.toFixed(2)} ms, raw ${p95raw.toFixed(2)} ms`);
    return [{ name: 'search.fuzzy.p95_ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 20 ms at 1,000,000 customers' }, ...metrics];
  } finally {
    core.close();
  }
}
