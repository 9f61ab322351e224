export { datasetDef, registerDatasets } from './registry';
export { userNameColumn } from './columns';
export type { ColumnDef, DatasetDef } from './types';
