import type { ComplaintAction, ComplaintDetail, ComplaintHistoryRow, ComplaintStatus } from '../../../common/api/complaints';
import { FIELD_MESSAGES, type FieldMessageKey, type Locale } from '../../../common/i18n/errors';
import { complaintHistory, complaints } from '../../../../db/schema';
import type { Db } from '../../../../db/client';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { assertVersion } from '../../stale-record';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';
import { checkAssign, checkClose, checkEdit, checkHandle, checkReopen, isComplaintManager, mayWork, type ComplaintRefusal } from './complaint-rules';

type Row = typeof complaints.$inferSelect;

/** A refusal with the field it is about, so the form shows it under that field. */
function refuse(key: ComplaintRefusal | FieldMessageKey, locale: Locale, field: string): AppError {
  const message = FIELD_MESSAGES[key][locale];
  // A locked result, a wrong state or someone else's complaint is a conflict with the record's
  // state; a missing result or reason is bad input.
  const conflict = key === 'complaint.locked' || key === 'complaint.notClosed' || key === 'complaint.notYours' || key === 'complaint.unassigned';
  if (key === 'complaint.managerOnly') return new AppError('FORBIDDEN', { reason: message });
  return conflict ? new AppError('CONFLICT', { reason: message, fields: [{ field, message }] }) : new AppError('INVALID_INPUT', { issues: message, fields: [{ field, message }] });
}

/**
 * 投诉建议: register, assign, handle, close with a result, reopen (managers, with a reason). Every
 * change writes its complaint row, its history row and their audit rows in one transaction.
 */
export class ComplaintsService {
  private writer: AuditedWriter;

