import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { WORKBENCH_MANAGER_ROLES } from '../../../electron/common/roles';
import { SERVICE_SCREEN_TEXTS } from './screen-texts';

/** The screens this feature adds to the menu: place, title, description, component (loaded when first opened), who sees it. */
export const serviceScreens = defineScreens({
  'service.workbench': {
    order: 10,
    title: SERVICE_SCREEN_TEXTS.pair('service.workbench.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.workbench.description'),
    component: lazyScreen(() => import('./workbench/WorkbenchScreen'), 'WorkbenchScreen'),
  },
  'service.salesRevisits': {
    order: 30,
    title: SERVICE_SCREEN_TEXTS.pair('service.salesRevisits.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.salesRevisits.description'),
    component: lazyScreen(() => import('./revisits/RevisitsScreen'), 'SalesRevisitsScreen'),
  },
  'service.repairRevisits': {
    order: 40,
    title: SERVICE_SCREEN_TEXTS.pair('service.repairRevisits.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.repairRevisits.description'),
    component: lazyScreen(() => import('./revisits/RevisitsScreen'), 'RepairRevisitsScreen'),
  },
  'service.reminders': {
    order: 50,
    title: SERVICE_SCREEN_TEXTS.pair('service.reminders.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.reminders.description'),
    component: lazyScreen(() => import('./reminders/RemindersScreen'), 'RemindersScreen'),
  },
  'service.appointments': {
    order: 60,
    title: SERVICE_SCREEN_TEXTS.pair('service.appointments.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.appointments.description'),
    component: lazyScreen(() => import('./appointments/AppointmentsScreen'), 'AppointmentsScreen'),
  },
  'service.complaints': {
    order: 70,
    title: SERVICE_SCREEN_TEXTS.pair('service.complaints.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.complaints.description'),
    component: lazyScreen(() => import('./complaints/ComplaintsScreen'), 'ComplaintsScreen'),
  },
  'service.solicitation': {
    order: 80,
    title: SERVICE_SCREEN_TEXTS.pair('service.solicitation.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.solicitation.description'),
    component: lazyScreen(() => import('./solicitation/SolicitationScreen'), 'SolicitationScreen'),
  },
  'service.surveys': {
    order: 90,
    title: SERVICE_SCREEN_TEXTS.pair('service.surveys.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.surveys.description'),
    component: lazyScreen(() => import('./surveys/SurveysScreen'), 'SurveysScreen'),
  },
  'service.taskPool': {
    order: 100,
    title: SERVICE_SCREEN_TEXTS.pair('service.taskPool.title'),
    description: SERVICE_SCREEN_TEXTS.pair('service.taskPool.description'),
    component: lazyScreen(() => import('./taskpool/TaskPoolScreen'), 'TaskPoolScreen'),
    roles: WORKBENCH_MANAGER_ROLES,
  },
});
