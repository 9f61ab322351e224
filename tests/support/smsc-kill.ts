/**
 * The kill -9 scenario, shared by the test and `npm run bench`: a batch of n single-part messages
 * is sent by a child process through the SMSC simulator; the child is SIGKILLed after the SMSC
 * has received `killAfter` of them, a new child finishes the batch, and what the SMSC received is
 * compared with the outbox.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/node/core';
import { SmsOutbox } from '../../electron/node/features/sms/outbox';
import { startSmsc } from './smsc';
import { tempDir } from './core';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'smsc-sender-child.ts');

export interface KillResult {
  n: number;
  receivedBeforeKill: number;
  /** Messages the SMSC received more than once. */
  duplicates: number;
  /** Messages neither received nor marked unknown. */
  lost: number;
  unknown: number;
  /** Unknown messages the SMSC did receive (allowed: at most once). */
  unknownReceived: number;
  /** Rows the outbox holds as submitted/delivered that the SMSC never got. */
  sentButMissing: number;
  recoveredBySecondRun: number;
}

function child(dataDir: string, port: number): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

export async function runKillScenario(n: number, killAfter: number, timeoutMs = 120_000): Promise<KillResult> {
  const dir = tempDir('dscrm-sms-kill-');
  const smsc = await startSmsc();
  try {
    const core = await createCore({ dataDir: dir, bootstrapAdmin: false });
    new SmsOutbox(core.sqlite, core.clock).createBatch({
      createdBy: null, templateId: null, body: 'kill test', channel: 'smpp', scheduledAt: null,
      leftOut: { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 },
      messages: Array.from({ length: n }, (_, i) => ({ customerId: null, number: `86138${String(i).padStart(8, '0')}`, text: `kill-${i}`, parts: 1 })),
    });
    core.close();

    const first = child(dir, smsc.port);
    const deadline = Date.now() + timeoutMs;
    while (smsc.received.length < killAfter) {
      if (Date.now() > deadline) throw new Error(`the first sender never reached ${killAfter} messages:\n${first.output()}`);
      if (first.proc.exitCode !== null) throw new Error(`the first sender exited early:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    first.proc.kill('SIGKILL');
    await first.exited;
    const receivedBeforeKill = smsc.received.length;

    const second = child(dir, smsc.port);
    const code = await Promise.race([second.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    if (code !== 0) {
      second.proc.kill('SIGKILL');
      throw new Error(`the second sender did not finish (${String(code)}):\n${second.output()}`);
    }
    const recoveredBySecondRun = Number(/recovered (\d+)/.exec(second.output())?.[1] ?? NaN);

    const check = await createCore({ dataDir: dir, bootstrapAdmin: false });
    const rows = check.sqlite.prepare(`SELECT text, status FROM sms_messages`).all() as { text: string; status: string }[];
    check.close();
    const got = new Map<string, number>();
    for (const r of smsc.received) got.set(r.text, (got.get(r.text) ?? 0) + 1);
    const res: KillResult = { n, receivedBeforeKill, duplicates: 0, lost: 0, unknown: 0, unknownReceived: 0, sentButMissing: 0, recoveredBySecondRun };
    for (const r of rows) {
      const c = got.get(r.text) ?? 0;
      if (c > 1) res.duplicates++;
      if (r.status === 'unknown') {
        res.unknown++;
        if (c === 1) res.unknownReceived++;
      } else if (c === 0) {
        if (r.status === 'submitted' || r.status === 'delivered') res.sentButMissing++;
        else res.lost++;
      }
    }
    return res;
  } finally {
    await smsc.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
