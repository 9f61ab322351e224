/**
 * Serving the LAN (issue 15): what `npm run serve -- --lan` and the Electron app with
 * 系统设置 → 设为主机 both do before startWebHost — the certificate, the address and port — and
 * the lines both print for the administrator.
 */
import type { Core } from '../core';
import { startWebHost, type LanListenerOptions, type WebHost } from '../webhost/server';
import { certificateNames, loadOrCreateHostCertificate } from './host-certificate';
import { parseHostNames } from './host-names';

/** Every LAN interface; the listener answers only to this PC's own names (docs/web-host.md). */
export const DEFAULT_LAN_HOST = '0.0.0.0';

/** Whether this start serves the LAN: asked for on the command line, or 设为主机 saved in the settings. */
export function lanWanted(core: Pick<Core, 'settings'>, asked: boolean): boolean {
  return asked || core.settings.get('lan.enabled');
}

/**
 * The LAN listener for this data folder: its certificate (made on the first LAN start, then the
 * same for good), on `host` (default every interface) and `port` (default setting lan.port, 5443).
 */
export function lanListenerFor(core: Pick<Core, 'dataDir' | 'settings'>, at: { host?: string; port?: number } = {}): LanListenerOptions & { certificateCreated: boolean } {
  const tls = loadOrCreateHostCertificate(core.dataDir, { names: certificateNames(parseHostNames(core.settings.get('lan.hostNames'))) });
  return {
    host: at.host ?? DEFAULT_LAN_HOST,
    port: at.port ?? core.settings.get('lan.port'),
    tls: { key: tls.key, cert: tls.cert, fingerprint: tls.fingerprint },
    certificateCreated: tls.created,
  };
}

/** What the administrator needs to pair seats: the addresses, the fingerprint to compare, the firewall port. */
export function describeLan(lan: NonNullable<WebHost['lan']>, certificateCreated: boolean): string[] {
  return [
    `局域网主机 / LAN host: ${lan.urls.join('  ')}`,
    `  证书指纹 / certificate fingerprint (SHA-256): ${lan.fingerprint}${certificateCreated ? '  (新证书 / new certificate)' : ''}`,
    `  配对时请核对终端显示的指纹与此相同 / when pairing a seat, check it shows this same fingerprint`,
    `  防火墙请放行 TCP ${lan.port} 入站 / allow inbound TCP ${lan.port} in the firewall`,
  ];
}

/**
 * The Electron app as host (系统设置 → 设为主机, read at start): the same LAN listener as
 * `npm run serve -- --lan`, in this process, HTTPS only — the app's own window keeps using IPC, so
 * no plain-HTTP listener is opened. Null when the setting is off.
 * Takes the whole Core: the web host it starts serves every method through dispatch (webhost/server.ts).
 */
export async function startLanHostIfSet(core: Core, staticDir: string, log: (line: string) => void = console.log): Promise<WebHost | null> {
  if (!core.settings.get('lan.enabled')) return null;
  const lan = lanListenerFor(core);
  const host = await startWebHost({ core, staticDir, loopback: false, lan });
  for (const line of describeLan(host.lan!, lan.certificateCreated)) log(line);
  return host;
}
