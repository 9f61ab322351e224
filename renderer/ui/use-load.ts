import { useEffect, useRef, type DependencyList } from 'react';

/**
 * Loads data when `deps` change and hands only the newest answer to `done` (or its failure to `fail`):
 * an answer that arrives after the inputs moved on, or after the screen closed, is dropped, so a slow
 * reply to an old month or filter never overwrites the current one. `load` null skips (an input not
 * yet valid). The handlers are read at answer time, so they need not be stable and are no deps.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: DependencyList, done: (r: T) => void, fail: (e: unknown) => void = () => undefined): void {
  const handlers = useRef({ done, fail });
  useEffect(() => {
    handlers.current = { done, fail };
  });
  useEffect(() => {
    if (!load) return;
    // One generation per run: the cleanup ends it before the next run starts or the screen closes.
    let current = true;
    load().then(
      (r) => current && handlers.current.done(r),
      (e: unknown) => current && handlers.current.fail(e),
    );
    return () => {
      current = false;
    };
    // The caller's deps say when to load again; load itself is a new function each render.
  }, deps);
}
