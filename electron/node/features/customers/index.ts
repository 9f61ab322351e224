/**
 * The customers feature's public surface: what other features may import from it
 * (tests/architecture.test.ts refuses new imports into its other files).
 */
export { birthdayDays } from './birthday-days';
export { Dictionaries } from './dictionaries';
export { CustomerEditService, maskName } from './edit';
export { cleanPlate, normalizePlate } from './plate';
export { primaryPhoneExpr } from './primary-phone';
export { teamOwnerIdsSql } from './visibility';
// The demo seeder fills the customer tables with their triggers dropped and rebuilds what the
// triggers keep (search index, group counts, primary model) itself, so it needs these names.
export { GROUP_COUNTS_TRIGGER_PREFIX, GroupCountsTally, pauseGroupCounts } from './group-counts';
export { PRIMARY_MODEL_TRIGGER_PREFIX } from './primary-model';
export {
  SEARCH_TRIGGER_PREFIX,
  phoneIndexForm,
  rebuildCustomerSearch,
  searchSourceRecord,
  startStreamedSearchBuild,
  vinIndexForm,
  type StreamedSearchBuild,
} from './search-index';
