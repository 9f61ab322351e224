import type { DialerAttempt, DialerCard, DialerNext, DialerOverview, DialerQueue, DialerRules, SkipReason } from '../../../common/api/dialer';
import { DIALER_LEASE_MS, DIALER_QUEUES } from '../../../common/api/dialer';
import type { CallLogRow } from '../../../common/api/telephony';
import { dayStartMs, todayIn } from '../../../common/dates';
import { formatPhone } from '../../../common/phone';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionChange, SessionCtx } from '../auth';
import { dueLimitOf } from '../service';
import { writeAudit } from '../admin';
import { attemptOfCall, defaultRules, fillScript, minuteOfDay, withinHours } from './dialer-rules';
import { CALL_CENTER_TEXTS } from './texts';
import { DUE_COUNTS_SQL, NEXT_SQL, sourceOf, type QueueSource } from './dialer-queue';

type Claim = { source: QueueSource; taskId: number; queue: DialerQueue; customerId: number; claimedAt: number; expiresAt: number };
type RulesRow = Omit<DialerRules, 'script'> & { script: string | null };

/** A queue's saved rules (a blank script: the queue's default one), or the defaults when none were saved. */
const withDefaults = (queue: DialerQueue, r: RulesRow | undefined): DialerRules => (r ? { ...r, script: r.script ?? defaultRules(queue).script } : defaultRules(queue));

/** A claim lost to another seat between reading and claiming is passed over this many times at most. */
const MAX_RACES = 5;

/**
 * 作业模式 — the preview dialer's host side (issue 19). `next` hands an agent who is 就绪, within the
 * calling hours, the first task of their queue that may be called now (dialer-queue.ts), claimed for
 * them alone: a row in dialer_claims whose primary key is the task, taken in one IMMEDIATE
 * transaction with the read, so two seats — or two processes on the same file — never get the same
 * task. A claim runs DIALER_LEASE_MS unless the seat renews it; it is released on 跳过, on the next
 * task, on 停止作业 and when the agent's last session ends, and a crashed seat's simply runs out.
 *
 * When the agent's call to the claimed customer ends (telephony.call.end), the call is an attempt:
 * 接通, or 未接通 / 忙 / 失败 counted against the queue's max attempts and retry wait; the queue's
 * wrap-up time (if it has one) is what 话后处理 then lasts.
 */
export class Dialer {
  private q;

