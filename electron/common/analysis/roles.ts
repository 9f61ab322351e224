import { ROLES, type Role } from '../roles';
import type { HeadlineTopic } from '../api/analysis-headline';

/**
 * 集客分析 is for the sales floor's managers: 销售经理 (their teams, or everyone with
 * customers.viewAll), 总经理, 管理员. A consultant is refused: 决策分析 is not in their menu, and
 * their own day is the 展厅流量 日报; a service manager has no sales floor. Free of zod: the menu's
 * screen registration reads it in the renderer's first chunk.
 */
export const TRAFFIC_ROLES: readonly Role[] = ['salesManager', 'generalManager', 'admin'];

/**
 * 售后 / 客服 is for the customer-service manager, the general manager and the admin: its figures are
 * dealer-wide (agents, advisers and owners share each record), and agents / advisers work their own lists.
 */
export const AFTERSALES_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

/**
 * 呼叫中心 is for the customer-service manager (who runs the agents), the general manager and the
 * admin, dealer-wide with a filter by agent: every seat's calls are in it, the sales floor's too,
 * and an agent's own day is their workbench.
 */
export const CALLS_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

/**
 * 总经理月报: who sees which section — the roles of the topic's own analysis screen, so the report
 * shows a manager no number their topic screen would refuse them. Only the topics built so far are
 * listed; a section is added with its headlines (see monthly.ts on the host).
 */
export const MONTHLY_SECTION_ROLES: Partial<Record<HeadlineTopic, readonly Role[]>> = {
  traffic: TRAFFIC_ROLES,
  sales: TRAFFIC_ROLES,
  aftersales: AFTERSALES_ROLES,
  calls: CALLS_ROLES,
};

/** Who may open the report: anyone who may see at least one of its sections (in ROLES order). */
export const MONTHLY_ROLES: readonly Role[] = ROLES.filter((r) => Object.values(MONTHLY_SECTION_ROLES).some((roles) => roles.includes(r)));
