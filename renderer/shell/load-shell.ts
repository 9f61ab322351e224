/**
 * The shell's chunk (and sip.js, ag-grid … that it imports), fetched once. The login page starts
 * it as soon as someone types their name: the seconds spent typing the password then hide the
 * download and parse, instead of the user waiting for it after pressing 登录. The login page itself
 * still loads none of it (tests/renderer-chunks.test.ts).
 */
import type * as ShellModuleNs from './Shell';
import { perfMark } from '../perf-marks';

type ShellModule = typeof ShellModuleNs;
let shell: Promise<ShellModule> | null = null;
let loaded: ShellModule | null = null;

export function loadShell(): Promise<ShellModule> {
  shell ??= import('./Shell').then((m) => {
    perfMark('login.shellChunk');
    loaded = m;
    return m;
  }, (err: unknown) => {
    shell = null; // a failed fetch (the host restarting) is tried again by the next caller
    throw err;
  });
  return shell;
}

/**
 * The shell's module when it has already arrived. The app renders it directly then: through
 * React.lazy it would suspend once anyway, and React holds a revealed Suspense boundary back for
 * up to 300 ms after its fallback showed (login → home measured 300 ms slower for it).
 */
export function loadedShell(): ShellModule | null {
  return loaded;
}
