/**
 * The Electron app as host (系统设置 → 设为主机, issue 15), through the real main bundle with the
 * `electron` module stubbed: with the setting saved, the app serves the LAN over HTTPS from its own
 * process at start, with the data folder's certificate, and stops serving when it quits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../node/core';
import { tempDir } from '../../tests/support/core';
import { useBundledMain } from './electron-stub.test-support';
import { lanHello } from '../../tests/support/lan-hello';

const { launch } = useBundledMain();
const lines: string[] = [];
const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
afterAll(() => log.mockRestore());

describe('bundled Electron main with 设为主机 saved', () => {
  it('serves the LAN over HTTPS at start, printing the address and fingerprint, and stops on quit', async () => {
    // An administrator saved 设为主机 earlier (port 0 here: any free port; 5443 by default).
    const dataDir = tempDir('dscrm-data-');
    const before = await createCore({ dataDir, bootstrapAdmin: false });
    before.settings.set('lan.enabled', true);
    before.settings.set('lan.port', 0);
    before.close();

    const { s } = launch({ dataDir, seat: { mode: 'local' } });
    await vi.waitFor(() => expect(lines.some((l) => l.includes('LAN host: https://'))).toBe(true), { timeout: 20_000 });
    expect(s.errors).toEqual([]);
    const port = Number(/LAN host: https:\/\/[^:\s]+:(\d+)\//.exec(lines.find((l) => l.includes('LAN host'))!)![1]);
    const cert = fs.readFileSync(path.join(dataDir, 'tls', 'host-cert.pem'), 'utf8');
    const answer = await lanHello(port, cert);
    expect(answer.status).toBe(200);
    expect(lines.join('\n')).toContain(answer.fingerprint);

    // 退出 in the tray: the listener goes with the app.
    await vi.waitFor(() => expect(s.trays.length).toBe(1));
    s.trays[0]!.menu!.items[3]!.click!();
    await vi.waitFor(() => expect(lanHello(port, cert)).rejects.toThrow(/ECONNREFUSED/), { timeout: 5_000 });
  }, 60_000);
});
