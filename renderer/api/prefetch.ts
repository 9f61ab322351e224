/**
 * A read started before the component that shows it is on screen: the request then runs while
 * React renders the new tab or window instead of after it (the screen pop's card, home after login;
 * docs/performance.md). The component takes the answer with callPrefetched when it mounts. Taken
 * once; one nobody takes within a few seconds is dropped, so a screen never shows an old answer.
 */
import { call, type Input, type MethodName, type Output } from './client';

const FRESH_MS = 5_000;
const pending = new Map<string, { at: number; answer: Promise<unknown> }>();
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;

export function prefetch<M extends MethodName>(method: M, input: Input<M>): void {
  const now = performance.now();
  for (const [k, p] of pending) if (now - p.at > FRESH_MS) pending.delete(k);
  const key = keyOf(method, input);
  if (pending.has(key)) return;
  const answer = call(method, input);
  answer.catch(() => undefined); // the component that takes it reports the error; untaken, it is dropped
  pending.set(key, { at: now, answer });
}

/** The prefetched answer when there is a fresh one (taken once), else a new call. */
export function callPrefetched<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const key = keyOf(method, input);
  const p = pending.get(key);
  pending.delete(key);
  return p && performance.now() - p.at <= FRESH_MS ? (p.answer as Promise<Output<M>>) : call(method, input);
}
