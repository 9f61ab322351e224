import { defineFeature } from '../../feature';
import { seatsHandlers } from './handlers';

export const seatsFeature = defineFeature({
  name: 'seats',
  handlers: { ...seatsHandlers },
});