  constructor(private core: Pick<Core, 'clock' | 'db' | 'sqlite'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  private row(id: number): Row {
    const row = this.core.sqlite
      .prepare('select id, source, category, customer_id as customerId, vehicle_id as vehicleId, description, assignee_id as assigneeId, status, result, closed_at as closedAt, closed_by as closedBy, created_at as createdAt, created_by as createdBy, updated_at as updatedAt, version from complaints where id = ?')
      .get(id) as Row | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private dictOk(kind: string, code: string): boolean {
    return !!this.core.sqlite.prepare('select 1 from dictionaries where kind = ? and code = ? and active = 1').get(kind, code);
  }

  private staffOk(userId: number): boolean {
    return !!this.core.sqlite.prepare("select 1 from users where id = ? and active = 1 and role in ('serviceAgent', 'serviceManager', 'serviceAdvisor')").get(userId);
  }

  assignees(): { id: number; name: string }[] {
    return this.core.sqlite
      .prepare("select id, display_name as name from users where active = 1 and role in ('serviceAgent', 'serviceManager', 'serviceAdvisor') order by role = 'serviceManager', display_name, id")
      .all() as { id: number; name: string }[];
  }

  get(s: SessionCtx, id: number): ComplaintDetail {
    const c = this.row(id);
    const info = this.core.sqlite
      .prepare(
        `select cu.name as customerName, v.plate as plate, a.display_name as assigneeName, cb.display_name as closedByName
         from complaints x join customers cu on cu.id = x.customer_id left join vehicles v on v.id = x.vehicle_id
         left join users a on a.id = x.assignee_id left join users cb on cb.id = x.closed_by where x.id = ?`,
      )
      .get(id) as { customerName: string; plate: string | null; assigneeName: string | null; closedByName: string | null };
    const history = this.core.sqlite
      .prepare('select h.id, h.action, h.note, h.user_id as userId, u.display_name as userName, h.at from complaint_history h left join users u on u.id = h.user_id where h.complaint_id = ? order by h.at, h.id')
      .all(id) as ComplaintHistoryRow[];
    const a = { userId: s.user.id, role: s.user.role };
    const st = { status: c.status, assigneeId: c.assigneeId };
    const editable = checkEdit(st, a) === null;
    return {
      id: c.id,
      source: c.source,
      category: c.category,
      customerId: c.customerId,
      customerName: info.customerName,
      vehicleId: c.vehicleId,
      plate: info.plate,
      description: c.description,
      assigneeId: c.assigneeId,
      assigneeName: info.assigneeName,
      status: c.status,
      result: c.result,
      closedAt: c.closedAt,
      closedByName: info.closedByName,
      createdAt: c.createdAt,
      version: c.version,
      can: {
        edit: editable,
        assign: editable,
        handle: editable && c.assigneeId !== null,
        close: editable,
        reopen: c.status === 'closed' && isComplaintManager(s.user.role),
      },
      history,
    };
  }

  /**
   * The complaint row change plus its history row, audited, in one transaction; `expectedVersion`
   * (the version the user's panel loaded) refuses a stale copy as STALE_RECORD with nothing written.
   */
  private change(
    s: SessionCtx,
    id: number,
    expectedVersion: number | undefined,
    patch: Partial<typeof complaints.$inferInsert>,
    action: ComplaintAction,
    note: string | null,
    tx?: Db,
  ): void {
    const now = this.core.clock.now();
    (tx ?? this.core.db).transaction((t) => {
      this.writer.update(s.user.id, 'complaint', complaints, id, { ...patch, updatedAt: now }, t, { expectedVersion });
      this.writer.insert(s.user.id, 'complaint_history', complaintHistory, { complaintId: id, action, note, userId: s.user.id, at: now }, t);
    });
  }

  create(
    s: SessionCtx,
    locale: Locale,
    input: { source: string; category: string; customerId: number; vehicleId?: number | null; description: string; assigneeId?: number | null },
  ): ComplaintDetail {
    if (!this.dictOk('complaint_source', input.source)) throw refuse('complaint.dict.invalid', locale, 'source');
    if (!this.dictOk('complaint_category', input.category)) throw refuse('complaint.dict.invalid', locale, 'category');
    if (!this.core.sqlite.prepare('select 1 from customers where id = ?').get(input.customerId)) throw new AppError('NOT_FOUND');
    if (input.vehicleId && !this.core.sqlite.prepare('select 1 from vehicles where id = ? and customer_id = ?').get(input.vehicleId, input.customerId)) {
      throw refuse('complaint.vehicle.invalid', locale, 'vehicleId');
    }
    if (input.assigneeId && !this.staffOk(input.assigneeId)) throw refuse('complaint.assignee.invalid', locale, 'assigneeId');
    const now = this.core.clock.now();
    const id = this.core.db.transaction((tx) => {
      const row = this.writer.insert(
        s.user.id,
        'complaint',
        complaints,
        {
          source: input.source,
          category: input.category,
          customerId: input.customerId,
          vehicleId: input.vehicleId ?? null,
          description: input.description,
          assigneeId: input.assigneeId ?? null,
          status: input.assigneeId ? 'assigned' : 'open',
          createdAt: now,
          createdBy: s.user.id,
          updatedAt: now,
        },
        tx,
      );
      this.writer.insert(s.user.id, 'complaint_history', complaintHistory, { complaintId: row.id, action: 'create', note: input.description, userId: s.user.id, at: now }, tx);
      if (input.assigneeId) {
        this.writer.insert(s.user.id, 'complaint_history', complaintHistory, { complaintId: row.id, action: 'assign', note: this.name(input.assigneeId), userId: s.user.id, at: now }, tx);
      }
      return row.id;
    });
    return this.get(s, id);
  }

  private name(userId: number): string | null {
    return (this.core.sqlite.prepare('select display_name as n from users where id = ?').get(userId) as { n: string } | undefined)?.n ?? null;
  }

  private actor(s: SessionCtx) {
    return { userId: s.user.id, role: s.user.role };
  }

  /** The row, refused as STALE_RECORD before any rule when the user's copy is older (they see the current one first). */
  private current(id: number, expectedVersion: number | undefined): Row {
    const c = this.row(id);
    assertVersion(c, expectedVersion, 'complaint');
    return c;
  }

  update(s: SessionCtx, locale: Locale, input: { id: number; expectedVersion?: number; source?: string; category?: string; description?: string; result?: string }): ComplaintDetail {
    const c = this.current(input.id, input.expectedVersion);
    const r = checkEdit(c, this.actor(s));
    if (r) throw refuse(r, locale, input.result !== undefined ? 'result' : 'description');
    if (input.source !== undefined && !this.dictOk('complaint_source', input.source)) throw refuse('complaint.dict.invalid', locale, 'source');
    if (input.category !== undefined && !this.dictOk('complaint_category', input.category)) throw refuse('complaint.dict.invalid', locale, 'category');
    const patch: Partial<typeof complaints.$inferInsert> = {};
    if (input.source !== undefined) patch.source = input.source;
    if (input.category !== undefined) patch.category = input.category;
    if (input.description !== undefined) patch.description = input.description;
    // A draft result may be kept while handling; it becomes final (and locked) only on close.
    if (input.result !== undefined) patch.result = input.result || null;
    this.change(s, c.id, input.expectedVersion, patch, 'update', null);
    return this.get(s, c.id);
  }

  assign(s: SessionCtx, locale: Locale, id: number, assigneeId: number, expectedVersion?: number): ComplaintDetail {
    const c = this.current(id, expectedVersion);
    const r = checkAssign(c, this.actor(s));
    if ('refusal' in r) throw refuse(r.refusal, locale, 'assigneeId');
    // An agent may take a complaint (assign it to themselves); handing it to someone else is a manager's call.
    if (!isComplaintManager(s.user.role) && assigneeId !== s.user.id) throw refuse('complaint.notYours', locale, 'assigneeId');
    if (!this.staffOk(assigneeId)) throw refuse('complaint.assignee.invalid', locale, 'assigneeId');
    this.change(s, id, expectedVersion, { assigneeId, status: r.next }, 'assign', this.name(assigneeId));
    return this.get(s, id);
  }

  handle(s: SessionCtx, locale: Locale, id: number, note: string, expectedVersion?: number): ComplaintDetail {
    const c = this.current(id, expectedVersion);
    const r = checkHandle(c, this.actor(s));
    if ('refusal' in r) throw refuse(r.refusal, locale, 'note');
    this.change(s, id, expectedVersion, { status: r.next }, 'handle', note);
    return this.get(s, id);
  }

  close(s: SessionCtx, locale: Locale, id: number, result: string, expectedVersion?: number): ComplaintDetail {
    const c = this.current(id, expectedVersion);
    const r = checkClose(c, this.actor(s), result);
    if ('refusal' in r) throw refuse(r.refusal, locale, 'result');
    this.change(s, id, expectedVersion, { status: r.next, result: result.trim(), closedAt: this.core.clock.now(), closedBy: s.user.id }, 'close', result.trim());
    return this.get(s, id);
  }

  /** Back to work; the locked result moves to the history (its 'close' row) and the form is empty again. */
  reopen(s: SessionCtx, locale: Locale, id: number, reason: string, expectedVersion?: number): ComplaintDetail {
    const c = this.current(id, expectedVersion);
    const r = checkReopen(c, this.actor(s), reason);
    if ('refusal' in r) throw refuse(r.refusal, locale, 'reason');
    this.change(s, id, expectedVersion, { status: r.next as ComplaintStatus, result: null, closedAt: null, closedBy: null }, 'reopen', reason.trim());
    return this.get(s, id);
  }

  /** For record-level checks elsewhere (e.g. a future complaints list action). */
  mayWork(s: SessionCtx, id: number): boolean {
    return mayWork(this.row(id), this.actor(s)) === null;
  }
}
