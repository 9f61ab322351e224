import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach } from 'vitest';
import { I18nProvider } from '../i18n/react';
import { ToastProvider } from './Toasts';

// Shared by the component tests of screens and forms (happy-dom): a mount inside the providers every
// screen has, unmounted after each test, and the few ways a test reads and fills a form as a user
// does (by the field's visible label). Kept out of the app's import graph: only *.test.tsx import it.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A mounted element: its container, a re-render with new props (as a parent's render gives them), and its end. */
export interface Mounted {
  box: HTMLElement;
  render: (ui: ReactNode) => Promise<void>;
  unmount: () => void;
}

const mounted: Mounted[] = [];
/** Unmounts what the test mounted (also done after each test); an element's listeners end with it. */
export function unmountAll(): void {
  for (const m of mounted.splice(0)) m.unmount();
}
afterEach(unmountAll);

/** Renders `ui` inside the language and toast providers; the handle re-renders it and unmounts it. */
export async function mountRoot(ui: ReactNode): Promise<Mounted> {
  const box = document.body.appendChild(document.createElement('div'));
  const root = createRoot(box);
  const render = (next: ReactNode) =>
    act(async () =>
      root.render(
        <I18nProvider>
          <ToastProvider>{next}</ToastProvider>
        </I18nProvider>,
      ),
    );
  const m: Mounted = {
    box,
    render,
    unmount: () => {
      if (!box.isConnected) return;
      act(() => root.unmount());
      box.remove();
    },
  };
  mounted.push(m);
  await render(ui);
  return m;
}

/** Renders `ui` inside the language and toast providers; returns its container. */
export async function mount(ui: ReactNode): Promise<HTMLElement> {
  return (await mountRoot(ui)).box;
}

/** The input of the field whose label starts with `label` (as the user reads it). */
export function inputOf(label: string): HTMLInputElement {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.trim().startsWith(label));
  if (!l) throw new Error(`no field ${label}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
}

/** Types `value` into an input (or the field labelled so) the way a keystroke does: React listens for the native input event. */
export async function typeInto(field: string | HTMLInputElement, value: string): Promise<void> {
  const input = typeof field === 'string' ? inputOf(field) : field;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  await act(async () => input.dispatchEvent(new Event('input', { bubbles: true })));
}

/** The message shown under a field ('' for none). */
export const errorUnder = (label: string): string => document.getElementById(`${inputOf(label).id}-msg`)?.textContent ?? '';

/** Clicks the element `selector` names (a save button, a stage) and lets React finish. */
export const clickOn = (selector: string) => act(async () => document.querySelector<HTMLElement>(selector)!.click());
