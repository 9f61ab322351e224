import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectEvents, disconnectEvents, onEvent } from './events';
import { onReconnected } from './reconnect';

/** Just enough of the browser's WebSocket for the page's event socket: the test opens and drops it. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.onopen?.();
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
  close() {
    this.drop(1000);
  }
}

const g = globalThis as Record<string, unknown>;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  g.WebSocket = FakeSocket;
  g.location = { protocol: 'https:', host: 'crm-host:5443' };
  g.document = { documentElement: { dataset: {} } };
  g.window = {};
});
afterEach(() => {
  disconnectEvents();
  vi.useRealTimers();
  for (const k of ['WebSocket', 'location', 'document', 'window']) delete g[k];
});

describe('a browser seat’s event socket', () => {
  it('after a drop, the reopened socket tells screens to reload (onReconnected), once', async () => {
    const links: string[] = [];
    const offLink = onEvent('link', (l) => links.push(l.state));
    let reloads = 0;
    const offReload = onReconnected(() => reloads++);
    connectEvents();
    const first = FakeSocket.all[0]!;
    expect(first.url).toBe('wss://crm-host:5443/ws');
    first.open();
    expect(reloads).toBe(0); // the first open is no reconnect
    first.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    const second = FakeSocket.all[1]!;
    second.drop(); // still down: one "reconnecting", no reload yet
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reloads).toBe(0);
    FakeSocket.all[2]!.open();
    expect(links).toEqual(['reconnecting', 'connected']);
    expect(reloads).toBe(1);
    offLink();
    offReload();
  });

  it('a session ended by the host (4001) is no drop: no retry, no reload', async () => {
    let reloads = 0;
    const off = onReconnected(() => reloads++);
    connectEvents();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop(4001);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(reloads).toBe(0);
    off();
  });
});
