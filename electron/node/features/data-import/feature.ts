import { defineFeature } from '../../feature';
import { dataImportHandlers } from './handlers';

export const dataImportFeature = defineFeature({
  name: 'dataImport',
  handlers: { ...dataImportHandlers },
});
