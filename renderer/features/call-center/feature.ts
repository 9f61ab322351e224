import { defineFeature } from '../../shell/screen-kit';
import { callCenterScreens } from './screens';
import { AGENT_TEXTS } from './texts';

/** 呼叫中心 beyond the softphone (issue 19): the status bar's agent state and the wall board; texts under 'agent.'. */
export const callCenterFeature = defineFeature({ screens: callCenterScreens, texts: [['agent.', AGENT_TEXTS]] });
