import { defineFeature } from '../../feature';
import { callCenterHandlers } from './handlers';

/** 呼叫中心 beyond the softphone (issue 19): agent states so far. */
export const callCenterFeature = defineFeature({ name: 'callCenter', handlers: { ...callCenterHandlers } });
