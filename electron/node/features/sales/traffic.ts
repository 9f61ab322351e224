import { sql } from 'drizzle-orm';
import type { TrafficConsultantMonth, TrafficDayRow, TrafficReport } from '../../../common/api/showroom';
import type { SessionCtx } from '../auth';
import { ShowroomBase } from './showroom';
import { closingRate, registrationRate } from '../../../common/analysis';

// The rates live with the analysis period model so 销售分析 divides with the very same rules.
export { closingRate, ratio, registrationRate } from '../../../common/analysis';

type Sums = Omit<TrafficConsultantMonth, 'consultantId' | 'consultantName' | 'registrationRate' | 'closingRate'>;
const withRates = <T extends Sums>(x: T) => ({ ...x, registrationRate: registrationRate(x.newProspects, x.walkIns), closingRate: closingRate(x.newSales, x.newProspects) });

/**
 * 日报: showroom traffic per day and consultant for a month, and each consultant's month rates.
 * New prospects are the registered first visits (modes 1 and 2: every first visit leaves a record);
 * new sales are the deals delivered (递交新车) in the month. Records of the consultants the user may
 * see only; all sums run in SQL on the date indexes.
 */
export class TrafficService extends ShowroomBase {
  daily(s: SessionCtx, input: { month: string; consultantId?: number }): TrafficReport {
    const from = `${input.month}-01`;
    const to = `${input.month}-31`; // dates compare as text: every day of the month is <= -31
    const only = (col: string) => (input.consultantId ? sql`AND ${sql.raw(col)} = ${input.consultantId}` : sql``);
    const walk = this.core.db.all<{ date: string; cid: number; n: number }>(sql`
      SELECT c.visit_date AS date, c.consultant_id AS cid, sum(c.count) AS n FROM walk_in_batches c
       WHERE c.visit_date BETWEEN ${from} AND ${to} AND c.consultant_id IS NOT NULL AND ${this.owned(s, 'c.consultant_id')} ${only('c.consultant_id')}
       GROUP BY c.visit_date, c.consultant_id`);
    const visits = this.core.db.all<{ date: string; cid: number; first: number; ret: number }>(sql`
      SELECT c.visit_date AS date, c.consultant_id AS cid, sum(c.first_visit) AS first, sum(1 - c.first_visit) AS ret FROM showroom_visits c
       WHERE c.visit_date BETWEEN ${from} AND ${to} AND c.consultant_id IS NOT NULL AND ${this.owned(s, 'c.consultant_id')} ${only('c.consultant_id')}
       GROUP BY c.visit_date, c.consultant_id`);
    const sales = this.core.db.all<{ cid: number; n: number }>(sql`
      SELECT c.consultant_id AS cid, count(*) AS n FROM deliveries c
       WHERE c.delivery_date BETWEEN ${from} AND ${to} AND c.consultant_id IS NOT NULL AND ${this.owned(s, 'c.consultant_id')} ${only('c.consultant_id')}
       GROUP BY c.consultant_id`);

    const ids = [...new Set([...walk, ...visits, ...sales].map((r) => r.cid))];
    const names = new Map<number, string>();
    if (ids.length) {
      for (const u of this.core.db.all<{ id: number; name: string }>(sql`SELECT id, display_name AS name FROM users WHERE id IN ${ids}`)) names.set(u.id, u.name);
    }

    const days = new Map<string, TrafficDayRow>();
    const day = (date: string, cid: number) => {
      const key = `${date}|${cid}`;
      let r = days.get(key);
      if (!r) days.set(key, (r = { date, consultantId: cid, consultantName: names.get(cid) ?? '', walkIns: 0, firstVisits: 0, returnVisits: 0, newProspects: 0, traffic: 0 }));
      return r;
    };
    for (const w of walk) day(w.date, w.cid).walkIns += w.n;
    for (const v of visits) {
      const r = day(v.date, v.cid);
      r.firstVisits += v.first;
      r.returnVisits += v.ret;
      r.newProspects += v.first;
    }
    const rows = [...days.values()];
    for (const r of rows) r.traffic = r.walkIns + r.newProspects;
    rows.sort((a, b) => (a.date === b.date ? a.consultantName.localeCompare(b.consultantName, 'zh-CN') : a.date < b.date ? -1 : 1));

    const month = new Map<number, Sums>();
    const per = (cid: number) => {
      let m = month.get(cid);
      if (!m) month.set(cid, (m = { walkIns: 0, newProspects: 0, returnVisits: 0, newSales: 0 }));
      return m;
    };
    for (const r of rows) {
      const m = per(r.consultantId);
      m.walkIns += r.walkIns;
      m.newProspects += r.newProspects;
      m.returnVisits += r.returnVisits;
    }
    for (const x of sales) per(x.cid).newSales += x.n;
    const consultants = [...month.entries()]
      .map(([cid, m]) => ({ consultantId: cid, consultantName: names.get(cid) ?? '', ...withRates(m) }))
      .sort((a, b) => a.consultantName.localeCompare(b.consultantName, 'zh-CN'));
    const total = withRates(
      consultants.reduce<Sums>(
        (t, c) => ({ walkIns: t.walkIns + c.walkIns, newProspects: t.newProspects + c.newProspects, returnVisits: t.returnVisits + c.returnVisits, newSales: t.newSales + c.newSales }),
        { walkIns: 0, newProspects: 0, returnVisits: 0, newSales: 0 },
      ),
    );
    return { month: input.month, rows, consultants, total };
  }
}
