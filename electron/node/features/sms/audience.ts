/**
 * Who an SMS batch goes to, resolved on the server: customers by id, every row of a grid query
 * (read page by page through the shared grid service, so the renderer never loads all rows), and
 * manual numbers. Only customers the user may see are read (visibility in SQL); merge values come
 * from the customer, their first vehicle, their next appointment and the dealer.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { gridQuerySchema, type gridSelectionQuerySchema } from '../../../common/api/grid';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { todayIn } from '../../../common/dates';
import { parseManualNumbers, type ParsedNumbers } from './numbers';
import type { Candidate } from './recipients';
import { salutation, type MergeValues } from './template';

export const MAX_RECIPIENTS = 100_000;

export interface AudienceInput {
  customerIds: number[];
  grid: { query: z.output<typeof gridSelectionQuerySchema>; expectedCount: number } | null;
  rows?: { query: z.output<typeof gridSelectionQuerySchema>; ids: number[] } | null;
  manualNumbers: string;
  values: Record<string, Record<string, string>>;
}

export interface Audience {
  candidates: (Candidate & { name: string | null })[];
  manual: ParsedNumbers;
}

type GridQuery = z.output<typeof gridSelectionQuerySchema>;

/** What resolving an audience reads: the grid's pages, the dealer's settings and day, the visible customers. */
export type AudienceCore = Pick<Core, 'clock' | 'db' | 'services' | 'settings' | 'visibility'>;

function customerColumn(core: Pick<Core, 'services'>, s: SessionCtx, q: GridQuery): 'id' | 'customerId' {
  const { columns } = core.services.grid.grid.columns(s, q.dataset);
  const col = q.dataset === 'customers' ? 'id' : columns.some((c) => c.id === 'customerId') ? 'customerId' : null;
  if (!col) {
    throw new AppError('INVALID_INPUT', { issues: '该列表没有客户,不能发短信 / This list has no customers to text', fields: [{ field: 'audience', message: 'sms.noCustomers' }] });
  }
  return col;
}

/** Customer ids of a query's rows (only the rows in `only`, when given), page by page. */
async function pageCustomerIds(core: Pick<Core, 'services'>, s: SessionCtx, q: GridQuery, col: 'id' | 'customerId', only: Set<number> | null): Promise<number[]> {
  const grid = core.services.grid.grid;
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const cols = col === 'id' ? ['id'] : ['id', col];
    // No sort named: the grid then orders by id alone (its tie-break), which every list allows;
    // naming 'id' is refused where id is not a sortable column (the reminder lists).
    const page = await grid.query(s, gridQuerySchema.parse({ ...q, columns: cols, sort: [], cursor, limit: 500 }));
    if (page.kind !== 'rows') break;
    for (const r of page.rows as Record<string, unknown>[]) {
      if (only && !only.has(Number(r.id))) continue;
      const v = Number(r[col]);
      if (Number.isInteger(v) && v > 0) ids.push(v);
    }
    cursor = page.nextCursor;
  } while (cursor && !(only && ids.length >= only.size));
  return ids;
}

/** Ticked rows of a non-customer list → their customers (only rows the list really shows). */
async function rowCustomerIds(core: Pick<Core, 'services'>, s: SessionCtx, r: NonNullable<AudienceInput['rows']>): Promise<number[]> {
  const col = customerColumn(core, s, r.query);
  if (col === 'id') return r.ids;
  return pageCustomerIds(core, s, r.query, col, new Set(r.ids));
}

