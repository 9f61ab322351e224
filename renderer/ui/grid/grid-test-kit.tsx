import { act } from 'react';
import { beforeEach, type Mock } from 'vitest';
import type { GridColumnMeta } from '../../../electron/common/api/grid';

// Shared by the grid's component tests (happy-dom): a server whose answers the test gives by hand,
// in any order, and the screens' mount (component-test-kit), whose handle the grid tests keep to
// render again with new props. Kept out of the app's import graph: only *.test.tsx files import it.

export { mountRoot as mount, type Mounted } from '../component-test-kit';

export interface PendingCall {
  method: string;
  input: Record<string, unknown>;
  resolve: (v: unknown) => Promise<void>;
  reject: (e: unknown) => Promise<void>;
}

/**
 * Every call() waits in `calls` until the test answers it (inside act, so React sees the result).
 * `call` is the test file's mocked call (vi.mock must stay in the test file); it is wired afresh
 * before each test.
 */
export function handAnsweredServer(call: Mock) {
  const calls: PendingCall[] = [];
  beforeEach(() => {
    calls.length = 0;
    call.mockImplementation(
      (method: string, input: Record<string, unknown>) =>
        new Promise((res, rej) => {
          calls.push({ method, input, resolve: (v) => act(async () => res(v)), reject: (e) => act(async () => rej(e)) });
        }),
    );
  });
  return { calls, of: (method: string) => calls.filter((c) => c.method === method) };
}

export const click = (el: Element | null | undefined) => act(async () => (el as HTMLElement).click());

/** The buttons in `box` by their text (trimmed). */
export const button = (box: HTMLElement, text: string) => [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

/** A column of the server's grid.columns answer, with what a test does not care about filled in. */
export function column(id: string, zh: string, more: Partial<GridColumnMeta> = {}): GridColumnMeta {
  return { id, zh, en: id, type: 'text', sortable: true, filterable: true, groupable: true, defaultVisible: true, ...more };
}
