/**
 * The shell's chunk (and sip.js, ag-grid … that it imports), fetched once. The login page starts
 * it as soon as someone types their name: the seconds spent typing the password then hide the
 * download and parse, instead of the user waiting for it after pressing 登录. The login page itself
 * still loads none of it (tests/renderer-chunks.test.ts).
 */
import type * as ShellModuleNs from './Shell';

type ShellModule = typeof ShellModuleNs;
let shell: Promise<ShellModule> | null = null;

export function loadShell(): Promise<ShellModule> {
  shell ??= import('./Shell').catch((err: unknown) => {
    shell = null; // a failed fetch (the host restarting) is tried again by the next caller
    throw err;
  });
  return shell;
}