/** "All N matching" the grid: its count and pages run on the read pool (grid/service.ts), not on the host's thread. */
async function gridCustomerIds(core: Pick<Core, 'services'>, s: SessionCtx, g: NonNullable<AudienceInput['grid']>): Promise<number[]> {
  const grid = core.services.grid.grid;
  const col = customerColumn(core, s, g.query);
  const n = await grid.count(s, g.query);
  if (n !== g.expectedCount) {
    throw new AppError('CONFLICT', { reason: `列表已变化:选中 ${g.expectedCount} 条,现在符合条件的有 ${n} 条,请刷新后重试 / the list changed: ${g.expectedCount} selected, ${n} match now` });
  }
  if (n > MAX_RECIPIENTS) throw new AppError('TOO_MANY_ROWS', { count: n, max: MAX_RECIPIENTS });
  return pageCustomerIds(core, s, g.query, col, null);
}

interface CustomerRow {
  id: number;
  name: string;
  gender: 'male' | 'female' | 'other';
  kind: 'individual' | 'company';
  dnd: number;
  consent: number | null;
  mobile: string | null;
  plate: string | null;
  model: string | null;
  due: string | null;
  apptDate: string | null;
  apptSlot: string | null;
  owner: string | null;
  ownerPhone: string | null;
}

export async function resolveAudience(core: AudienceCore, s: SessionCtx, input: AudienceInput): Promise<Audience> {
  const ids = [...input.customerIds];
  if (input.grid) ids.push(...(await gridCustomerIds(core, s, input.grid)));
  if (input.rows) ids.push(...(await rowCustomerIds(core, s, input.rows)));
  const unique = [...new Set(ids)];
  if (unique.length > MAX_RECIPIENTS) throw new AppError('TOO_MANY_ROWS', { count: unique.length, max: MAX_RECIPIENTS });
  const today = todayIn(core.settings.get('dealer.timeZone'), core.clock.now());
  const dealer = core.settings.get('dealer.name');
  const rows: CustomerRow[] = [];
  const visible = core.visibility.visibleCustomers(s, 'c');
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = JSON.stringify(unique.slice(i, i + 500));
    rows.push(
      ...core.db.all<CustomerRow>(sql`
        select c.id, c.name, c.gender, c.kind, c.dnd_sms as dnd, c.consent_status = 'given' as consent,
          (select p.normalized from customer_phones p where p.customer_id = c.id and p.kind = 'mobile' order by p.is_primary desc, p.id limit 1) as mobile,
          v.plate,
          coalesce((select d.label_zh from dictionaries d where d.kind = 'model' and d.code = v.model), v.model) as model,
          (select min(x) from (select v.next_service_date as x union all select v.insurance_expiry union all select v.inspection_expiry
             union all select v.membership_expiry union all select v.licence_expiry) where x >= ${today}) as due,
          a.date as apptDate, a.slot as apptSlot,
          u.display_name as owner, u.phone as ownerPhone
        from customers c
        left join vehicles v on v.id = (select min(v2.id) from vehicles v2 where v2.customer_id = c.id)
        left join appointments a on a.id = (select a2.id from appointments a2 where a2.customer_id = c.id and a2.status = 'booked' and a2.date >= ${today} order by a2.date, a2.slot limit 1)
        left join users u on u.id = c.owner_id
        where c.id in (select value from json_each(${chunk})) and ${visible}`),
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const candidates: Audience['candidates'] = [];
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) continue; // not visible to this user, or deleted: never texted
    const values: MergeValues = {
      姓名: r.name,
      称呼: salutation(r.name, r.gender, r.kind),
      车牌: r.plate,
      车型: r.model,
      到期日: r.due,
      预约时间: r.apptDate ? `${r.apptDate} ${r.apptSlot ?? ''}`.trim() : null,
      经销商: dealer,
      顾问: r.owner,
      顾问电话: r.ownerPhone,
      ...(input.values[String(id)] ?? {}),
    };
    candidates.push({ customerId: id, name: r.name, number: r.mobile, dnd: r.dnd === 1, consent: r.consent === 1, values });
  }
  const manual = parseManualNumbers(input.manualNumbers, core.settings.areaCode());
  for (const m of manual.numbers) candidates.push({ customerId: null, name: null, number: m.number, dnd: false, consent: false, values: { 经销商: dealer } });
  return { candidates, manual };
}
