/**
 * seat.json: how this desktop reaches its data (LAN protocol, "Client seat"). In Electron's userData
 * folder, or where --seat-config / DSCRM_SEAT_CONFIG points. It holds the seat token — a secret that
 * lets this PC talk to the host — so it is written 0600, atomically (a crash mid-write must not
 * leave a half file that makes the next start ask to pair again).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf } from './pinning';

export type SeatConfig =
  | { mode: 'local' }
  | { mode: 'client'; hostUrl: string; fingerprint: string; certPem: string; seatToken: string; seatName: string };

export const SEAT_FILE = 'seat.json';

export class SeatConfigError extends Error {}

function str(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

/** The saved settings, null when there are none yet (first start). A damaged file is an error, not "none". */
export function loadSeatConfig(file: string): SeatConfig | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SeatConfigError(`终端设置文件已损坏 / The seat settings file is damaged: ${file}`);
  }
  if (v.mode === 'local') return { mode: 'local' };
  if (v.mode === 'client' && str(v.hostUrl) && str(v.fingerprint) && str(v.certPem) && str(v.seatToken) && str(v.seatName)) {
    // The pinned certificate and its fingerprint must agree, or someone edited one of them.
    let actual: string;
    try {
      actual = fingerprintOf(v.certPem);
    } catch {
      actual = '';
    }
    if (actual === v.fingerprint) return { mode: 'client', hostUrl: v.hostUrl, fingerprint: v.fingerprint, certPem: v.certPem, seatToken: v.seatToken, seatName: v.seatName };
  }
  throw new SeatConfigError(`终端设置文件内容无效 / The seat settings file is not valid: ${file}`);
}

export function saveSeatConfig(file: string, config: SeatConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  fs.chmodSync(tmp, 0o600); // the umask may have masked the mode of an existing temp
  fs.renameSync(tmp, file);
}

/** Where seat.json is: `--seat-config <file>` / `--seat-config=<file>`, DSCRM_SEAT_CONFIG, else the app's own folder. */
export function seatConfigPath(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seat-config' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--seat-config=')) return path.resolve(a.slice('--seat-config='.length));
  }
  if (env.DSCRM_SEAT_CONFIG) return path.resolve(env.DSCRM_SEAT_CONFIG);
  return path.join(userDataDir, SEAT_FILE);
}
