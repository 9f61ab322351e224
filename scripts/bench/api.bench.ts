import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { log, percentile, round, sampleIds, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';

/**
 * api.get_customer.p95_ms: the customer card through the whole API path (session, lock, role,
 * zod, visibility, queries) versus the same SQL run with raw better-sqlite3 statements.
 */
export async function benchApi(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const max = (core.sqlite.prepare('SELECT MAX(id) AS m FROM customers').get() as { m: number }).m;
    const ids = sampleIds(max, 5000);
    const raw = {
      customer: core.sqlite.prepare(
        'SELECT c.*, u.display_name AS owner_name FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?',
      ),
      phones: core.sqlite.prepare('SELECT id, raw, normalized, kind, is_primary FROM customer_phones WHERE customer_id = ?'),
      vehicles: core.sqlite.prepare(
        'SELECT id, vin, plate, model, purchase_date, mileage, next_service_date, insurance_expiry FROM vehicles WHERE customer_id = ?',
      ),
    };
    const timeApi = async (id: number) => {
      const t0 = performance.now();
      const r = await dispatch(core, token, 'customers.get', { id });
      const dt = performance.now() - t0;
      if (!r.result.ok) throw new Error(`customers.get ${id}: ${r.result.error.message}`);
      return dt;
    };
    const timeRaw = (id: number) => {
      const t0 = performance.now();
      raw.customer.get(id);
      raw.phones.all(id);
      raw.vehicles.all(id);
      return performance.now() - t0;
    };
    for (const id of ids.slice(0, 500)) {
      await timeApi(id);
      timeRaw(id);
    }
    const api: number[] = [];
    const base: number[] = [];
    for (const id of ids) {
      api.push(await timeApi(id));
      base.push(timeRaw(id));
    }
    const p95 = percentile(api, 95);
    const p95raw = percentile(base, 95);
    log(`customers.get p95 ${p95.toFixed(3)} ms, raw ${p95raw.toFixed(3)} ms (${(p95 / p95raw).toFixed(2)}×)`);
    return [{ name: 'api.get_customer.p95_ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 1.5× baseline' }];
  } finally {
    core.close();
  }
}
