/**
 * Record-level visibility through calls from tasks (issue 14 item 5): a consultant must not link,
 * read or write into the history of another consultant's customer by naming a task of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from './support/core';

let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;
const seat = (extension: string) => ({ wsUrl: 'ws://127.0.0.1:8088', extension, authUser: extension, password: `pw-${extension}`, displayName: `坐席 ${extension}` });

beforeAll(async () => {
  t = await makeCore();
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['sales1', 'salesConsultant'],
    ['sales2', 'salesConsultant'],
  ]));
  expect(await call(t.core, tok.sales1!, 'telephony.settings.save', seat('1101'))).toMatchObject({ ok: true });
});
afterAll(() => t.cleanup());

const count = (table: string) => (t.core.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('telephony.call.start from a task', () => {
  it('a task about another consultant’s customer is NOT_FOUND, and no call is written', async () => {
    const theirs = Number(t.core.sqlite.prepare("insert into customers (name, owner_id, created_at, updated_at) values ('赵敏', ?, 0, 0)").run(uid.sales2!).lastInsertRowid);
    const mine = Number(t.core.sqlite.prepare("insert into customers (name, owner_id, created_at, updated_at) values ('周芷若', ?, 0, 0)").run(uid.sales1!).lastInsertRowid);
    const task = (customerId: number, key: string) =>
      Number(
        t.core.sqlite
          .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, created_at, updated_at) values ('salesRevisit', ?, ?, '2026-11-30', 'open', 0, 0)")
          .run(key, customerId).lastInsertRowid,
      );
    const foreign = task(theirs, 'vis:1');
    const own = task(mine, 'vis:2');
    const calls = count('calls');
    const r = await call(t.core, tok.sales1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '10086', taskId: foreign });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(count('calls')).toBe(calls);
    // The same call about a task of the user's own customer links that customer.
    const okr = await call(t.core, tok.sales1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '10086', taskId: own });
    expect(okr).toMatchObject({ ok: true, value: { customerId: mine } });
  });
});
