import { defineFeature } from '../../feature';
import { adminHandlers } from './handlers';

export const adminFeature = defineFeature({
  name: 'admin',
  handlers: { ...adminHandlers },
});
