import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';

type Fail = { ok: false; error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } } };
type Ok<T> = { ok: true; value: T };

let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;
const cust: number[] = [];
let vehicle: number;

// 2026-12-01 10:00 in Shanghai is 02:00 UTC (the machine runs in UTC).
const NOW = Date.parse('2026-12-01T02:00:00Z');

beforeAll(async () => {
  t = await makeCore();
  t.clock.set(NOW);
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['adv', 'serviceAdvisor'],
    ['adv2', 'serviceAdvisor'],
    ['agent', 'serviceAgent'],
  ]));
  const ins = t.core.sqlite.prepare('INSERT INTO customers (name, dnd_call, created_at, updated_at) VALUES (?, ?, 0, 0)');
  for (const [i, name] of ['甲', '乙', '丙', '丁', '戊'].entries()) cust.push(Number(ins.run(name, i === 4 ? 1 : 0).lastInsertRowid));
  vehicle = Number(t.core.sqlite.prepare("INSERT INTO vehicles (customer_id, vin, model, plate, created_at, updated_at) VALUES (?, 'LFV2A21K0A3000001', 'sagitar', '粤B12345', 0, 0)").run(cust[0]).lastInsertRowid);
  t.core.settings.set('service.appointmentSlotCapacity', 2);
  // The test moves the clock by hours: keep the sessions from the idle lock.
  t.core.settings.set('security.idleLockMinutes', 240);
});
afterAll(() => t.cleanup());

const book = (who: string, input: Record<string, unknown>) => call(t.core, tok[who]!, 'appointments.book', { date: '2026-12-02', slot: '09:30', ...input });
const count = () => t.core.sqlite.prepare('SELECT count(*) FROM appointments').pluck().get() as number;

describe('appointments', () => {
  it('fills a slot to its capacity and refuses the next booking with a message naming the slot', async () => {
    expect(await book('agent', { customerId: cust[0], vehicleId: vehicle, advisorId: uid.adv })).toMatchObject({ ok: true });
    expect(await book('adv', { customerId: cust[1] })).toMatchObject({ ok: true });
    const before = count();
    const full = (await book('agent', { customerId: cust[2] })) as Fail;
    expect(full.error.code).toBe('INVALID_INPUT');
    expect(full.error.details?.fields?.[0]).toMatchObject({ field: 'slot' });
    expect(full.error.details?.fields?.[0]?.message).toContain('已约满');
    expect(count()).toBe(before);
    // a cancelled booking frees its place
    const day = (await call(t.core, tok.agent!, 'appointments.day', { date: '2026-12-02' })) as Ok<{ slots: { slot: string; booked: number; full: boolean; appointments: { id: number; advisorId: number | null }[] }[] }>;
    const s = day.value.slots.find((x) => x.slot === '09:30')!;
    expect(s).toMatchObject({ booked: 2, full: true });
    // the advisor booked for themself
    expect(s.appointments[1]!.advisorId).toBe(uid.adv);
    expect(await call(t.core, tok.agent!, 'appointments.setStatus', { id: s.appointments[0]!.id, status: 'cancelled' })).toMatchObject({ ok: true });
    expect(await book('agent', { customerId: cust[2] })).toMatchObject({ ok: true });
  });

  it.each([
    ['a slot already started today (10:00 Shanghai, slot 09:30)', '2026-12-01', '09:30'],
    ['yesterday', '2026-11-30', '16:30'],
  ])('refuses %s', async (_n, date, slot) => {
    const before = count();
    const r = (await book('agent', { customerId: cust[3], date, slot })) as Fail;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.details?.fields?.[0]?.message).toContain('过去');
    expect(count()).toBe(before);
  });

  it('books the next slot of today and refuses a slot that is not offered', async () => {
    expect(await book('agent', { customerId: cust[3], date: '2026-12-01', slot: '10:30' })).toMatchObject({ ok: true });
    expect(((await book('agent', { customerId: cust[3], date: '2026-12-03', slot: '17:30' })) as Fail).error.code).toBe('INVALID_INPUT');
  });

  it('marks arrival; an advisor may not touch another advisor’s appointment; no-shows after the slot', async () => {
    const id = (((await book('agent', { customerId: cust[4], date: '2026-12-01', slot: '11:30', advisorId: uid.adv })) as Ok<{ id: number }>).value).id;
    expect(((await call(t.core, tok.adv2!, 'appointments.setStatus', { id, status: 'arrived' })) as Fail).error.code).toBe('NOT_FOUND');
    // too early to call it a no-show
    expect(((await call(t.core, tok.adv!, 'appointments.setStatus', { id, status: 'no_show' })) as Fail).error.code).toBe('INVALID_INPUT');
    // after the 10:30 slot ended (11:30 Shanghai), the 10:30 booking that nobody marked is a no-show
    t.clock.set(Date.parse('2026-12-01T03:30:00Z'));
    const ns = (await call(t.core, tok.adv!, 'appointments.noShows', { from: '2026-12-01', to: '2026-12-01' })) as Ok<{ slot: string; customerId: number }[]>;
    expect(ns.value.map((r) => [r.slot, r.customerId])).toEqual([['10:30', cust[3]]]);
    expect(await call(t.core, tok.adv!, 'appointments.setStatus', { id, status: 'arrived' })).toMatchObject({ ok: true, value: { status: 'arrived' } });
    expect(((await call(t.core, tok.adv!, 'appointments.setStatus', { id, status: 'cancelled' })) as Fail).error.code).toBe('INVALID_INPUT');
    t.clock.set(NOW);
  });

  it('turns tomorrow’s bookings into reminder tasks once, leaving DND customers out', async () => {
    await book('agent', { customerId: cust[4], date: '2026-12-02', slot: '14:30' }); // 戊 is DND
    const r = (await call(t.core, tok.agent!, 'appointments.remindTomorrow', {})) as Ok<{ date: string; created: number; existing: number; dndExcluded: number }>;
    expect(r.value).toEqual({ date: '2026-12-02', created: 2, existing: 0, dndExcluded: 1 });
    const again = (await call(t.core, tok.agent!, 'appointments.remindTomorrow', {})) as Ok<{ created: number; existing: number }>;
    expect(again.value).toMatchObject({ created: 0, existing: 2 });
    // due today (the day before); the agent who booked gets the call, an advisor's own booking is left for assignment
    const kinds = t.core.sqlite.prepare("SELECT kind, customer_id AS c, due_date AS due, assignee_id AS a FROM tasks WHERE ref_type = 'appointment' ORDER BY customer_id").all();
    expect(kinds).toEqual([
      { kind: 'appointment_reminder', c: cust[1], due: '2026-12-01', a: null },
      { kind: 'appointment_reminder', c: cust[2], due: '2026-12-01', a: uid.agent },
    ]);
  });

  it('the grid’s 我的 for an advisor is their own appointments', async () => {
    const own = t.core.sqlite.prepare('SELECT count(*) FROM appointments WHERE advisor_id = ?').pluck().get(uid.adv) as number;
    expect(own).toBeGreaterThan(0);
    const r = (await call(t.core, tok.adv!, 'grid.query', { dataset: 'appointments', scope: 'mine', columns: ['id', 'date', 'slot', 'status'], withTotal: true })) as Ok<{ total?: number }>;
    expect(r.value.total).toBe(own);
  });

  it('is closed to sales roles on the server', async () => {
    const { tok: s } = await usersWithSessions(t.core, [['sales', 'salesConsultant']]);
    expect(((await call(t.core, s.sales!, 'appointments.day', { date: '2026-12-02' })) as Fail).error.code).toBe('FORBIDDEN');
  });
});
