import type { TelInput } from './input';
import { INTERRUPTED, type CallEndReason, type CallLogRow, type CallStarted } from '../../../common/api/telephony';
import type { Locale } from '../../../common/i18n/errors';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { writeAudit } from '../admin';
import { isWorkbenchManager } from '../service';
import { ctiLookup, normaliseCallerId } from './cti-lookup';
import { msg } from './messages';
import type { SoftphoneSettings } from './settings';

export const CALL_SELECT = `
  select k.id, k.direction, k.from_number as fromNumber, k.to_number as toNumber, k.extension, k.user_id as userId,
         (select u.display_name from users u where u.id = k.user_id) as userName,
         k.customer_id as customerId, (select cu.name from customers cu where cu.id = k.customer_id) as customerName,
         k.task_id as taskId, k.started_at as startedAt, k.answered_at as answeredAt, k.ended_at as endedAt,
         k.duration_s as durationS, k.outcome,
         r.id as recordingId, r.complete as recordingComplete, (r.upload_sha256 is not null) as recordingUploading
  from calls k left join recordings r on r.call_id = k.id and r.deleted_at is null`;

type RawRow = Omit<CallLogRow, 'recordingComplete' | 'recordingUploading'> & { recordingComplete: number | null; recordingUploading: number | null };
const toRow = (r: RawRow): CallLogRow => ({
  ...r,
  recordingComplete: r.recordingComplete === null ? null : r.recordingComplete === 1,
  recordingUploading: r.recordingId === null ? null : r.recordingUploading === 1,
});

/** How long a missed call stays on the missed list unless someone talks to that number again. */
const MISSED_DAYS = 7;

/**
 * The call log: every call of a seat, answered or not, from first ring / dial to hang-up, with its
 * technical end (missed, declined…) and the agent's business outcome. Only the seat's own user
 * changes a call; every change is audited with the row in one transaction.
 */
export class CallLog {
  constructor(
    private core: Pick<Core, 'auth' | 'clock' | 'db' | 'settings' | 'sqlite' | 'visibility'>,
    private settings: SoftphoneSettings,
  ) {}

  get(callId: number): CallLogRow | null {
    const r = this.core.sqlite.prepare<[number], RawRow>(`${CALL_SELECT} where k.id = ?`).get(callId);
    return r ? toRow(r) : null;
  }

