/**
 * Starts the test SIP server (kamailio, config in tests/fixtures/kamailio) as a child process on
 * free loopback ports: in the foreground (-DD, never a daemon), logging to stderr, with its own
 * runtime folder, so it works as root in CI and as an ordinary user, and dies with the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/kamailio/', import.meta.url));
export const KAMAILIO_CONFIG = path.join(FIXTURE, 'kamailio.cfg');
/** Test extensions → SIP passwords (the same table as route[PASSWORD] in the config). */
export const TEST_EXTENSIONS: Record<string, string> = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'extensions.json'), 'utf8'));
export const SIP_DOMAIN = '127.0.0.1';
/** Extensions whose calls carry an outside caller ID (route[CALLERID] in the config): test "customer phones". */
export const TEST_CALLER_IDS: Record<string, string> = { '1005': '13800138005', '1006': '075588881006' };

export interface Kamailio {
  /** ws://127.0.0.1:<port> — the softphones' SIP WebSocket URL. */
  wsUrl: string;
  wsPort: number;
  /** UDP port for sipp (the test trunk). */
  udpPort: number;
  /** Everything kamailio printed so far (for a failing test's message). */
  log(): string;
  running(): boolean;
  /** Stops the server (SIGTERM, then SIGKILL) and keeps the ports for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same ports (after `stop()`). */
  start(): Promise<void>;
  /** Stops it and removes its runtime folder. */
  close(): Promise<void>;
}

async function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export async function startKamailio(): Promise<Kamailio> {
  const wsPort = await freeTcpPort();
  const udpPort = await freeUdpPort();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dscrm-kamailio-'));
  let child: ChildProcess | null = null;
  let output = '';

  const start = async (): Promise<void> => {
    if (child && child.exitCode === null) return;
    const args = [
      '-DD', '-E', // foreground, log to stderr
      '-f', KAMAILIO_CONFIG,
      '-l', `udp:127.0.0.1:${udpPort}`,
      '-l', `tcp:127.0.0.1:${wsPort}`,
      '-Y', runDir,
      '-P', path.join(runDir, 'kamailio.pid'),
      '-m', '32', '-M', '8',
    ];
    const proc = spawn(process.env.KAMAILIO_PATH ?? 'kamailio', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const spawnError = new Promise<Error>((resolve) => proc.once('error', resolve));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`kamailio exited (${proc.exitCode}):\n${output.slice(-3000)}`);
      const failed = await Promise.race([spawnError, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      if (failed) throw new Error(`kamailio could not start (is the package installed?): ${failed.message}`);
      if (await canConnect(wsPort)) return;
      if (Date.now() > deadline) throw new Error(`kamailio did not listen on ${wsPort} within 10 s:\n${output.slice(-3000)}`);
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    udpPort,
    log: () => output,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    stop,
    start,
    close: async () => {
      await stop();
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/**
 * Places one inbound call through kamailio's UDP side with sipp (the test trunk): caller ID
 * `caller` rings extension `callee`; resolves with sipp's exit code and output when the call is
 * over (the softphone declined it, or it timed out).
 */
export function sippInbound(k: Kamailio, caller: string, callee: string, timeoutS = 30): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.env.SIPP_PATH ?? 'sipp',
      ['-sf', path.join(FIXTURE, 'sipp-inbound.xml'), '-key', 'caller', caller, '-key', 'callee', callee, '-i', '127.0.0.1', '-m', '1', '-l', '1', '-timeout', `${timeoutS}s`, '-timeout_error', '-nostdin', '-trace_err', '-error_file', path.join(os.tmpdir(), `sipp-${process.pid}-err.log`), `127.0.0.1:${k.udpPort}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    proc.once('error', reject);
    proc.once('exit', (code) => resolve({ code, output }));
  });
}
