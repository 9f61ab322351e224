import { sql } from 'drizzle-orm';
import type { CtiLookupResult, CtiMatch } from '../../../common/api/telephony';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { formatPhone, isPhoneError, normalizePhone } from '../../../common/phone';

/** Caller IDs that mean "no number" (SIP anonymous, carriers' withheld markers). */
const WITHHELD = /^(anonymous|withheld|private|restricted|unknown|unavailable|匿名|未知|隐藏号码)$/i;

/**
 * A number usable for lookup, or why not: the same normalisation as the customer form's phones,
 * with a 7–8 digit local number taken as one in the dealer's area (`areaCode`: settings.areaCode(),
 * as local PSTN calls often arrive as "62916000").
 */
export function normaliseCallerId(raw: string, areaCode: string | null = null): { normalized: string } | { unknownReason: 'withheld' | 'invalid' } {
  const n = raw.trim();
  if (n === '' || WITHHELD.test(n)) return { unknownReason: 'withheld' };
  const r = normalizePhone(n, { areaCode });
  return isPhoneError(r) ? { unknownReason: 'invalid' } : { normalized: r.normalized };
}

/** Most customers a pop shows: a shared company switchboard could match hundreds. */
const MAX_MATCHES = 20;

/**
 * Caller identification (screen pop): number → customers, over customer_phones.normalized (indexed),
 * with the visibility rule in the same SQL so a hidden customer is never read, only counted.
 */
export function ctiLookup(core: Pick<Core, 'db' | 'settings' | 'sqlite' | 'visibility'>, s: SessionCtx, rawNumber: string): CtiLookupResult {
  const number = rawNumber.trim();
  const n = normaliseCallerId(number, core.settings.areaCode());
  if (!('normalized' in n)) return { number, normalized: null, unknownReason: n.unknownReason, matches: [], hiddenCount: 0 };
  const visible = core.visibility.visibleCustomers(s, 'c');
  const rows = core.db.all<{ id: number; name: string; ownerName: string | null; visible: number }>(sql`
    select c.id as id, c.name as name, (select u.display_name from users u where u.id = c.owner_id) as ownerName,
           (case when ${visible} then 1 else 0 end) as visible
    from customer_phones p join customers c on c.id = p.customer_id
    where p.normalized = ${n.normalized}
    group by c.id
    order by c.id desc`);
  const shown = rows.filter((r) => r.visible === 1);
  const plateStmt = core.sqlite.prepare<[number], { plate: string }>(
    'select plate from vehicles where customer_id = ? and plate is not null order by id limit 3',
  );
  const matches: CtiMatch[] = shown.slice(0, MAX_MATCHES).map((r) => ({
    customerId: r.id,
    name: r.name,
    phone: formatPhone(n.normalized) ?? n.normalized,
    ownerName: r.ownerName,
    plates: plateStmt.all(r.id).map((p) => p.plate),
  }));
  return { number, normalized: n.normalized, unknownReason: null, matches, hiddenCount: rows.length - shown.length };
}
