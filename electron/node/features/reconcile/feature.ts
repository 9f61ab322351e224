import { defineFeature } from '../../feature';
import { reconcileHandlers } from './handlers';

export const reconcileFeature = defineFeature({
  name: 'reconcile',
  handlers: { ...reconcileHandlers },
});
