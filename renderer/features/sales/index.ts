/**
 * The sales feature's public surface (tests/architecture.test.ts refuses imports into its other
 * files): the parts the customer card and the customer lists embed — the card's 跟进记录 section,
 * the 新建销售机会 form, and 分配 on a selection of customers.
 */
export { CustomerActivitiesSection } from './activities/CustomerActivitiesSection';
export { OpportunityForm } from './opportunities/OpportunityForm';
export { ReassignButton } from './analysis/ReassignButton';
