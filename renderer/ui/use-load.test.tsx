// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useLoad } from './use-load';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A call the test answers by hand, in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const calls = new Map<string, ReturnType<typeof deferred<string>>>();
const fetchMonth = (month: string) => {
  const d = deferred<string>();
  calls.set(month, d);
  return d.promise;
};

function Report({ month }: { month: string }) {
  const [text, setText] = useState('…');
  useLoad(/^\d{4}-\d{2}$/.test(month) ? () => fetchMonth(month) : null, [month], setText, (e) => setText(`错误: ${String(e)}`));
  return <p>{text}</p>;
}

let container: HTMLElement;
let root: ReturnType<typeof createRoot>;
const show = async (month: string) => act(async () => root.render(<Report month={month} />));
const answer = async (month: string, text: string) => act(async () => calls.get(month)!.resolve(text));

afterEach(() => {
  act(() => root.unmount());
  calls.clear();
});

describe('useLoad', () => {
  it('shows the answer for the newest input; a slower answer to an older one is dropped', async () => {
    container = document.createElement('div');
    root = createRoot(container);
    await show('2026-11');
    await show('2026-12');
    await answer('2026-12', '十二月');
    await answer('2026-11', '十一月');
    expect(container.textContent).toBe('十二月');
  });

  it('shows a failure of the newest call, skips an input that is not valid yet, and ignores answers after the screen closed', async () => {
    container = document.createElement('div');
    root = createRoot(container);
    await show('2026-1');
    expect(calls.size).toBe(0);
    await show('2026-10');
    await act(async () => calls.get('2026-10')!.reject(new Error('断网')));
    expect(container.textContent).toBe('错误: Error: 断网');
    await show('2026-09');
    act(() => root.unmount());
    await answer('2026-09', '九月');
    expect(container.textContent).toBe('');
    root = createRoot(container);
  });
});
