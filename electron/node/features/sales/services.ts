import type { Core } from '../../core';
import { AbandonService } from './abandon';
import { DealService } from './deal';
import { IntentService } from './intents';
import { OpportunityService } from './opportunities';

/**
 * The sales feature's services, made once per core on first use (core.ts stays unaware of them;
 * their prepared statements belong to that core's database). Other sales parts add their service
 * here with a one-line edit each.
 */
export interface SalesServices {
  opportunities: OpportunityService;
  deals: DealService;
  abandon: AbandonService;
  intents: IntentService;
}

const services = new WeakMap<Core, SalesServices>();

export function salesOf(core: Core): SalesServices {
  let s = services.get(core);
  if (!s) {
    const opportunities = new OpportunityService(core);
    s = {
      opportunities,
      deals: new DealService(core, opportunities),
      abandon: new AbandonService(core, opportunities),
      intents: new IntentService(core, opportunities),
    };
    services.set(core, s);
  }
  return s;
}
