import type { Role } from '../roles';

/**
 * 审核自查 is for who answers the manufacturer's audit: the CRM manager (客服经理, serviceManager),
 * the general manager and the admin. Free of zod: the menu's screen registration and the home
 * panel read it in the renderer's first chunk.
 */
export const SELF_AUDIT_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];
