import { opportunitiesDataset } from './opportunities';
import type { DatasetDef } from '../../grid';
import { OPPORTUNITY_REVIEW_COLUMNS } from './texts';

/**
 * The sales manager's review lists on the grid (机会检查): opportunities with the facts a review
 * filters on — whether a planned activity exists (无下次计划), the next planned time, and the last
 * stage change (停滞: on or before the day 'sales.stalledDays' ago). The screen pins status = open
 * and the list's rule with the grid's baseFilter. Owner = the opportunity's consultant.
 * Sortable only on id and created (indexes); the activity columns are correlated lookups on
 * activities_opp_idx (opportunity_id, status).
 */
export const opportunitiesReviewDataset: DatasetDef = {
  from: 'opportunities c',
  searchCustomerId: 'c.customer_id',
  owner: 'c.consultant_id',
  defaultSort: [{ col: 'createdAt', dir: 'asc' }],
  columns: [
    // The opportunity list's own columns (one definition), with the customer id shown and the status
    // hidden (the lists are of open opportunities), then what a review filters on.
    ...opportunitiesDataset.columns
      .filter((c) => c.id !== 'createdAt')
      .map((c) => (c.id === 'customerId' ? { ...c, defaultVisible: true } : c.id === 'status' ? { ...c, defaultVisible: false } : c)),
    {
      id: 'hasPlan', type: 'boolean', ...OPPORTUNITY_REVIEW_COLUMNS.pair('hasPlan'), related: 'activities',
      expr: "exists (select 1 from activities a where a.opportunity_id = c.id and a.status = 'planned')",
      nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 100,
    },
    {
      id: 'nextActivityAt', type: 'datetime', ...OPPORTUNITY_REVIEW_COLUMNS.pair('nextActivityAt'), related: 'activities',
      expr: "(select min(a.planned_at) from activities a where a.opportunity_id = c.id and a.status = 'planned')",
      nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 150,
    },
    opportunitiesDataset.columns.find((c) => c.id === 'createdAt')!,
  ],
};
