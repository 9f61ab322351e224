import { defineFeature } from '../../feature';
import { systemHandlers } from './handlers';

export const systemFeature = defineFeature({
  name: 'system',
  handlers: { ...systemHandlers },
});
