import os from 'node:os';

/** Names a request on this PC itself may use in its Host header. */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** Whether binding `host` keeps the listener on this PC (plain HTTP is allowed only there). */
export function isLoopbackBind(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** This PC's LAN IPv4 addresses (no loopback, no link-local 169.254.x.x), as os.networkInterfaces() reports them now. */
export function lanIPv4Addresses(): string[] {
  const out = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.')) out.add(a.address);
    }
  }
  return [...out];
}

/** This PC's LAN IPv6 addresses without a zone (global or unique-local), written as a Host header has them: [addr]. */
export function lanIPv6Hosts(): string[] {
  const out = new Set<string>();
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv6' && !a.internal && !a.address.toLowerCase().startsWith('fe80')) out.add(`[${a.address.toLowerCase()}]`);
    }
  }
  return [...out];
}

/**
 * The names and addresses seats may reach this host by: its host name, the host name with
 * .local (mDNS on most office networks), its LAN addresses, and the names an administrator added
 * in setting lan.hostNames (comma- or space-separated, e.g. a DNS name the router hands out).
 * Lower-case, without ports.
 */
export function hostNamesFor(extraNames: string): string[] {
  const host = os.hostname().toLowerCase();
  const names = new Set<string>([host, ...(host.includes('.') ? [] : [`${host}.local`]), ...lanIPv4Addresses(), ...lanIPv6Hosts()]);
  for (const n of parseHostNames(extraNames)) names.add(n);
  return [...names];
}

/** The lan.hostNames setting as a list: lower-case names split on commas, semicolons, spaces or 、. */
export function parseHostNames(text: string): string[] {
  return text
    .split(/[\s,;,;、]+/)
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
}
