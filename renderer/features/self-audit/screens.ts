import { SELF_AUDIT_ROLES } from '../../../electron/common/api/self-audit-roles';
import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { SELF_AUDIT_SCREEN_TEXTS } from './screen-texts';

/**
 * 决策分析 → 审核自查: under 决策分析 because it is a figure the managers decide by (the CRM and
 * general managers have that menu; 系统管理 is the administrator's alone), next to 集客分析.
 */
export const selfAuditScreens = defineScreens({
  'analysis.selfAudit': {
    order: 30,
    title: SELF_AUDIT_SCREEN_TEXTS.pair('title'),
    description: SELF_AUDIT_SCREEN_TEXTS.pair('description'),
    component: lazyScreen(() => import('./SelfAuditScreen'), 'SelfAuditScreen'),
    roles: SELF_AUDIT_ROLES,
  },
});
