/**
 * A GSM modem simulator on the far end of a socat pseudo-terminal pair: the app's modem channel
 * opens `devicePath` like a real /dev/ttyUSB0; the simulator answers the AT commands a modem
 * answers (echo off, PDU mode, +CPIN, +CSQ, +CMGS with the "> " prompt) and records the PDUs it
 * was given. It can stop answering (a dead modem) or answer ERROR / +CMS ERROR to sends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { decodeSubmit, deliverPdu, statusReportPdu, type DecodedSubmit } from '../../electron/node/features/sms/pdu';
import { tempDir } from './core';

export type ModemMode = 'ok' | 'silent' | 'cmsError' | 'simPin';

export interface ModemSim {
  devicePath: string;
  received: DecodedSubmit[];
  commands: string[];
  mode: ModemMode;
  /** Status reports (+CDS) after each accepted message: 0 = delivered, 0x40+ = failed; null = none. */
  reportStatus: number | null;
  /** An inbound message (+CMT) from `from`. */
  sendMo(from: string, text: string): void;
  close(): Promise<void>;
}

export async function startModemSim(opts: { signal?: number } = {}): Promise<ModemSim> {
  const dir = tempDir('dscrm-modem-');
  const app = path.join(dir, 'ttyAPP');
  const far = path.join(dir, 'ttySIM');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${app}`, `pty,raw,echo=0,link=${far}`], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(fs.existsSync(app) && fs.existsSync(far))) {
    if (Date.now() > deadline || socat.exitCode !== null) throw new Error('socat did not create the pseudo-terminal pair (is socat installed?)');
    await new Promise((r) => setTimeout(r, 20));
  }
  const port = new SerialPort({ path: far, baudRate: 115200 });
  await new Promise<void>((resolve, reject) => port.once('open', resolve).once('error', reject));
  const sim: ModemSim = { devicePath: app, received: [], commands: [], mode: 'ok', reportStatus: null, sendMo: () => undefined, close: async () => undefined };
  let line = '';
  let pdu: string | null = null;
  let mr = 0;
  const say = (s: string) => port.write(Buffer.from(s, 'latin1'));
  port.on('data', (d: Buffer) => {
    for (const ch of d.toString('latin1')) {
      if (pdu !== null) {
        if (ch === '\x1a') {
          const hex = pdu;
          pdu = null;
          if (sim.mode === 'cmsError') say('\r\n+CMS ERROR: 38\r\n');
          else {
            const got = decodeSubmit(hex);
            sim.received.push(got);
            const ref = ++mr & 0xff;
            setTimeout(() => say(`\r\n+CMGS: ${ref}\r\n\r\nOK\r\n`), 5);
            if (sim.reportStatus !== null) {
              const r = statusReportPdu(ref, got.number, sim.reportStatus);
              setTimeout(() => say(`\r\n+CDS: ${r.length}\r\n${r.hex}\r\n`), 15);
            }
          }
        } else pdu += ch;
        continue;
      }
      if (ch !== '\r') {
        if (ch !== '\n') line += ch;
        continue;
      }
      const cmd = line.trim().toUpperCase();
      line = '';
      if (!cmd) continue;
      sim.commands.push(cmd);
      if (sim.mode === 'silent') continue;
      if (cmd === 'AT' || cmd === 'ATE0' || cmd === 'AT+CMGF=0' || cmd.startsWith('AT+CNMI=')) say('\r\nOK\r\n');
      else if (cmd === 'AT+CPIN?') say(sim.mode === 'simPin' ? '\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n' : '\r\n+CPIN: READY\r\n\r\nOK\r\n');
      else if (cmd === 'AT+CSQ') say(`\r\n+CSQ: ${opts.signal ?? 23},0\r\n\r\nOK\r\n`);
      else if (cmd.startsWith('AT+CMGS=')) {
        pdu = '';
        say('\r\n> ');
      } else say('\r\nERROR\r\n');
    }
  });
  sim.sendMo = (from, text) => {
    const d = deliverPdu(from, text);
    say(`\r\n+CMT: ,${d.length}\r\n${d.hex}\r\n`);
  };
  sim.close = async () => {
    await new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r()));
    socat.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return sim;
}