  constructor(private core: Pick<Core, 'sqlite' | 'db' | 'clock' | 'settings' | 'services'>) {
    const db = core.sqlite;
    this.q = {
      next: { task: db.prepare(NEXT_SQL.task), solicitation: db.prepare(NEXT_SQL.solicitation) },
      dueCounts: db.prepare(DUE_COUNTS_SQL),
      rules: db.prepare<[], RulesRow>(
        'SELECT queue, preview_seconds AS previewSeconds, max_attempts AS maxAttempts, retry_hours AS retryHours, wrap_up_seconds AS wrapUpSeconds, script FROM dialer_queues',
      ),
      rulesOf: db.prepare<[string], RulesRow>(
        'SELECT queue, preview_seconds AS previewSeconds, max_attempts AS maxAttempts, retry_hours AS retryHours, wrap_up_seconds AS wrapUpSeconds, script FROM dialer_queues WHERE queue = ?',
      ),
      saveRules: db.prepare(
        `INSERT INTO dialer_queues (queue, preview_seconds, max_attempts, retry_hours, wrap_up_seconds, script, updated_at, updated_by)
         VALUES (@queue, @previewSeconds, @maxAttempts, @retryHours, @wrapUpSeconds, @script, @now, @userId)
         ON CONFLICT (queue) DO UPDATE SET preview_seconds = excluded.preview_seconds, max_attempts = excluded.max_attempts, retry_hours = excluded.retry_hours,
           wrap_up_seconds = excluded.wrap_up_seconds, script = excluded.script, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ),
      claimOf: db.prepare<[string], Claim>(
        'SELECT source, task_id AS taskId, queue, customer_id AS customerId, claimed_at AS claimedAt, expires_at AS expiresAt FROM dialer_claims WHERE session_hash = ?',
      ),
      claimOfCustomer: db.prepare<[number, number], Claim & { sessionHash: string }>(
        `SELECT source, task_id AS taskId, queue, customer_id AS customerId, claimed_at AS claimedAt, expires_at AS expiresAt, session_hash AS sessionHash
           FROM dialer_claims WHERE user_id = ? AND customer_id = ? ORDER BY claimed_at DESC LIMIT 1`,
      ),
      claim: db.prepare(
        `INSERT INTO dialer_claims (source, task_id, user_id, session_hash, queue, customer_id, claimed_at, expires_at)
         VALUES (@source, @taskId, @me, @session, @queue, @customerId, @now, @expiresAt)
         ON CONFLICT (source, task_id) DO UPDATE SET user_id = excluded.user_id, session_hash = excluded.session_hash, queue = excluded.queue,
           customer_id = excluded.customer_id, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
         WHERE dialer_claims.expires_at <= excluded.claimed_at OR dialer_claims.session_hash = excluded.session_hash`,
      ),
      release: db.prepare('DELETE FROM dialer_claims WHERE session_hash = ?'),
      releaseEnded: db.prepare('DELETE FROM dialer_claims WHERE user_id = ? AND session_hash NOT IN (SELECT token_hash FROM sessions WHERE user_id = ?)'),
      dropExpired: db.prepare('DELETE FROM dialer_claims WHERE expires_at <= ?'),
      renew: db.prepare('UPDATE dialer_claims SET expires_at = ? WHERE session_hash = ? AND expires_at > ?'),
      attempt: db.prepare(
        'INSERT INTO dialer_attempts (source, task_id, queue, customer_id, user_id, call_id, result, reason, at) VALUES (@source, @taskId, @queue, @customerId, @userId, @callId, @result, @reason, @at)',
      ),
      attemptOfCall: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM dialer_attempts WHERE call_id = ?'),
      attempts: db.prepare<[string, number], DialerAttempt>(
        `SELECT a.at, a.result, a.reason, u.display_name AS userName FROM dialer_attempts a LEFT JOIN users u ON u.id = a.user_id
          WHERE a.source = ? AND a.task_id = ? ORDER BY a.at DESC, a.id DESC LIMIT 20`,
      ),
      customer: db.prepare<[number], { id: number; name: string }>('SELECT id, name FROM customers WHERE id = ?'),
      phones: db.prepare<[number], { raw: string; kind: string | null; isPrimary: number }>(
        'SELECT raw, kind, is_primary AS isPrimary FROM customer_phones WHERE customer_id = ? ORDER BY is_primary DESC, id',
      ),
      vehicles: db.prepare<[number], DialerCard['customer']['vehicles'][number]>(
        'SELECT id, plate, model, last_service_date AS lastServiceDate, next_service_date AS nextServiceDate FROM vehicles WHERE customer_id = ? ORDER BY id',
      ),
      calls: db.prepare<[number], { startedAt: number; direction: 'inbound' | 'outbound'; answeredAt: number | null; durationS: number | null; userName: string | null }>(
        `SELECT k.started_at AS startedAt, k.direction, k.answered_at AS answeredAt, k.duration_s AS durationS, u.display_name AS userName
           FROM calls k LEFT JOIN users u ON u.id = k.user_id WHERE k.customer_id = ? ORDER BY k.started_at DESC LIMIT 5`,
      ),
    };
  }

  private zone(): string {
    return this.core.settings.get('dealer.timeZone');
  }

  rulesOf(queue: DialerQueue): DialerRules {
    return withDefaults(queue, this.q.rulesOf.get(queue));
  }

  rules(): DialerRules[] {
    const saved = new Map(this.q.rules.all().map((r) => [r.queue, r]));
    return DIALER_QUEUES.map((queue) => withDefaults(queue, saved.get(queue)));
  }

  /** The caller's open tasks due by today, per queue. */
  private dueByQueue(s: SessionCtx, today: string): Map<string, number> {
    const rows = this.q.dueCounts.all({ me: s.user.id, due: today, lowScoreDue: dueLimitOf('low_score', today), today }) as { queue: string; n: number }[];
    return new Map(rows.map((r) => [r.queue, r.n]));
  }

  saveRules(s: SessionCtx, input: DialerRules): DialerRules {
    const now = this.core.clock.now();
    const before = this.rulesOf(input.queue);
    this.core.sqlite.transaction(() => {
      this.q.saveRules.run({ ...input, script: input.script === '' ? null : input.script, now, userId: s.user.id });
      writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'update', entity: 'dialer_queue', entityId: input.queue, before, after: input });
    })();
    return this.rulesOf(input.queue);
  }

  overview(s: SessionCtx): DialerOverview {
    const now = this.core.clock.now();
    const today = todayIn(this.zone(), now);
    const hours = this.core.settings.get('callCenter.callingHours');
    const due = this.dueByQueue(s, today);
    return { today, callingHours: hours, open: withinHours(hours, minuteOfDay(now, this.zone())), queues: this.rules().map((r) => ({ ...r, due: due.get(r.queue) ?? 0 })) };
  }

  /** The next task of the queue, claimed (the caller's previous claim released first). */
  next(s: SessionCtx, queue: DialerQueue): DialerNext {
    const now = this.core.clock.now();
    const zone = this.zone();
    if (this.core.services.agentStates.view(s.user.id).state !== 'ready') {
      this.q.release.run(s.tokenHash);
      return { card: null, why: 'notReady' };
    }
    const hours = this.core.settings.get('callCenter.callingHours');
    if (!withinHours(hours, minuteOfDay(now, zone))) {
      this.q.release.run(s.tokenHash);
      return { card: null, why: 'outsideHours', opensAt: hours.slice(0, 5) };
    }
    const rules = this.rulesOf(queue);
    const today = todayIn(zone, now);
    const source = sourceOf(queue);
    const binds = {
      me: s.user.id,
      session: s.tokenHash,
      queue,
      due: dueLimitOf(queue, today),
      today,
      now,
      retryAfter: now - rules.retryHours * 3_600_000,
      maxAttempts: rules.maxAttempts,
      dayStart: dayStartMs(today, zone),
    };
    const claimed = this.core.sqlite
      .transaction((): Claim | null => {
        this.q.release.run(s.tokenHash);
        this.q.dropExpired.run(now);
        const lost: number[] = [];
        for (let race = 0; race <= MAX_RACES; race++) {
          const t = this.q.next[source].get({ ...binds, exclude: JSON.stringify(lost) }) as { id: number; customerId: number } | undefined;
          if (!t) return null;
          const c = { source, taskId: t.id, queue, customerId: t.customerId, claimedAt: now, expiresAt: now + DIALER_LEASE_MS };
          if (this.q.claim.run({ ...c, me: s.user.id, session: s.tokenHash, now }).changes === 1) return c;
          lost.push(t.id);
        }
        return null;
      })
      .immediate();
    if (!claimed) {
      return { card: null, why: 'empty', waiting: this.dueByQueue(s, today).get(queue) ?? 0 };
    }
    return { card: this.card(s, claimed, rules) };
  }

  /** 跳过 with a reason: an attempt that waits out the retry time (it does not count against max attempts), then the next. */
  skip(s: SessionCtx, input: { source: QueueSource; taskId: number; reason: SkipReason; note: string }): DialerNext {
    const c = this.q.claimOf.get(s.tokenHash);
    if (!c || c.source !== input.source || c.taskId !== input.taskId) throw new AppError('CONFLICT', { reason: CALL_CENTER_TEXTS.text('dialer.notYourTask', s.user.locale) });
    const now = this.core.clock.now();
    this.core.sqlite.transaction(() => {
      this.q.attempt.run({ ...c, userId: s.user.id, callId: null, result: 'skipped', reason: input.note ? `${input.reason}: ${input.note}` : input.reason, at: now });
      this.q.release.run(s.tokenHash);
    })();
    return this.next(s, c.queue);
  }

  renew(s: SessionCtx): { expiresAt: number | null } {
    const now = this.core.clock.now();
    const expiresAt = now + DIALER_LEASE_MS;
    return { expiresAt: this.q.renew.run(expiresAt, s.tokenHash, now).changes > 0 ? expiresAt : null };
  }

  stop(s: SessionCtx): { released: number } {
    return { released: this.q.release.run(s.tokenHash).changes };
  }

  /**
   * The agent's call ended (telephony.call.end): an outbound call to the claimed task's customer is
   * the task's attempt. Answers the queue's wrap-up seconds for 话后处理 (undefined: the setting's).
   */
  callEnded(userId: number, call: CallLogRow): number | undefined {
    if (call.direction !== 'outbound' || call.customerId === null) return undefined;
    const c = this.q.claimOfCustomer.get(userId, call.customerId);
    if (!c || call.startedAt < c.claimedAt) return undefined;
    if (this.q.attemptOfCall.get(call.id)!.n === 0) {
      const now = this.core.clock.now();
      this.core.sqlite.transaction(() => {
        this.q.attempt.run({ ...c, userId, callId: call.id, result: attemptOfCall(call), reason: null, at: call.endedAt ?? now });
        // The outcome form is still to be filled in: the claim holds through the wrap-up.
        this.q.renew.run(now + DIALER_LEASE_MS, c.sessionHash, now);
      })();
    }
    return this.rulesOf(c.queue).wrapUpSeconds ?? undefined;
  }

  /** A session ended (logout, expiry, revoked seat): the task it held goes back to the queue at once. */
  sessionChanged(c: SessionChange): void {
    if (c.kind === 'ended') this.q.releaseEnded.run(c.userId, c.userId);
  }

  private card(s: SessionCtx, c: Claim, rules: DialerRules): DialerCard {
    const customer = this.q.customer.get(c.customerId)!;
    return {
      queue: c.queue,
      row: this.core.services.workbench.taskRow(c.taskId, c.source),
      customer: {
        id: customer.id,
        name: customer.name,
        phones: this.q.phones.all(c.customerId).map((p) => ({ number: formatPhone(p.raw) ?? p.raw, kind: p.kind, primary: p.isPrimary === 1 })),
        vehicles: this.q.vehicles.all(c.customerId),
      },
      attempts: this.q.attempts.all(c.source, c.taskId),
      recentCalls: this.q.calls.all(c.customerId).map(({ answeredAt, ...k }) => ({ ...k, answered: answeredAt !== null })),
      rules: { ...rules, script: fillScript(rules.script, { customer: customer.name, agent: s.user.displayName, dealer: this.core.settings.get('dealer.name') }) },
      claimExpiresAt: c.expiresAt,
    };
  }
}
