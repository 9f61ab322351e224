/**
 * What the LAN listener asks of a request before the shared routes see it (issue 15,
 * /tmp/briefs/lan-protocol.md → docs/web-host.md "LAN listener"): which seat sends it, whether it
 * speaks this host's API version, which Host names are ours.
 */
import type { IncomingMessage } from 'node:http';
import { apiVersion } from '../../common/api/version';
import { hostNamesFor, LOOPBACK_NAMES } from '../lan/host-names';

/** The browser seat's cookie, set by POST /lan/pair. */
export const SEAT_COOKIE = 'dscrm_seat';
/** The client app's seat header. */
export const SEAT_HEADER = 'x-dscrm-seat';
/** The client app's API version header; browsers do not send it (they run the host's own bundle). */
export const API_HEADER = 'x-dscrm-api';
/** A revoked seat's open sockets are closed with this code (4001 is a session that ended). */
export const CLOSE_SEAT_REVOKED = 4003;
/** A paired browser keeps its seat cookie as long as the certificate lives. */
export const SEAT_COOKIE_MAX_AGE_S = 10 * 365 * 24 * 3600;

/** The peer's address as people read it: an IPv4 client of a dual-stack listener is 192.168.1.5, not ::ffff:192.168.1.5. */
export function peerAddress(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? 'unknown';
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/** The seat token a request carries: the client app's header, else the browser's cookie. */
export function seatTokenOf(req: IncomingMessage, cookies: Record<string, string>): string | null {
  const header = req.headers[SEAT_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return fromHeader || cookies[SEAT_COOKIE] || null;
}

/** The client's API version when it names one that is not ours (an app built against another contract). */
export function otherApiVersion(req: IncomingMessage): string | null {
  const v = req.headers[API_HEADER];
  const sent = Array.isArray(v) ? v[0] : v;
  return sent !== undefined && sent !== apiVersion() ? sent.slice(0, 40) : null;
}

// os.networkInterfaces() is a system call: looked at again at most this often (a DHCP change is seen within it).
const NAMES_TTL_MS = 30_000;

/**
 * The Host names the LAN listener answers to: loopback, this PC's names and LAN addresses, and the
 * administrator's lan.hostNames. A request naming any other host is refused (DNS rebinding: a page
 * on evil.example resolved to our address must not reach the API with the user's cookies).
 */
export class LanHostNames {
  private cached: { at: number; extra: string; names: Set<string> } | null = null;

  constructor(private extraNames: () => string) {}

  names(now = Date.now()): Set<string> {
    const extra = this.extraNames();
    if (!this.cached || this.cached.extra !== extra || now - this.cached.at > NAMES_TTL_MS || now < this.cached.at) {
      this.cached = { at: now, extra, names: new Set([...LOOPBACK_NAMES, ...hostNamesFor(extra)]) };
    }
    return this.cached.names;
  }
}

/** Whether a Host header names `names` on `port` (the bare name only on the scheme's default port). */
export function hostMatches(host: string | undefined, names: Iterable<string>, port: number, defaultPort: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  for (const n of names) if (h === `${n}:${port}` || (port === defaultPort && h === n)) return true;
  return false;
}
