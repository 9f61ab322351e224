import type { Core } from '../../core';
import { MAX_TASK_ROWS, regularServiceList } from './reminders';

/**
 * The regular-service list (常规保养) as 主动预约 and 招揽任务 read it: the reminders feature's
 * regularServiceList (next service date in range, serviced in the last 10 days dropped, DND left
 * out and counted), every customer (a manager's or a job's view), read page by page.
 */
export interface RegularServiceDue {
  customerId: number;
  customerName: string;
  phone: string | null;
  vehicleId: number;
  plate: string | null;
  model: string;
  nextServiceDate: string;
  lastServiceDate: string | null;
}

export function regularServiceDue(core: Pick<Core, 'services'>, range: { from: string; to: string; limit?: number }): { rows: RegularServiceDue[]; dndExcluded: number } {
  const want = range.limit ?? MAX_TASK_ROWS;
  const rows: RegularServiceDue[] = [];
  let dndExcluded = 0;
  for (let offset = 0; rows.length < want; ) {
    const page = regularServiceList(core, { from: range.from, to: range.to, offset, limit: Math.min(MAX_TASK_ROWS, want - rows.length) });
    dndExcluded = page.leftOutDnd;
    for (const r of page.rows) {
      if (r.vehicleId == null || r.date == null) continue;
      rows.push({ customerId: r.customerId, customerName: r.customerName, phone: r.phone, vehicleId: r.vehicleId, plate: r.plate, model: r.model ?? '', nextServiceDate: r.date, lastServiceDate: r.lastServiceDate });
    }
    offset += page.rows.length;
    if (!page.rows.length || offset >= page.total) break;
  }
  return { rows, dndExcluded };
}
