export { datasetDef, registerDatasets, registeredDatasets } from './registry';
export type { ColumnDef, DatasetDef } from './types';
