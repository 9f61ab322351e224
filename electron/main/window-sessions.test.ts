import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../common/api/events';
import { GOOD_PASSWORD, makeCore, userWithSession, type TestCore } from '../../tests/support/core';
import { idleLockDue, WindowSessions } from './window-sessions';

let t: TestCore;
let sent: { windowId: number; msg: EventMessage }[];
let ws: WindowSessions;
let annaId: number;

beforeEach(async () => {
  t = await makeCore();
  sent = [];
  // The session's own events; the agent state's (which follow logins and the lock too) are the call centre's, tested there.
  ws = new WindowSessions(t.core, (windowId, msg) => msg.event !== 'callCenter.agentState' && sent.push({ windowId, msg }));
  ({ userId: annaId } = await userWithSession(t.core, 'anna', 'salesConsultant'));
  await userWithSession(t.core, 'bo', 'salesConsultant');
});
afterEach(() => {
  ws.dispose();
  t.cleanup();
});

const login = (windowId: number, username: string) => ws.call(windowId, 'auth.login', { username, password: GOOD_PASSWORD });

describe('WindowSessions (the Electron transport without Electron)', () => {
  it('holds one session per window and routes events like the web host', async () => {
    await login(1, 'anna');
    await login(2, 'anna');
    await login(3, 'bo');
    expect((await ws.call(3, 'auth.session', {})).ok).toBe(true);
    expect((await ws.call(4, 'auth.session', {})).ok).toBe(false);

    // Locking window 1's session reaches window 1 only (sessionHash target).
    await ws.call(1, 'auth.lock', {});
    expect(sent).toEqual([{ windowId: 1, msg: { event: 'session.locked', payload: { reason: 'manual' } } }]);

    // A user-targeted event reaches both of anna's windows; 'all' reaches every window with a session.
    sent = [];
    t.core.events.publish({ userId: annaId }, 'notification', { id: 1, kind: 'task', title: 'x', body: null });
    t.core.events.publish('all', 'notification', { id: 2, kind: 'task', title: 'y', body: null });
    const ids = (windowId: number) => sent.filter((s) => s.windowId === windowId).map((s) => (s.msg.payload as { id: number }).id);
    expect(ids(1)).toEqual([]); // locked: held behind the lock screen (a customer's name must not show)
    expect(ids(2)).toEqual([1, 2]);
    expect(ids(3)).toEqual([2]);
    expect(ids(4)).toEqual([]); // no session: no events, as on the web host

    // Unlocked: window 1 gets the unlock, then what waited, in order.
    sent = [];
    expect((await ws.call(1, 'auth.unlock', { password: GOOD_PASSWORD })).ok).toBe(true);
    expect(sent.filter((s) => s.windowId === 1).map((s) => s.msg.event)).toEqual(['session.unlocked', 'notification', 'notification']);
    expect(sent.filter((s) => s.windowId === 1 && s.msg.event === 'notification').map((s) => (s.msg.payload as { id: number }).id)).toEqual([1, 2]);
  });

  it('grants a main-process capability (the export folder picker) only to a window whose user holds the permission', async () => {
    await userWithSession(t.core, 'gm', 'generalManager');
    await login(1, 'anna');
    await login(2, 'gm');
    expect(ws.permits(1, 'recordings.export')).toBe(false); // a sales consultant may not export recordings
    expect(ws.permits(2, 'recordings.export')).toBe(true);
    expect(ws.permits(3, 'export')).toBe(false); // no session in that window
    await ws.call(2, 'auth.lock', {});
    expect(ws.permits(2, 'recordings.export')).toBe(false);
  });

  it('forgets the token on logout and when the session ends elsewhere', async () => {
    await login(1, 'anna');
    expect((await ws.call(1, 'auth.logout', {})).ok).toBe(true);
    expect(ws.hasSession(1)).toBe(false);
    expect(await ws.call(1, 'auth.session', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await login(2, 'bo');
    t.clock.advance(13 * 3600_000); // longer than security.sessionIdleHours
    ws.lockAll('system');
    expect(ws.hasSession(2)).toBe(false);
    expect(sent.at(-1)).toEqual({ windowId: 2, msg: { event: 'session.ended', payload: { reason: 'expired' } } });
  });

  it('lockAll locks every held session; forget logs the window\'s session out', async () => {
    await login(1, 'anna');
    await login(2, 'bo');
    ws.lockAll('idle');
    expect(sent.map((s) => s.windowId).sort()).toEqual([1, 2]);
    expect(await ws.call(2, 'auth.session', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    const count = () => (t.core.sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
    const before = count();
    ws.forget(2);
    expect(ws.hasSession(2)).toBe(false);
    expect(count()).toBe(before - 1);
  });

  it('treats a non-string method as unknown', async () => {
    expect(await ws.call(1, { toString: () => 'auth.login' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});

describe('idleLockDue', () => {
  it('is due once the OS idle time reaches the setting; a non-positive setting never locks', () => {
    expect(idleLockDue(299, 5)).toBe(false);
    expect(idleLockDue(300, 5)).toBe(true);
    expect(idleLockDue(10_000, 0)).toBe(false);
    expect(idleLockDue(10_000, Number.NaN)).toBe(false);
  });
});
