import type { Core } from '../../core';
import { OpportunityService } from './opportunities';

/**
 * The sales feature's services, made once per core on first use (core.ts stays unaware of them;
 * their prepared statements belong to that core's database). Other sales parts add their service
 * here with a one-line edit each.
 */
export interface SalesServices {
  opportunities: OpportunityService;
}

const services = new WeakMap<Core, SalesServices>();

export function salesOf(core: Core): SalesServices {
  let s = services.get(core);
  if (!s) {
    s = {
      opportunities: new OpportunityService(core),
    };
    services.set(core, s);
  }
  return s;
}
