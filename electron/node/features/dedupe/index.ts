// 客户去重: duplicate scan, groups, side-by-side compare and merge.
export { DedupeService } from './service';
export { mergeCustomers } from './merge';
export { findDuplicates, storeDuplicates } from './scan';
