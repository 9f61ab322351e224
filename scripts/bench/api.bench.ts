import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { MANAGER_ROLES, type Role } from '../../electron/common/roles';
import { hashToken } from '../../electron/node/features/auth/service';
import { visibleCustomersText } from '../../electron/node/features/customers/visibility';
import { log, percentile, round, sampleIds, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';

/**
 * api.get_customer.p95_ms: the customer card through the whole API path (session, lock, role,
 * zod, visibility, queries) versus the same SQL — session lookup, visibility, card with its phones,
 * vehicles and seven record sections — run with raw better-sqlite3 statements.
 */
export async function benchApi(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const max = (core.sqlite.prepare('SELECT MAX(id) AS m FROM customers').get() as { m: number }).m;
    const ids = sampleIds(max, 5000);
    // The baseline does the same work by hand: look the session up, check visibility, read the
    // card. What remains between the two is the cost of our layers (dispatch, zod, drizzle).
    const tokenHash = hashToken(token);
    const raw = {
      session: core.sqlite.prepare(
        `SELECT s.last_seen_at, s.locked, u.id, u.username, u.display_name, u.role, u.team_id, u.locale, u.active, u.must_change_password
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      ),
      customer: core.sqlite.prepare(
        `SELECT c.id, c.kind, c.name, c.gender, c.id_number, c.birthday, c.city, c.address, c.source, c.owner_id,
                c.dnd_call, c.dnd_sms, c.dnd_revisit, c.version, u.display_name AS owner_name
           FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = @id AND ${visibleCustomersText('c')}`,
      ),
      phones: core.sqlite.prepare('SELECT id, raw, normalized, kind, is_primary FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id'),
      vehicles: core.sqlite.prepare(
        'SELECT id, vin, plate, model, purchase_date, mileage, next_service_date, insurance_expiry FROM vehicles WHERE customer_id = ? ORDER BY id',
      ),
      // The card's record sections: the newest 20 of each with the total (window count).
      sections: [
        `SELECT o.id, o.stage, o.status, o.model, o.expected_purchase_date, p.display_name, o.created_at, count(*) OVER () AS total
           FROM opportunities o LEFT JOIN users p ON p.id = o.consultant_id WHERE o.customer_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT 20`,
        `SELECT s.id, s.ro_number, s.date, s.type, v.plate, v.model, s.mileage, s.amount, p.display_name, count(*) OVER () AS total
           FROM service_visits s LEFT JOIN vehicles v ON v.id = s.vehicle_id LEFT JOIN users p ON p.id = s.advisor_id
          WHERE s.customer_id = ? ORDER BY s.date DESC, s.id DESC LIMIT 20`,
        `SELECT r.id, r.kind, r.status, r.result, r.score, r.due_date, r.done_at, p.display_name, count(*) OVER () AS total
           FROM revisits r LEFT JOIN users p ON p.id = r.agent_id WHERE r.customer_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 20`,
        `SELECT k.id, k.direction, k.started_at, k.duration_s, k.outcome, p.display_name,
                (SELECT max(id) FROM recordings WHERE call_id = k.id AND deleted_at IS NULL) AS recording_id, count(*) OVER () AS total
           FROM calls k LEFT JOIN users p ON p.id = k.user_id WHERE k.customer_id = ? ORDER BY k.started_at DESC, k.id DESC LIMIT 20`,
        `SELECT m.id, m.number, m.text, m.status, m.created_at, count(*) OVER () AS total
           FROM sms_messages m WHERE m.customer_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT 20`,
        `SELECT x.id, x.category, x.status, x.description, x.created_at, p.display_name, count(*) OVER () AS total
           FROM complaints x LEFT JOIN users p ON p.id = x.assignee_id WHERE x.customer_id = ? ORDER BY x.created_at DESC, x.id DESC LIMIT 20`,
      ].map((q) => core.sqlite.prepare(q)),
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
      const me = raw.session.get(tokenHash) as { id: number; role: string };
      if (!raw.customer.get({ id, uid: me.id, role: me.role, manager: MANAGER_ROLES.includes(me.role as Role) ? 1 : 0 })) throw new Error(`raw: customer ${id} not visible`);
      raw.phones.all(id);
      raw.vehicles.all(id);
      for (const q of raw.sections) q.all(id);
      return performance.now() - t0;
    };
    // Warm the same pages for both sides first; then alternate which side goes first, so neither
    // is the one that always pays for reading a page from disk.
    for (const id of ids) timeRaw(id);
    for (const id of ids.slice(0, 500)) await timeApi(id);
    const api: number[] = [];
    const base: number[] = [];
    for (const [i, id] of ids.entries()) {
      if (i % 2) {
        api.push(await timeApi(id));
        base.push(timeRaw(id));
      } else {
        base.push(timeRaw(id));
        api.push(await timeApi(id));
      }
    }
    const p95 = percentile(api, 95);
    const p95raw = percentile(base, 95);
    log(`customers.get p95 ${p95.toFixed(3)} ms, raw ${p95raw.toFixed(3)} ms (${(p95 / p95raw).toFixed(2)}×)`);
    return [{ name: 'api.get_customer.p95_ms', value: round(p95), unit: 'ms', baseline: round(p95raw), goal: '≤ 1.5× baseline' }];
  } finally {
    core.close();
  }
}
