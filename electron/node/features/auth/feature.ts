import { defineFeature } from '../../feature';
import { authHandlers } from './handlers';

export const authFeature = defineFeature({
  name: 'auth',
  handlers: { ...authHandlers },
});
