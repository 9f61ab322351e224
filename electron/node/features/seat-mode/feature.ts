import { defineFeature } from '../../feature';
import { seatHandlers } from './handlers';

export const seatModeFeature = defineFeature({
  name: 'seat-mode',
  handlers: { ...seatHandlers },
});
