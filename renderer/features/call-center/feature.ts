import { defineFeature } from '../../shell/screen-kit';
import { callCenterScreens } from './screens';
import { AGENT_TEXTS } from './texts';
import { DIALER_TEXTS } from './dialer/texts';

/** 呼叫中心 beyond the softphone (issue 19): the status bar's agent state, 作业模式 and the wall board; texts under 'agent.' and 'dialer.'. */
export const callCenterFeature = defineFeature({ screens: callCenterScreens, texts: [['agent.', AGENT_TEXTS], ['dialer.', DIALER_TEXTS]] });
