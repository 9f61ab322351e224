import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { WORKBENCH_MANAGER_ROLES } from '../../../electron/common/roles';
import { AGENT_TEXTS } from './texts';

/** 呼叫中心 → 坐席监控, for the CS managers (the server's callCenter.floor refuses everyone else too). */
export const callCenterScreens = defineScreens({
  'callCenter.floor': {
    order: 40,
    title: AGENT_TEXTS.pair('floor.title'),
    description: AGENT_TEXTS.pair('floor.description'),
    component: lazyScreen(() => import('./FloorScreen'), 'FloorScreen'),
    roles: WORKBENCH_MANAGER_ROLES,
  },
});

