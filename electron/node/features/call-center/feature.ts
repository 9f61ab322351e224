import { defineFeature } from '../../feature';
import { callCenterHandlers } from './handlers';
import { dialerHandlers } from './dialer-handlers';

/** 呼叫中心 beyond the softphone (issue 19): agent states, the wall board, 作业模式 (the preview dialer). */
export const callCenterFeature = defineFeature({ name: 'callCenter', handlers: { ...callCenterHandlers, ...dialerHandlers } });
