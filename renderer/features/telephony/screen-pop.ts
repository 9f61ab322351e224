import type { CtiLookupResult } from '../../../electron/common/api/telephony';
import type { Navigation } from '../../shell/navigation';
import { perfMark } from '../../perf-marks';

/**
 * What a caller's lookup opens: the card of the one customer the number belongs to, or — when
 * `allowNew` (answered) and the number is a valid one nobody has — the shell's 新建客户 form with the
 * number filled in. Several matches open nothing (the ringing panel lists them). Apart from the
 * provider so the rule is tested against the shell's navigation without a SIP stack.
 */
export function screenPop(nav: Pick<Navigation, 'openCustomer' | 'newCustomer'>, lookup: CtiLookupResult | null, number: string, allowNew: boolean): void {
  const only = lookup?.matches.length === 1 ? lookup.matches[0]! : null;
  if (only) {
    perfMark('pop.openCard');
    nav.openCustomer(only.customerId, only.name);
  } else if (allowNew && lookup && lookup.matches.length === 0 && lookup.normalized) nav.newCustomer?.(number);
}
