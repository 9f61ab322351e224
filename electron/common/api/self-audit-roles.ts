import type { Role } from '../roles';

/**
 * 审核自查 is for who answers the manufacturer's audit: the CRM manager (客服经理, serviceManager),
 * the general manager and the admin. Free of zod: the menu's screen registration and the home
 * panel read it in the renderer's first chunk.
 */
export const SELF_AUDIT_ROLES: readonly Role[] = ['serviceManager', 'generalManager', 'admin'];

/**
 * The grid data sets a check lists its offending records in (the server's CHECK_DATASET says which
 * check uses which; a test keeps the two the same). Strings, not the Dataset type: grid.ts pulls zod.
 */
export const SELF_AUDIT_DATASETS: readonly string[] = ['showroomVisits', 'solicitationTasks', 'revisitSales', 'revisitRepair', 'serviceTasks'];

/** A check's drill preset, 'audit:<no>:<from>~<to>' (the grid checks the rest of it). */
export const isAuditPreset = (preset: string | null | undefined): boolean => typeof preset === 'string' && preset.startsWith('audit:');
