export { datasetDef, registerDatasets, registeredDatasets } from './registry';
export { userNameColumn } from './columns';
export type { ColumnDef, DatasetDef } from './types';
