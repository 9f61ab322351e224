import type { z } from 'zod';
import { api, type ApiErrorBody, type ApiResult, type MethodDef } from '../common/api';
import { errorMessage, pickLocale, type Locale } from '../common/i18n/errors';
import type { Core } from './core';
import { AppError } from './errors';
import { mayCall, methodModule } from '../common/module-access';
import type { Role } from '../common/roles';
import { inLocale } from './field-problems';
import type { HandlerCtx, SeatRef } from './handlers';
import { handlers } from './features/registry';
import { damageError, guardWrites } from './data-folder/write-guard';
import type { SessionCtx } from './features/auth/service';
import type { Uploaded } from './uploads/upload-store';

export interface CallMeta {
  /** Accept-Language or the UI's chosen locale, used before a user is known. */
  locale?: string | null;
  client?: string;
  /** The caller's network address (web host); Electron IPC leaves it out and counts as 'local'. */
  address?: string;
  /** The paired seat a LAN call came through (issue 15); absent on loopback and Electron IPC. */
  seat?: SeatRef;
}

/** What a transport must do with its session after the call. */
export type SessionChange = { set: string } | { clear: true } | undefined;

export interface DispatchOutcome {
  result: ApiResult<unknown>;
  sessionChange: SessionChange;
}

function errorBody(err: AppError, locale: Locale): ApiErrorBody {
  return {
    code: err.code,
    message: errorMessage(err.code, locale, err.details),
    ...(Object.keys(err.details).length ? { details: err.details } : {}),
  };
}

/**
 * The first issues in one line. A schema's own message written "中文 / English" names its field in
 * words, so it is shown alone in the caller's language; zod's generic ones keep the field's path.
 */
function describeIssues(error: z.ZodError, locale: Locale): string {
  return error.issues
    .slice(0, 5)
    .map((i) => inLocale(i.message, locale) ?? (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The refusals every entry applies before it runs anything: no session, locked, password to change,
 * role — and the user's own module overrides (模块功能自由分配: a module taken away refuses its methods,
 * one given allows what its everyday roles may call), read on every call that they could change.
 */
function admit(session: SessionCtx | null, def: Pick<MethodDef, 'access' | 'whenLocked' | 'beforePasswordChange'>, method?: string, core?: Core): void {
  if (def.access === 'public') return;
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (session.locked && !def.whenLocked) {
    throw new AppError('SESSION_LOCKED', { displayName: session.user.displayName, username: session.user.username });
  }
  if (session.mustChangePassword && !def.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  const byRole = !Array.isArray(def.access) || def.access.includes(session.user.role);
  if (method && core && (methodModule(method) !== null || !byRole)) {
    if (!mayCall(session.user.role, core.auth.moduleOverrides(session.user.id), method, def.access as readonly Role[] | 'session')) throw new AppError('FORBIDDEN');
  } else if (!byRole) throw new AppError('FORBIDDEN');
}

/**
 * A file on its way into an import (the web host's POST /upload, Electron's upload channel): the
 * same session refusals as an API call, then streamed into the upload store. The import method
 * that takes the upload checks the role.
 */
export async function dispatchUpload(
  core: Core,
  token: string | null,
  fileName: string,
  source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>,
  declaredSize: number | undefined,
  meta: CallMeta = {},
): Promise<ApiResult<Uploaded>> {
  let locale = pickLocale(meta.locale);
  try {
    const session = core.auth.resolve(token);
    if (session) locale = session.user.locale;
    admit(session, { access: 'session' });
    core.auth.touch(session!);
    return { ok: true, value: await core.uploads.receive(session!.user.id, fileName, source, declaredSize) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: errorBody(err, locale) };
    console.error('[dispatch] upload failed:', err);
    return { ok: false, error: errorBody(new AppError('INTERNAL'), locale) };
  }
}

/**
 * The single entry for both transports (Electron IPC and the web host): looks the method up,
 * checks session, lock state, forced password change and role, validates input, runs the handler.
 */
export async function dispatch(core: Core, token: string | null, method: string, rawInput: unknown, meta: CallMeta = {}): Promise<DispatchOutcome> {
  let locale = pickLocale(meta.locale);
  let sessionChange: SessionChange;
  try {
    if (!Object.hasOwn(api, method)) throw new AppError('UNKNOWN_METHOD', { method: method.slice(0, 80) });
    const def = api[method as keyof typeof api] as MethodDef;
    const session = core.auth.resolve(token);
    if (session) locale = session.user.locale;
    admit(session, def, method, core);
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new AppError('INVALID_INPUT', { issues: describeIssues(parsed.error, locale) });
    await guardWrites(core, method);
    if (session && !session.locked) core.auth.touch(session);
    const ctx: HandlerCtx = {
      core,
      session,
      locale,
      client: meta.client,
      address: meta.address ?? 'local',
      seat: meta.seat,
      setSessionToken: (t) => (sessionChange = { set: t }),
      clearSession: () => (sessionChange = { clear: true }),
    };
    const handler = handlers[method as keyof typeof handlers] as (c: HandlerCtx, i: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    if (sessionChange && 'set' in sessionChange) {
      const fresh = core.auth.resolve(sessionChange.set);
      if (fresh) locale = fresh.user.locale;
    }
    return { result: { ok: true, value }, sessionChange };
  } catch (err) {
    if (err instanceof AppError) return { result: { ok: false, error: errorBody(err, locale) }, sessionChange };
    const damaged = damageError(core.health, err);
    if (damaged) return { result: { ok: false, error: errorBody(damaged, locale) }, sessionChange };
    // Never echo internals (SQL, stack, input with personal data) to the client.
    console.error(`[dispatch] ${method} failed:`, err);
    return { result: { ok: false, error: errorBody(new AppError('INTERNAL'), locale) }, sessionChange };
  }
}
