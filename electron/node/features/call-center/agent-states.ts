import type { AgentState, AgentStateView, BusyReason, SystemBusyReason } from '../../../common/api/call-center';
import { WORKBENCH_MANAGER_ROLES, type Role } from '../../../common/roles';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionChange, SessionCtx } from '../auth';
import { CALL_CENTER_TEXTS } from './texts';

type Reason = BusyReason | SystemBusyReason | null;
interface Stored {
  state: AgentState;
  reason: Reason;
  since: number;
  wrapUpUntil: number | null;
  beforeLock: { state: AgentState; reason: Reason; wrapUpUntil: number | null } | null;
}
type Next = { state: AgentState; reason?: Reason; wrapUpUntil?: number | null; beforeLock?: Stored['beforeLock'] };

/**
 * 坐席状态 (issue 19): each user's state, changed by the agent (就绪 / 示忙 with a reason), by their
 * calls (通话中, then 话后处理 until the wrap-up time, then 就绪 on its own unless extended), by the
 * program lock (示忙 · 程序锁定, the unlock puts back what was) and by their sessions (login: 示忙 ·
 * 刚登录; the last session ending: 离线). Each change closes the agent's open row of agent_state_log
 * and opens the next in the same transaction, and goes to the agent's own windows and to the CS
 * managers as a `callCenter.agentState` event.
 *
 * Built on first use in a core: what the table says then is from the program's previous run (a
 * crash, a restart), so every agent is set 离线 first — nobody is 就绪 on a host that just started.
 */
