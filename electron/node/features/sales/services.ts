import type { AbandonService } from './abandon';
import type { DealService } from './deal';
import type { IntentService } from './intents';
import type { OpportunityService } from './opportunities';

/**
 * The sales feature's services (core.services.sales), built once per core on first use in
 * electron/node/services.ts; their prepared statements belong to that core's database.
 */
export interface SalesServices {
  opportunities: OpportunityService;
  deals: DealService;
  abandon: AbandonService;
  intents: IntentService;
}

