import { defineFeature } from '../../feature';
import { backupHandlers } from './handlers';

export const backupFeature = defineFeature({
  name: 'backup',
  handlers: { ...backupHandlers },
});
