import { sql } from 'drizzle-orm';
import type { Scope } from '../../../common/api/grid';
import type { BirthdayRow } from '../../../common/api/sales-analysis';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { AppError } from '../../errors';
import { formatPhone } from '../../../common/phone';
import { todayIn } from '../../../common/dates';
import { birthdayDays, primaryPhoneExpr } from '../customers';

// The calendar rule is the customers feature's (its grid filters 今天/本周生日 use it too); kept
// importable from here for sales' own tests.
export { birthdayDays };

/** 生日提醒: customers in scope whose birthday falls today or this week, by day then name (customers_birthday_md_idx). */
export class Birthdays {
  constructor(private core: Pick<Core, 'clock' | 'db' | 'settings' | 'visibility'>) {}

  list(s: SessionCtx, input: { range: 'today' | 'week'; scope: Scope; limit: number }): { from: string; to: string; rows: BirthdayRow[]; total: number } {
    if (!this.core.visibility.scopesOf(s).includes(input.scope)) throw new AppError('FORBIDDEN');
    const today = todayIn(this.core.settings.get('dealer.timeZone'), this.core.clock.now());
    const days = birthdayDays(input.range, today);
    const dayOf = new Map<string, string>();
    days.forEach((d) => d.mds.forEach((md) => dayOf.set(md, d.day)));
    // Order: the position of the MM-DD in the range (12-31 before 01-01 across a year end).
    const order = JSON.stringify(Object.fromEntries([...dayOf.keys()].map((md, i) => [md, i])));
    const mds = JSON.stringify([...dayOf.keys()]);
    const where = sql`c.birthday_md in (select value from json_each(${mds})) and ${this.core.visibility.scopeSql(s, input.scope, 'c')}`;
    const rows = this.core.db.all<Omit<BirthdayRow, 'day'>>(sql`select c.id as customerId, c.name as name, c.birthday as birthday, c.birthday_md as birthdayMd,
        (select u.display_name from users u where u.id = c.owner_id) as ownerName,
        ${sql.raw(primaryPhoneExpr('c.id'))} as phone
      from customers c where ${where}
      order by json_extract(${order}, '$."' || c.birthday_md || '"'), c.name, c.id limit ${input.limit}`);
    const total = this.core.db.get<{ n: number }>(sql`select count(*) as n from customers c where ${where}`)!.n;
    return {
      from: days[0]!.day,
      to: days.at(-1)!.day,
      rows: rows.map((r) => ({ ...r, phone: r.phone ? formatPhone(r.phone) : null, day: dayOf.get(r.birthdayMd)! })),
      total,
    };
  }
}
