import { defineFeature } from '../../feature';
import { gridHandlers } from './handlers';

export const gridFeature = defineFeature({
  name: 'grid',
  handlers: { ...gridHandlers },
});
