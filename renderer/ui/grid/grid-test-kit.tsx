import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, type Mock } from 'vitest';
import type { GridColumnMeta } from '../../../electron/common/api/grid';
import { I18nProvider } from '../../i18n/react';

// Shared by the grid's component tests (happy-dom): a server whose answers the test gives by hand,
// in any order, and a mount inside the i18n provider. Kept out of the app's import graph: only
// *.test.tsx files import it.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

export interface Mounted {
  box: HTMLElement;
  root: Root;
  render: (ui: ReactNode) => Promise<void>;
  unmount: () => void;
}

const mounted: Mounted[] = [];
afterEach(() => mounted.splice(0).forEach((m) => m.unmount()));

/** Renders `ui` inside the i18n provider; it is unmounted after the test. */
export async function mount(ui: ReactNode): Promise<Mounted> {
  const box = document.body.appendChild(document.createElement('div'));
  const root = createRoot(box);
  const render = (next: ReactNode) => act(async () => root.render(<I18nProvider>{next}</I18nProvider>));
  await render(ui);
  const m = {
    box,
    root,
    render,
    unmount: () => {
      act(() => root.unmount());
      box.remove();
    },
  };
  mounted.push(m);
  return m;
}

export const click = (el: Element | null | undefined) => act(async () => (el as HTMLElement).click());

/** The buttons in `box` by their text (trimmed). */
export const button = (box: HTMLElement, text: string) => [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

/** A column of the server's grid.columns answer, with what a test does not care about filled in. */
export function column(id: string, zh: string, more: Partial<GridColumnMeta> = {}): GridColumnMeta {
  return { id, zh, en: id, type: 'text', sortable: true, filterable: true, groupable: true, defaultVisible: true, ...more };
}
