/** 流失原因: why a churned customer left, recorded from the churn warning list (audited). */
import type { ChurnRecordRow } from '../../../common/api/reminders';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { writeAudit } from '../admin';

const bad = (field: string, message: string) => new AppError('INVALID_INPUT', { issues: [`${field}: ${message}`], fields: [{ field, message }] });

export function recordChurn(core: Pick<Core, 'clock' | 'db' | 'sqlite' | 'visibility'>, s: SessionCtx, input: { customerId: number; vehicleId: number | null; reason: string; note: string | null }): { id: number } {
  core.visibility.requireVisible(s, input.customerId);
  if (input.vehicleId != null) {
    const v = core.sqlite.prepare('select 1 from vehicles where id = ? and customer_id = ?').get(input.vehicleId, input.customerId);
    if (!v) throw bad('vehicleId', 'reminders.vehicleNotCustomers');
  }
  const reason = core.sqlite.prepare("select 1 from dictionaries where kind = 'churn_reason' and code = ? and active = 1").get(input.reason);
  if (!reason) throw bad('reason', 'reminders.badChurnReason');
  const note = input.note?.trim() || null;
  return core.db.transaction((tx) => {
    const now = core.clock.now();
    const r = core.sqlite
      .prepare('insert into churn_records (customer_id, vehicle_id, reason, note, user_id, created_at) values (?, ?, ?, ?, ?, ?) returning id')
      .get(input.customerId, input.vehicleId, input.reason, note, s.user.id, now) as { id: number };
    writeAudit(tx, core.clock, { userId: s.user.id, action: 'create', entity: 'churn_record', entityId: r.id, after: { ...input, note, id: r.id } });
    return { id: r.id };
  });
}

export function churnRecords(core: Pick<Core, 'sqlite' | 'visibility'>, s: SessionCtx, customerId: number): ChurnRecordRow[] {
  core.visibility.requireVisible(s, customerId);
  return core.sqlite
    .prepare(
      `select r.id, r.customer_id as customerId, r.vehicle_id as vehicleId, r.reason, r.note, u.display_name as userName, r.created_at as createdAt
         from churn_records r left join users u on u.id = r.user_id where r.customer_id = ? order by r.id desc`,
    )
    .all(customerId) as ChurnRecordRow[];
}
