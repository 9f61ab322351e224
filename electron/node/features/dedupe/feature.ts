import { defineFeature } from '../../feature';
import { dedupeHandlers } from './handlers';

export const dedupeFeature = defineFeature({
  name: 'dedupe',
  handlers: { ...dedupeHandlers },
});
