import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../../../tests/support/core';
import type { WebHost } from '../webhost/server';
import { readHostFingerprint } from './host-certificate';
import { startLanHostIfSet } from './lan-host';
import { lanStatusOf } from './lan-status';
import { lanHello } from '../../../tests/support/lan-hello';

let t: TestCore | null = null;
let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  t?.cleanup();
  t = null;
});

describe('设为主机 in the Electron app (startLanHostIfSet)', () => {
  it('does nothing while the setting is off', async () => {
    t = await makeCore();
    expect(await startLanHostIfSet(t.core, t.dir, () => undefined)).toBeNull();
    expect(readHostFingerprint(t.dir)).toBeNull();
  });

  it('with 设为主机 saved: serves the LAN over HTTPS only, on the saved port, with the data folder\'s certificate, and says so', async () => {
    t = await makeCore();
    t.core.settings.set('lan.enabled', true);
    t.core.settings.set('lan.port', 0); // any free port in the test; 5443 by default
    const lines: string[] = [];
    host = await startLanHostIfSet(t.core, t.dir, (l) => lines.push(l));
    expect(host).not.toBeNull();
    const fingerprint = readHostFingerprint(t.dir)!;
    expect(host!.lan!.fingerprint).toBe(fingerprint);
    // No plain-HTTP listener: the app's own window talks IPC.
    expect(host!.url).toMatch(/^https:\/\//);
    expect(lines.join('\n')).toContain(fingerprint);
    expect(lines.join('\n')).toContain(`TCP ${host!.lan!.port}`);
    const cert = fs.readFileSync(path.join(t.dir, 'tls', 'host-cert.pem'), 'utf8');
    expect(await lanHello(host!.lan!.port, cert)).toEqual({ status: 200, fingerprint });
    expect(lanStatusOf(t.core)).toEqual(host!.lan);
    await host!.close();
    host = null;
    // Stopped: 终端管理 no longer offers its addresses.
    expect(lanStatusOf(t.core)).toBeNull();
  });
});