  /** A call of the session's own seat, or FORBIDDEN / NOT_FOUND. */
  own(s: SessionCtx, locale: Locale, callId: number): CallLogRow {
    const row = this.get(callId);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.userId !== s.user.id) {
      // Another seat's call about a customer the user may not see does not exist for them (as a
      // task's in start()): FORBIDDEN would tell them it does.
      if (row.customerId !== null) this.core.visibility.requireVisible(s, row.customerId);
      throw new AppError('FORBIDDEN', { reason: msg('notYourCall', locale) });
    }
    return row;
  }

  /** May the user read this call (theirs, or they may play recordings)? */
  mayRead(s: SessionCtx, row: CallLogRow): boolean {
    return row.userId === s.user.id || this.core.auth.hasPermission(s, 'recordings.play');
  }

  /** `lanSeatId`: the paired LAN seat the call came through (null on the host), kept with the call for its recording's upload. */
  start(s: SessionCtx, locale: Locale, input: TelInput<'telephony.call.start'>, lanSeatId: number | null = null): CallStarted {
    const seat = this.settings.view(s.user.id);
    if (!seat.configured) throw new AppError('CONFLICT', { reason: msg('notConfigured', locale) });
    const remote = input.remoteNumber.trim();
    let customerId: number | null = null;
    // A call from a task (the workbench's 呼叫): the task must be the user's own, nobody's yet, or the
    // user a workbench manager; the call is about the task's customer even when others share the number.
    const task =
      input.taskId === undefined
        ? undefined
        : this.core.sqlite.prepare<[number], { id: number; assigneeId: number | null; customerId: number }>('select id, assignee_id as assigneeId, customer_id as customerId from tasks where id = ?').get(input.taskId);
    if (input.taskId !== undefined) {
      // A task about a customer the user may not see does not exist for them (else the call would
      // link that customer, show its name and land in its history).
      if (!task) throw new AppError('NOT_FOUND');
      this.core.visibility.requireVisible(s, task.customerId);
      if (task.assigneeId !== null && task.assigneeId !== s.user.id && !isWorkbenchManager(s.user.role)) throw new AppError('FORBIDDEN');
    }
    // An inbound call's caller, for the screen pop too (one lookup, one round trip for the seat).
    const lookup = input.direction === 'inbound' ? ctiLookup(this.core, s, remote) : null;
    if (input.customerId !== undefined) {
      // Only a customer the user may see can be linked (the id comes from the renderer).
      this.core.visibility.requireVisible(s, input.customerId);
      customerId = input.customerId;
    } else if (task) {
      customerId = task.customerId;
    } else {
      const found = lookup ?? ctiLookup(this.core, s, remote);
      if (found.matches.length === 1) customerId = found.matches[0]!.customerId;
    }
    const now = this.core.clock.now();
    const values = {
      direction: input.direction,
      from_number: input.direction === 'inbound' ? remote : seat.extension,
      to_number: input.direction === 'inbound' ? seat.extension : remote,
      extension: seat.extension,
      user_id: s.user.id,
      customer_id: customerId,
      task_id: input.taskId ?? null,
      sip_call_id: input.sipCallId ?? null,
      started_at: now,
      seat_id: lanSeatId,
    };
    const callId = this.core.sqlite.transaction(() => {
      const id = Number(
        this.core.sqlite
          .prepare(
            `insert into calls (direction, from_number, to_number, extension, user_id, customer_id, task_id, sip_call_id, started_at, seat_id)
             values (@direction, @from_number, @to_number, @extension, @user_id, @customer_id, @task_id, @sip_call_id, @started_at, @seat_id)`,
          )
          .run(values).lastInsertRowid,
      );
      writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'create', entity: 'calls', entityId: id, after: values });
      return id;
    })();
    return { callId, customerId, recordingPolicy: seat.recordingPolicy, lookup };
  }

  private update(s: SessionCtx, callId: number, patch: Record<string, unknown>, before: CallLogRow): CallLogRow {
    const cols = Object.keys(patch);
    if (cols.length) {
      this.core.sqlite.transaction(() => {
        this.core.sqlite.prepare(`update calls set ${cols.map((c) => `${c} = @${c}`).join(', ')} where id = @id`).run({ ...patch, id: callId });
        writeAudit(this.core.db, this.core.clock, { userId: s.user.id, action: 'update', entity: 'calls', entityId: callId, before: pick(before, cols), after: patch });
      })();
    }
    return this.get(callId)!;
  }

  answer(s: SessionCtx, locale: Locale, callId: number): CallLogRow {
    const row = this.own(s, locale, callId);
    if (row.answeredAt !== null || row.endedAt !== null) return row; // repeated or late: the first answer counts
    return this.update(s, callId, { answered_at: this.core.clock.now() }, row);
  }

  /** Hang-up, decline, no answer…: ends the call once; a repeated end changes nothing. */
  end(s: SessionCtx, locale: Locale, callId: number, reason: CallEndReason): CallLogRow {
    const row = this.own(s, locale, callId);
    if (row.endedAt !== null) return row;
    const now = this.core.clock.now();
    const answered = row.answeredAt !== null;
    const outcome = answered ? 'answered' : reason === 'hangup' ? (row.direction === 'inbound' ? 'missed' : 'noAnswer') : reason;
    return this.update(s, callId, { ended_at: now, duration_s: answered ? Math.round((now - row.answeredAt!) / 1000) : 0, outcome }, row);
  }

  /** The agent's business outcome, after the call (or while it lasts); may also link the customer. */
  outcome(s: SessionCtx, locale: Locale, input: TelInput<'telephony.call.outcome'>): CallLogRow {
    const row = this.own(s, locale, input.callId);
    const patch: Record<string, unknown> = { outcome: input.outcome };
    if (input.customerId !== undefined && input.customerId !== row.customerId) {
      this.core.visibility.requireVisible(s, input.customerId);
      patch.customer_id = input.customerId;
    }
    return this.update(s, input.callId, patch, row);
  }

  /**
   * A seat runs one softphone. When it starts, calls of this user still open (the window crashed or
   * was closed mid-call) are ended now as 'interrupted', with an unknown duration; their recordings
   * stay as written and marked incomplete.
   */
  closeInterrupted(s: SessionCtx): { closed: number } {
    const open = this.core.sqlite.prepare<[number], { id: number }>('select id from calls where user_id = ? and ended_at is null').all(s.user.id);
    for (const { id } of open) {
      const row = this.get(id)!;
      this.update(s, id, { ended_at: this.core.clock.now(), duration_s: null, outcome: INTERRUPTED }, row);
    }
    return { closed: open.length };
  }

  /** Unanswered inbound calls of my seat (last 7 days) that nobody has talked to since. */
  missed(s: SessionCtx): CallLogRow[] {
    const seat = this.settings.view(s.user.id);
    const since = this.core.clock.now() - MISSED_DAYS * 86_400_000;
    const rows = this.core.sqlite
      .prepare<[number, number, string], RawRow>(
        `${CALL_SELECT}
         where k.started_at >= ? and k.direction = 'inbound' and k.answered_at is null and k.ended_at is not null
           and (k.user_id = ? or k.extension = ?)
           and coalesce(k.from_number, '') <> ''
           and not exists (select 1 from calls k2 where k2.started_at > k.started_at and k2.answered_at is not null
                           and (k2.from_number = k.from_number or k2.to_number = k.from_number))
         order by k.started_at desc limit 200`,
      )
      .all(since, s.user.id, seat.extension || '\u0000');
    // A withheld or malformed caller ID cannot be called back: it stays in the call log only.
    const areaCode = this.core.settings.areaCode();
    return rows.filter((r) => 'normalized' in normaliseCallerId(r.fromNumber ?? '', areaCode)).map(toRow);
  }

  /** The calls with a customer the user may see; recordings only where the user may play them. */
  ofCustomer(s: SessionCtx, customerId: number): CallLogRow[] {
    this.core.visibility.requireVisible(s, customerId);
    const rows = this.core.sqlite.prepare<[number], RawRow>(`${CALL_SELECT} where k.customer_id = ? order by k.started_at desc limit 200`).all(customerId);
    return rows.map(toRow).map((r) => (this.mayRead(s, r) ? r : { ...r, recordingId: null, recordingComplete: null, recordingUploading: null }));
  }
}

function pick(row: CallLogRow, cols: string[]): Record<string, unknown> {
  const map: Record<string, keyof CallLogRow> = { answered_at: 'answeredAt', ended_at: 'endedAt', duration_s: 'durationS', outcome: 'outcome', customer_id: 'customerId' };
  return Object.fromEntries(cols.map((c) => [c, row[map[c] ?? (c as keyof CallLogRow)] ?? null]));
}
