// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../electron/common/api/customers';
import type * as Api from '../api';
import { I18nProvider } from '../i18n/react';
import { SearchBox } from './SearchBox';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// customers.search answers when the test says so: a query stays in flight until answer(text).
const pending = new Map<string, (hits: SearchHit[]) => void>();
const call = vi.hoisted(() => vi.fn());
vi.mock('../api', async (original) => ({ ...(await original<typeof Api>()), call }));

const hit = (id: number, name: string) => ({ id, name, phone: null, plate: null, vin: null, city: null, ownerName: null, matched: 'name' }) as unknown as SearchHit;
let root: Root;
let box: HTMLElement;

afterEach(() => {
  act(() => root.unmount());
  box.remove();
  call.mockReset();
  pending.clear();
});

async function mount(onOpen: (h: SearchHit) => void) {
  call.mockImplementation((_method: string, input: { q: string }) => new Promise((resolve) => pending.set(input.q, resolve)));
  box = document.body.appendChild(document.createElement('div'));
  root = createRoot(box);
  await act(async () =>
    root.render(
      <I18nProvider>
        <SearchBox onOpen={onOpen} />
      </I18nProvider>,
    ),
  );
  return box.querySelector('input')!;
}

async function type(input: HTMLInputElement, value: string) {
  // React listens for the native input event; set the value the way a keystroke does.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  await act(async () => input.dispatchEvent(new Event('input', { bubbles: true })));
}
const answer = (text: string, hits: SearchHit[]) => act(async () => pending.get(text)!(hits));
const enter = (input: HTMLInputElement) => act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
const shown = () => [...box.querySelectorAll('[data-testid="search-hit"] b')].map((b) => b.textContent);

describe('quick find: Enter opens the customer that was typed', () => {
  it('Enter while the list still shows an earlier prefix waits for the answer to the whole name', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭');
    await answer('郭', [hit(1, '郭一'), hit(2, '郭杨鹏')]);
    await type(input, '郭杨鹏');
    expect(shown()).toEqual(['郭一', '郭杨鹏']); // the earlier list stays until the new answer
    await enter(input);
    expect(onOpen).not.toHaveBeenCalled();
    await answer('郭杨鹏', [hit(2, '郭杨鹏')]);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 2 });
  });

  it('Enter on an answered list opens the highlighted hit at once', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭');
    await answer('郭', [hit(1, '郭一'), hit(2, '郭杨鹏')]);
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    await enter(input);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 2 });
  });

  it('a pending Enter is dropped when the box is cleared', async () => {
    const onOpen = vi.fn();
    const input = await mount(onOpen);
    await type(input, '郭杨鹏');
    await enter(input);
    await type(input, '');
    await answer('郭杨鹏', [hit(2, '郭杨鹏')]);
    expect(onOpen).not.toHaveBeenCalled();
  });
});