export class AgentStates {
  private q;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private core: Pick<Core, 'sqlite' | 'clock' | 'events' | 'settings'>) {
    const sqlite = core.sqlite;
    this.q = {
      get: sqlite.prepare<[number], { state: AgentState; reason: Reason; since: number; wrapUpUntil: number | null; beforeLock: string | null }>(
        'SELECT state, reason, since, wrap_up_until AS wrapUpUntil, before_lock AS beforeLock FROM agent_states WHERE user_id = ?',
      ),
      user: sqlite.prepare<[number], { displayName: string; role: Role }>('SELECT display_name AS displayName, role FROM users WHERE id = ?'),
      upsert: sqlite.prepare(
        `INSERT INTO agent_states (user_id, state, reason, since, wrap_up_until, before_lock) VALUES (@userId, @state, @reason, @since, @wrapUpUntil, @beforeLock)
         ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, since = excluded.since,
           wrap_up_until = excluded.wrap_up_until, before_lock = excluded.before_lock`,
      ),
      closeLog: sqlite.prepare('UPDATE agent_state_log SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL'),
      openLog: sqlite.prepare('INSERT INTO agent_state_log (user_id, state, reason, started_at) VALUES (?, ?, ?, ?)'),
      extend: sqlite.prepare('UPDATE agent_states SET wrap_up_until = ? WHERE user_id = ?'),
      managers: sqlite.prepare<[], { id: number }>(`SELECT id FROM users WHERE active = 1 AND role IN (${WORKBENCH_MANAGER_ROLES.map((r) => `'${r}'`).join(', ')})`),
      liveSessions: sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = ?'),
      expired: sqlite.prepare<[number], { userId: number; until: number }>("SELECT user_id AS userId, wrap_up_until AS until FROM agent_states WHERE state = 'wrapUp' AND wrap_up_until <= ?"),
      stale: sqlite.prepare<[], { userId: number }>("SELECT user_id AS userId FROM agent_states WHERE state <> 'offline'"),
      all: sqlite.prepare<[], { userId: number }>(
        `SELECT u.id AS userId FROM users u LEFT JOIN agent_states a ON a.user_id = u.id
          WHERE u.active = 1 AND (u.role = 'serviceAgent' OR a.state IN ('ready', 'onCall', 'wrapUp')) ORDER BY u.display_name, u.id`,
      ),
    };
    const now = core.clock.now();
    sqlite.transaction(() => {
      for (const { userId } of this.q.stale.all()) this.write(userId, { state: 'offline' }, now, false);
    })();
  }

  private stored(userId: number): Stored {
    const r = this.q.get.get(userId);
    if (!r) return { state: 'offline', reason: null, since: 0, wrapUpUntil: null, beforeLock: null };
    return { ...r, beforeLock: r.beforeLock ? (JSON.parse(r.beforeLock) as Stored['beforeLock']) : null };
  }

  /** One agent's state as the status bar and the floor show it (an elapsed wrap-up is 就绪 first). */
  view(userId: number): AgentStateView {
    this.settle();
    return this.viewRaw(userId);
  }

  /** The floor for the CS managers: the service agents, and anyone else taking calls now (就绪, 通话中, 话后处理). */
  agents(): AgentStateView[] {
    this.settle();
    return this.q.all.all().map((r) => this.view(r.userId));
  }

  /**
   * The change itself: the log's open row closed and the next opened, the current row replaced, in
   * one transaction; then the event, and the wrap-up's timer.
   */
  private write(userId: number, next: Next, now = this.core.clock.now(), publish = true): AgentStateView {
    const reason = next.state === 'busy' ? (next.reason ?? null) : null;
    const wrapUpUntil = next.state === 'wrapUp' ? (next.wrapUpUntil ?? now) : null;
    this.core.sqlite.transaction(() => {
      this.q.closeLog.run(now, userId);
      this.q.openLog.run(userId, next.state, reason, now);
      this.q.upsert.run({ userId, state: next.state, reason, since: now, wrapUpUntil, beforeLock: next.beforeLock ? JSON.stringify(next.beforeLock) : null });
    })();
    this.schedule(userId, wrapUpUntil, now);
    if (!publish) return this.viewRaw(userId);
    const v = this.viewRaw(userId);
    this.announce(v);
    return v;
  }

  private viewRaw(userId: number): AgentStateView {
    const s = this.stored(userId);
    const u = this.q.user.get(userId);
    return { userId, displayName: u?.displayName ?? '', role: u?.role ?? 'serviceAgent', state: s.state, reason: s.reason, since: s.since, wrapUpUntil: s.wrapUpUntil };
  }

  /** A call started or ended on the floor: the managers' wall boards reload. */
  floorChanged(): void {
    for (const m of this.q.managers.all()) this.core.events.publish({ userId: m.id }, 'callCenter.floorChanged', {});
  }

  private announce(v: AgentStateView): void {
    const to = new Set([v.userId, ...this.q.managers.all().map((m) => m.id)]);
    for (const userId of to) this.core.events.publish({ userId }, 'callCenter.agentState', v);
  }

  /** A wrap-up ends on time even if nobody asks: a timer per agent in wrap-up (reads settle late ones too). */
  private schedule(userId: number, until: number | null, now: number): void {
    const old = this.timers.get(userId);
    if (old) clearTimeout(old);
    this.timers.delete(userId);
    if (until === null) return;
    const t = setTimeout(() => {
      this.timers.delete(userId);
      if (!this.core.sqlite.open) return;
      this.settle();
      // Node's timers count from the event loop's cached time, which lags the clock by however long
      // the request that set them ran: the timer may fire a few ms before wrap_up_until. Without
      // this the agent would stay in 话后处理 until somebody happened to read the floor.
      const s = this.stored(userId);
      if (s.state === 'wrapUp' && s.wrapUpUntil !== null && !this.timers.has(userId)) this.schedule(userId, s.wrapUpUntil, this.core.clock.now());
    }, Math.max(0, until - now));
    t.unref();
    this.timers.set(userId, t);
  }

  /** Every wrap-up whose time has come is 就绪 again — from that time on, in the log, however late this runs. */
  settle(): void {
    for (const { userId, until } of this.q.expired.all(this.core.clock.now())) this.write(userId, { state: 'ready' }, until);
  }

  /** 就绪 or 示忙 by the agent; not while a call holds them (the call's end decides), nor behind the lock. */
  set(s: SessionCtx, input: { state: 'ready' } | { state: 'busy'; reason: BusyReason }): AgentStateView {
    this.settle();
    const cur = this.stored(s.user.id);
    if (cur.state === 'onCall') throw new AppError('CONFLICT', { reason: CALL_CENTER_TEXTS.text('onCall', s.user.locale) });
    if (cur.state === input.state && cur.reason === (input.state === 'busy' ? input.reason : null)) return this.view(s.user.id);
    return this.write(s.user.id, input);
  }

  /** 话后处理 longer: it now ends `seconds` from now. */
  extendWrapUp(s: SessionCtx, seconds: number): AgentStateView {
    this.settle();
    const cur = this.stored(s.user.id);
    if (cur.state !== 'wrapUp') throw new AppError('CONFLICT', { reason: CALL_CENTER_TEXTS.text('notWrapUp', s.user.locale) });
    const now = this.core.clock.now();
    const until = now + seconds * 1000;
    this.q.extend.run(until, s.user.id);
    this.schedule(s.user.id, until, now);
    const v = this.viewRaw(s.user.id);
    this.announce(v);
    return v;
  }

  /** A call the agent places or answers: 通话中. */
  callStarted(userId: number): void {
    this.settle();
    if (this.stored(userId).state !== 'onCall') this.write(userId, { state: 'onCall' });
  }

  /** The agent's call ended: 话后处理 for the set time, or the dialer queue's (0: 就绪 at once). */
  callEnded(userId: number, wrapUpSeconds?: number): void {
    this.settle();
    if (this.stored(userId).state !== 'onCall') return;
    const now = this.core.clock.now();
    const seconds = wrapUpSeconds ?? this.core.settings.get('callCenter.wrapUpSeconds');
    this.write(userId, seconds > 0 ? { state: 'wrapUp', wrapUpUntil: now + seconds * 1000 } : { state: 'ready' }, now);
  }

  /** The program lock, the unlock, a login and a session's end (AuthService.onSessionChange). */
  sessionChanged(c: SessionChange): void {
    this.settle();
    const cur = this.stored(c.userId);
    if (c.kind === 'login') {
      if (cur.state === 'offline') this.write(c.userId, { state: 'busy', reason: 'login' });
    } else if (c.kind === 'locked') {
      // A call goes on behind the lock (the phone still rings through it): its end decides.
      if (cur.state === 'offline' || cur.state === 'onCall' || (cur.state === 'busy' && cur.reason === 'locked')) return;
      this.write(c.userId, { state: 'busy', reason: 'locked', beforeLock: { state: cur.state, reason: cur.reason, wrapUpUntil: cur.wrapUpUntil } });
    } else if (c.kind === 'unlocked') {
      if (cur.state !== 'busy' || cur.reason !== 'locked') return;
      const b = cur.beforeLock;
      const now = this.core.clock.now();
      // What was, unless it has run out meanwhile (a wrap-up whose time passed behind the lock is 就绪).
      if (!b || b.state === 'onCall' || b.state === 'offline' || (b.state === 'wrapUp' && (b.wrapUpUntil ?? 0) <= now)) this.write(c.userId, { state: b?.state === 'offline' ? 'busy' : 'ready', reason: b?.state === 'offline' ? 'login' : null });
      else this.write(c.userId, { state: b.state, reason: b.reason, wrapUpUntil: b.wrapUpUntil });
    } else if (this.q.liveSessions.get(c.userId)!.n === 0 && cur.state !== 'offline') {
      // Logged out (or expired) on their last seat: 离线. Another seat still signed in keeps the state.
      this.write(c.userId, { state: 'offline' });
    }
  }
}
