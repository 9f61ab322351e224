import { defineFeature } from '../../shell/screen-kit';
import { AGENT_TEXTS } from './texts';

/** 呼叫中心 beyond the softphone (issue 19): the status bar's agent state so far; its texts under 'agent.'. */
export const callCenterFeature = defineFeature({ screens: {}, texts: [['agent.', AGENT_TEXTS]] });
