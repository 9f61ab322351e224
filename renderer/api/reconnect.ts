/**
 * The link to the host came back (client seat: 正在重连… → 已连接主机). Events pushed while it was
 * down are lost, so screens showing host data reload when this fires; a screen subscribes with
 * onReconnected(reload) next to its own data loading.
 */
import { onEvent } from './events';

const listeners = new Set<() => void>();
let down = false;

onEvent('link', (s) => {
  if (s.state !== 'connected') {
    down = down || s.state === 'reconnecting';
    return;
  }
  if (!down) return;
  down = false;
  for (const l of [...listeners]) {
    try {
      l();
    } catch (err) {
      console.error('[reconnect] listener failed', err);
    }
  }
});

export function onReconnected(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
