import type { SessionCtx } from '../auth/service';

/**
 * The scheduler acting in a service method that takes a session only to name the actor (audit
 * user) and a locale for messages: appointments' remindTomorrow, solicitation's generate. Its user
 * id is null, so the audit rows say "system" — the same as createTasks(core, null, …). Never
 * pass it to anything that checks visibility or roles.
 */
export function systemSession(): SessionCtx {
  return {
    tokenHash: 'scheduler',
    lastSeenAt: 0,
    locked: false,
    mustChangePassword: false,
    user: { id: null as unknown as number, username: 'scheduler', displayName: '系统任务', role: 'admin', teamId: null, locale: 'zh-CN' },
  };
}
