import { z } from 'zod';
import { method, returns } from './contract';
import type { ModuleCode, Permission, Role } from '../roles';
import type { ModuleOverrides } from '../module-access';
import type { Locale } from '../i18n/errors';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  locale: Locale;
}

export interface SessionInfo {
  user: SessionUser;
  /** The role's modules with this user's overrides (模块功能自由分配) applied: the menu shows these. */
  modules: ModuleCode[];
  /** The modules given to or taken from this user: a given module's screens are those of its everyday roles. */
  moduleOverrides: ModuleOverrides;
  permissions: Permission[];
  mustChangePassword: boolean;
  /** Minutes of inactivity after which the program locks itself. */
  idleLockMinutes: number;
}

const username = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(256);
const none = z.object({}).strict();

export const authApi = {
  /** Log in; the session token travels in the transport (cookie / main process), never in the value. */
  'auth.login': method({ input: z.object({ username, password }), access: 'public', output: returns<SessionInfo>() }),
  'auth.logout': method({ input: none, access: 'session', whenLocked: true, beforePasswordChange: true, output: returns<{ ok: true }>() }),
  'auth.session': method({ input: none, access: 'session', beforePasswordChange: true, output: returns<SessionInfo>() }),
  'auth.changePassword': method({
    input: z.object({ oldPassword: password, newPassword: password }),
    access: 'session',
    beforePasswordChange: true,
    output: returns<SessionInfo>(),
  }),
  /**
   * Program lock (Ctrl+L, the lock button, idle, system lock). `reason` defaults to manual; a client
   * seat's main process passes what locked it (minimise / OS lock → system, idle → idle), so the
   * host's lock event says the same as a host seat's own would.
   */
  'auth.lock': method({ input: z.object({ reason: z.enum(['manual', 'idle', 'system']).optional() }).strict(), access: 'session', whenLocked: true, beforePasswordChange: true, output: returns<{ ok: true }>() }),
  'auth.unlock': method({ input: z.object({ password }), access: 'session', whenLocked: true, beforePasswordChange: true, output: returns<SessionInfo>() }),
  /** The renderer reports user activity (at most once a minute) so the server's idle lock agrees with the screen's. */
  'auth.ping': method({ input: none, access: 'session', beforePasswordChange: true, output: returns<{ ok: true }>() }),
  'auth.setLocale': method({ input: z.object({ locale: z.enum(['zh-CN', 'en']) }), access: 'session', output: returns<SessionInfo>() }),
} as const;
