/**
 * Events the main side pushes: through the Electron bridge, or a WebSocket to /ws on the web host
 * (reconnecting with back-off). Connect after login (the socket needs the session cookie),
 * disconnect on logout.
 */
import type { ApiEvents, EventMessage, EventName } from '../../electron/common/api/events';

type Listener<E extends EventName> = (payload: ApiEvents[E]) => void;
type AnyListener = (payload: unknown) => void;

const listeners = new Map<EventName, Set<AnyListener>>();

function emit(msg: EventMessage): void {
  for (const l of listeners.get(msg.event) ?? []) {
    try {
      l(msg.payload);
    } catch (err) {
      console.error('[events] listener failed', msg.event, err);
    }
  }
}

export function onEvent<E extends EventName>(event: E, listener: Listener<E>): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(listener as AnyListener);
  return () => set.delete(listener as AnyListener);
}

const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** The server closes with this code when the session ended: no point reconnecting. */
const CLOSE_SESSION_ENDED = 4001;
/** The LAN listener closes a revoked seat's sockets with this code: it would be refused at every retry. */
const CLOSE_SEAT_REVOKED = 4003;

let wanted = false;
let socket: WebSocket | null = null;
let bridgeOff: (() => void) | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let backoff = MIN_BACKOFF_MS;
/** The socket dropped while still wanted: its next open is a reconnect, and events may have been missed. */
let dropped = false;

/** `<html data-events="open|closed">`: whether pushed events arrive (diagnostics and tests read it). */
function markConnected(open: boolean): void {
  document.documentElement.dataset.events = open ? 'open' : 'closed';
}

function isMessage(v: unknown): v is EventMessage {
  return typeof v === 'object' && v !== null && typeof (v as { event?: unknown }).event === 'string';
}

function openSocket(): void {
  if (!wanted || socket) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  let ws: WebSocket;
  try {
    ws = new WebSocket(url);
  } catch {
    scheduleRetry();
    return;
  }
  socket = ws;
  ws.onopen = () => {
    backoff = MIN_BACKOFF_MS;
    markConnected(true);
    // In a browser the page's own socket is the link to the host: say it is back, so screens that
    // reload on onReconnected (reconnect.ts) do so, as they do on a desktop seat's link event.
    if (dropped) {
      dropped = false;
      emit({ event: 'link', payload: { state: 'connected' } });
    }
  };
  ws.onmessage = (e) => {
    try {
      const msg: unknown = JSON.parse(String(e.data));
      if (isMessage(msg)) emit(msg);
    } catch {
      // not ours: ignore
    }
  };
  ws.onclose = (e) => {
    if (socket === ws) socket = null;
    markConnected(false);
    if (e.code === CLOSE_SESSION_ENDED || e.code === CLOSE_SEAT_REVOKED) wanted = false;
    if (wanted && !dropped) {
      dropped = true;
      emit({ event: 'link', payload: { state: 'reconnecting' } });
    }
    scheduleRetry();
  };
}

function scheduleRetry(): void {
  if (!wanted || retryTimer) return;
  const delay = backoff;
  backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    openSocket();
  }, delay);
}

/** Starts receiving events for the current session (idempotent). */
export function connectEvents(): void {
  if (window.dscrm) {
    bridgeOff ??= window.dscrm.on(emit);
    markConnected(true);
    return;
  }
  wanted = true;
  backoff = MIN_BACKOFF_MS;
  dropped = false;
  openSocket();
}

/** Stops receiving events (logout). In Electron the bridge stays subscribed: main targets the window's session. */
export function disconnectEvents(): void {
  if (window.dscrm) return;
  wanted = false;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  const ws = socket;
  socket = null;
  ws?.close(1000, 'logout');
}
