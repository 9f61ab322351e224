import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { DIALER_ROLES, WORKBENCH_MANAGER_ROLES } from '../../../electron/common/roles';
import { AGENT_TEXTS } from './texts';
import { DIALER_TEXTS } from './dialer/texts';

/**
 * 呼叫中心 → 作业模式 for the agents (and the CS managers, who also set the queues' rules; the general
 * manager and the administrator see the rules only), 坐席监控 for the CS managers (the server's
 * methods refuse everyone else too).
 */
export const callCenterScreens = defineScreens({
  'callCenter.dialer': {
    order: 35,
    title: DIALER_TEXTS.pair('title'),
    description: DIALER_TEXTS.pair('description'),
    component: lazyScreen(() => import('./dialer/DialerScreen'), 'DialerScreen'),
    roles: [...new Set([...DIALER_ROLES, ...WORKBENCH_MANAGER_ROLES])],
  },
  'callCenter.floor': {
    order: 40,
    title: AGENT_TEXTS.pair('floor.title'),
    description: AGENT_TEXTS.pair('floor.description'),
    component: lazyScreen(() => import('./FloorScreen'), 'FloorScreen'),
    roles: WORKBENCH_MANAGER_ROLES,
  },
});

