import type { authApi } from '../../../common/api/auth';
import { me, type Handlers } from '../../handlers';
import { AppError } from '../../errors';

export const authHandlers: Handlers<typeof authApi> = {
  'auth.login': async (ctx, { username, password }) => {
    // A locked seat is only given to another user after the first one logs out.
    if (ctx.session?.locked) throw new AppError('SESSION_LOCKED', { displayName: ctx.session.user.displayName, username: ctx.session.user.username });
    const { token, session } = await ctx.core.auth.login(username, password, ctx.client, ctx.address, ctx.seat?.id ?? null);
    ctx.setSessionToken(token);
    return ctx.core.auth.info(session);
  },
  'auth.logout': (ctx) => {
    ctx.core.auth.logout(me(ctx));
    ctx.clearSession();
    return { ok: true as const };
  },
  'auth.session': (ctx) => ctx.core.auth.info(me(ctx)),
  'auth.changePassword': async (ctx, { oldPassword, newPassword }) =>
    ctx.core.auth.info(await ctx.core.auth.changePassword(me(ctx), oldPassword, newPassword)),
  'auth.lock': (ctx, { reason }) => {
    ctx.core.auth.lock(me(ctx), reason ?? 'manual');
    return { ok: true as const };
  },
  'auth.unlock': async (ctx, { password }) => ctx.core.auth.info(await ctx.core.auth.unlock(me(ctx), password)),
  'auth.ping': () => ({ ok: true as const }),
  'auth.setLocale': (ctx, { locale }) => ctx.core.auth.info(ctx.core.auth.setLocale(me(ctx), locale)),
};
