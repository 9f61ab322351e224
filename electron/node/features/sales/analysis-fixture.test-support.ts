import { call as rawCall, userWithSession, type TestCore } from '../../../../tests/support/core';

// Shared by the sales-analysis tests (funnel, reassign, lists, birthdays).

/** A small sales floor: two teams, a manager leading team A, consultants a1, a2 (team A) and b1 (team B), and a GM. */
export async function salesFloor(t: TestCore) {
  const db = t.core.sqlite;
  const teamA = Number(db.prepare("insert into teams (name, kind) values ('A', 'sales')").run().lastInsertRowid);
  const teamB = Number(db.prepare("insert into teams (name, kind) values ('B', 'sales')").run().lastInsertRowid);
  const mgr = await userWithSession(t.core, 'mgr', 'salesManager');
  const gm = await userWithSession(t.core, 'gm', 'generalManager');
  const a1 = await userWithSession(t.core, 'a1', 'salesConsultant');
  const a2 = await userWithSession(t.core, 'a2', 'salesConsultant');
  const b1 = await userWithSession(t.core, 'b1', 'salesConsultant');
  db.prepare('update teams set manager_id = ? where id = ?').run(mgr.userId, teamA);
  db.prepare('update users set team_id = ? where id in (?, ?)').run(teamA, a1.userId, a2.userId);
  db.prepare('update users set team_id = ? where id = ?').run(teamB, b1.userId);
  const now = t.clock.now();
  const customer = (owner: number, name = '客户', birthdayMd: string | null = null) =>
    Number(db.prepare('insert into customers (name, owner_id, birthday_md, created_at, updated_at) values (?, ?, ?, ?, ?)').run(name, owner, birthdayMd, now, now).lastInsertRowid);
  const opp = (o: { customerId: number; consultantId: number; stage: string; status?: string; price?: number | null; expected?: string | null; closedAt?: number | null; lastChange?: number }) =>
    Number(
      db
        .prepare(
          `insert into opportunities (customer_id, consultant_id, source, stage, status, price, expected_purchase_date, closed_at, last_stage_change_at, created_at, updated_at)
           values (?, ?, 'showroom', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(o.customerId, o.consultantId, o.stage, o.status ?? 'open', o.price === undefined ? 100_000 : o.price, o.expected ?? null, o.closedAt ?? null, o.lastChange ?? now, now, now).lastInsertRowid,
    );
  const activity = (a: { customerId: number; opportunityId?: number | null; ownerId: number; status: 'planned' | 'done' | 'cancelled' }) =>
    Number(
      db
        .prepare("insert into activities (customer_id, opportunity_id, owner_id, type, status, planned_at, created_at, updated_at) values (?, ?, ?, 'call', ?, ?, ?, ?)")
        .run(a.customerId, a.opportunityId ?? null, a.ownerId, a.status, now + 86_400_000, now, now).lastInsertRowid,
    );
  let vin = 0;
  /** A deal: the opportunity won and its delivery on `day` at `price` (what the deal writes). */
  const deal = (o: { customerId: number; consultantId: number; price: number; day: string; closedAt?: number }) => {
    const id = opp({ customerId: o.customerId, consultantId: o.consultantId, stage: 'delivery', status: 'won', price: o.price, closedAt: o.closedAt ?? now });
    db.prepare(
      "insert into deliveries (opportunity_id, customer_id, vin, model, price, delivery_date, buyer_id_number, consultant_id, created_at) values (?, ?, ?, 'sagitar', ?, ?, '110105194912310021', ?, ?)",
    ).run(id, o.customerId, `LFV2A21K0TEST${String(++vin).padStart(4, '0')}`, o.price, o.day, o.consultantId, now);
    return id;
  };
  return { deal, teamA, teamB, mgr, gm, a1, a2, b1, customer, opp, activity };
}

/** The value of a call, or a rejection with the error (code, details) so tests read like the client. */
export async function call(core: TestCore['core'], token: string, method: string, input: unknown = {}): Promise<unknown> {
  const r = (await rawCall(core, token, method, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!r.ok) throw r.error;
  return r.value;
}

