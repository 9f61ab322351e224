import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DscrmBridge } from '../../electron/common/bridge';
import { ApiError, call, setSessionErrorHandler } from './index';

// The client runs in a browser; here the Electron bridge is stubbed on a fake window.
const invoke = vi.fn<DscrmBridge['invoke']>();
const g = globalThis as { window?: unknown };

beforeEach(() => {
  g.window = { dscrm: { invoke, on: () => () => undefined, pickFolder: () => Promise.resolve(null), upload: vi.fn() } satisfies DscrmBridge };
});
afterEach(() => {
  delete g.window;
  invoke.mockReset();
  setSessionErrorHandler(null);
});

describe('API client', () => {
  it('returns the value of a successful call', async () => {
    invoke.mockResolvedValue({ ok: true, value: { ok: true } });
    await expect(call('auth.ping', {})).resolves.toEqual({ ok: true });
    // The UI's language travels with the call, for messages before a user is known.
    expect(invoke).toHaveBeenCalledWith('auth.ping', {}, 'zh-CN');
  });

  it('throws an ApiError with the server code, message and details', async () => {
    invoke.mockResolvedValue({ ok: false, error: { code: 'ACCOUNT_LOCKED', message: '账户已锁定,请 5 分钟后再试', details: { minutes: 5 } } });
    const err = await call('auth.login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'ACCOUNT_LOCKED', message: '账户已锁定,请 5 分钟后再试', details: { minutes: 5 } });
  });

  it('tells the session layer about lock, logout and forced password change, and still throws', async () => {
    const seen: string[] = [];
    setSessionErrorHandler((e, method) => seen.push(`${method}:${e.code}`));
    for (const code of ['SESSION_LOCKED', 'UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED', 'FORBIDDEN'] as const) {
      invoke.mockResolvedValueOnce({ ok: false, error: { code, message: code } });
      await expect(call('auth.session', {})).rejects.toMatchObject({ code });
    }
    expect(seen).toEqual(['auth.session:SESSION_LOCKED', 'auth.session:UNAUTHENTICATED', 'auth.session:PASSWORD_CHANGE_REQUIRED']);
  });

  it('turns a transport failure into a NETWORK error', async () => {
    invoke.mockRejectedValue(new Error('ipc gone'));
    await expect(call('auth.ping', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
