/**
 * The GSM modem channel (短信基站 / 短信猫) on a serial port: AT commands in PDU mode, one message
 * at a time (a modem has one radio). Every command has a timeout, so a modem that does not answer
 * is reported ("无应答"), never waited on for ever; ERROR / +CMS ERROR answers become clear
 * messages. Signal quality (AT+CSQ) and SIM status (AT+CPIN?) are kept for the settings screen.
 */
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { ChannelError, type OutgoingSms, type SmsChannel } from './channel';
import { decodeIncoming, submitPdus } from './pdu';
import { normalizedOrDigits } from '../../../common/phone';

export interface ModemConfig {
  path: string;
  baudRate: number;
  commandTimeoutMs?: number;
  /** How long the network may take to accept a message after the PDU was written. */
  sendTimeoutMs?: number;
  retryMs?: number;
}

export type ModemState = 'idle' | 'connecting' | 'ready' | 'timeout' | 'error' | 'closed';

/** Well-known +CMS ERROR codes (3GPP TS 27.005 §3.2.5), the rest by number. */
const CMS: Record<number, string> = {
  38: '网络故障 / network out of order',
  42: '网络拥塞 / congestion',
  301: '短信服务被保留 / SMS service reserved',
  302: '操作不允许 / operation not allowed',
  304: 'PDU 参数无效 / invalid PDU parameter',
  310: '未插 SIM 卡 / SIM not inserted',
  311: 'SIM 卡需要 PIN / SIM PIN required',
  330: '短信中心地址未知 / SMSC address unknown',
  331: '无网络服务 / no network service',
  332: '网络超时 / network timeout',
};

export class ModemError extends Error {}

function problem(answer: string): string | null {
  const cms = /\+CMS ERROR:\s*(\d+)/.exec(answer);
  if (cms) return `短信猫报错 +CMS ERROR ${cms[1]}:${CMS[Number(cms[1])] ?? '未知错误 / unknown error'}`;
  const cme = /\+CME ERROR:\s*([^\r\n]+)/.exec(answer);
  if (cme) return `短信猫报错 +CME ERROR ${cme[1]} / The modem answered +CME ERROR ${cme[1]}`;
  if (/(^|\r\n)ERROR\r\n/.test(answer)) return '短信猫返回 ERROR / The modem answered ERROR';
  return null;
}

export class ModemChannel extends EventEmitter implements SmsChannel {
  readonly kind = 'modem' as const;
  state: ModemState = 'idle';
  lastError: string | null = null;
  /** AT+CSQ: 0–31, null = unknown (99). */
  signal: number | null = null;
  /** AT+CPIN?: READY, SIM PIN, … */
  sim: string | null = null;
  private port: SerialPort | null = null;
  private buf = '';
  private waiter: { test: () => boolean } | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private retry: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private ref = Math.floor(Math.random() * 256);
  private closing = false;

  constructor(private readonly config: ModemConfig) {
    super();
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  start(): void {
    this.closing = false;
    void this.init();
  }

  private setState(s: ModemState, error: string | null = null): void {
    this.state = s;
    if (error !== null) this.lastError = error;
    this.emit('state', s);
  }

  private async init(): Promise<void> {
    this.setState('connecting');
    try {
      await this.open();
      await this.serial(async () => {
        await this.command('AT');
        await this.command('ATE0');
        await this.command('AT+CMGF=0');
        // Inbound messages and delivery reports straight to the serial line, not stored on the SIM.
        await this.command('AT+CNMI=2,2,0,1,0').catch(() => undefined);
        await this.refreshStatus();
      });
      if (this.sim !== 'READY') throw new ModemError(`SIM 卡状态:${this.sim ?? '未知'},无法发送 / SIM status ${this.sim ?? 'unknown'}: cannot send`);
      this.lastError = null;
      this.setState('ready');
      this.poll = setInterval(() => void this.serial(() => this.refreshStatus()).catch(() => undefined), 30_000);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.setState(msg.includes('无应答') ? 'timeout' : 'error', msg);
      await this.closePort();
      if (!this.closing) this.retry = setTimeout(() => void this.init(), this.config.retryMs ?? 30_000);
    }
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.config.path, baudRate: this.config.baudRate, autoOpen: false });
      port.on('data', (d: Buffer) => {
        this.buf += d.toString('latin1');
        this.takeUnsolicited();
        this.waiter?.test();
      });
      port.on('error', (e) => {
        this.lastError = `串口错误:${e.message} / Serial port error`;
      });
      port.open((err) => {
        if (err) reject(new ModemError(`无法打开串口 ${this.config.path}:${err.message} / Cannot open the serial port`));
        else {
          this.port = port;
          resolve();
        }
      });
    });
  }

  /**
   * Inbound messages (+CMT) and delivery reports (+CDS) arrive unasked, possibly in the middle of
   * a command's answer: they are cut out of the buffer first and passed on like the SMPP
   * channel's 'inbound' / 'receipt' events.
   */
  private takeUnsolicited(): void {
    const re = /\+(CMT|CDS):[^\r\n]*\r\n([0-9A-Fa-f]+)\r\n/g;
    let m: RegExpExecArray | null;
    let rest = '';
    let last = 0;
    while ((m = re.exec(this.buf))) {
      rest += this.buf.slice(last, m.index);
      last = m.index + m[0].length;
      const report = (() => {
        try {
          return decodeIncoming(m[2]!);
        } catch {
          return null;
        }
      })();
      if (report?.kind === 'deliver') this.emit('inbound', { number: normalizedOrDigits(report.number), text: report.text });
      else if (report?.kind === 'status' && report.final) {
        this.emit('receipt', {
          gatewayId: `modem:${report.mr}`,
          delivered: report.delivered,
          error: report.delivered ? null : `未送达:状态 0x${report.status.toString(16)} / Not delivered`,
        });
      }
    }
    if (last > 0) this.buf = rest + this.buf.slice(last);
  }

  private async refreshStatus(): Promise<void> {
    const cpin = await this.command('AT+CPIN?');
    this.sim = /\+CPIN:\s*([^\r\n]+)/.exec(cpin)?.[1]?.trim() ?? null;
    const csq = await this.command('AT+CSQ');
    const rssi = Number(/\+CSQ:\s*(\d+)/.exec(csq)?.[1] ?? 99);
    this.signal = rssi === 99 ? null : rssi;
  }

  /** One exchange at a time on the wire. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Waits until `match` finds something in the received text, or fails after `ms`. */
  private wait(match: (buf: string) => { end: number; value: string } | null, ms: number, timeoutMessage: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ModemError(timeoutMessage));
      }, ms);
      const test = () => {
        const m = match(this.buf);
        if (!m) return false;
        clearTimeout(timer);
        this.buf = this.buf.slice(m.end);
        this.waiter = null;
        resolve(m.value);
        return true;
      };
      this.waiter = { test };
      test();
    });
  }

  private write(data: string): void {
    if (!this.port) throw new ModemError('串口未打开 / The serial port is not open');
    this.port.write(Buffer.from(data, 'latin1'));
  }

  /** An AT command up to its final answer (OK or an error). */
  private async command(cmd: string, ms = this.config.commandTimeoutMs ?? 3000): Promise<string> {
    this.buf = '';
    this.write(`${cmd}\r`);
    const answer = await this.wait(
      (b) => {
        const ok = /(^|\r\n)OK\r\n/.exec(b);
        const bad = /(^|\r\n)(ERROR|\+CMS ERROR:[^\r\n]*|\+CME ERROR:[^\r\n]*)\r\n/.exec(b);
        const hit = ok && (!bad || ok.index < bad.index) ? ok : bad;
        return hit ? { end: hit.index + hit[0].length, value: b.slice(0, hit.index + hit[0].length) } : null;
      },
      ms,
      `短信猫无应答(${cmd},${ms / 1000} 秒)/ The modem did not answer ${cmd}`,
    );
    const p = problem(answer);
    if (p) throw new ModemError(p);
    return answer;
  }

  submit(sms: OutgoingSms): Promise<string[]> {
    if (!this.ready) return Promise.reject(new ChannelError('not_sent', this.lastError ?? '短信猫未就绪 / The modem is not ready'));
    // A long message finished after a drop or 重发 keeps the reference its earlier parts had.
    const ref = sms.concatRef ?? (this.ref = (this.ref + 1) & 0xff);
    return this.serial(async () => {
      const ids: string[] = [];
      const pdus = submitPdus(sms.number, sms.text, ref);
      let nothingSentYet = true;
      for (let i = 0; i < pdus.length; i++) {
        const earlier = sms.accepted?.get(i + 1);
        if (earlier !== undefined) {
          // Accepted on an earlier attempt: never sent again.
          ids.push(earlier);
          continue;
        }
        const pdu = pdus[i]!;
        this.buf = '';
        try {
          this.write(`AT+CMGS=${pdu.length}\r`);
          // The prompt is "> " with no line ending; an error instead of it means nothing was sent.
          await this.wait(
            (b) => {
              const at = b.indexOf('> ');
              if (at >= 0) return { end: at + 2, value: '>' };
              const p = /(ERROR|\+CMS ERROR:[^\r\n]*)\r\n/.exec(b);
              return p ? { end: p.index + p[0].length, value: p[0] } : null;
            },
            this.config.commandTimeoutMs ?? 3000,
            '短信猫无应答(未出现发送提示符 >)/ The modem did not prompt for the message',
          ).then((v) => {
            if (v !== '>') throw new ModemError(problem(`\r\n${v}`) ?? v);
          });
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          if (!nothingSentYet) throw new ChannelError('maybe', msg);
          if (msg.includes('无应答')) this.setState('timeout', msg);
          throw new ChannelError(msg.includes('无应答') ? 'not_sent' : 'rejected', msg);
        }
        this.write(`${pdu.hex}\x1a`);
        let answer: string;
        try {
          answer = await this.wait(
            (b) => {
              const m = /\+CMGS:\s*(\d+)[\s\S]*?\r\nOK\r\n/.exec(b) ?? /(ERROR|\+CMS ERROR:[^\r\n]*)\r\n/.exec(b);
              return m ? { end: m.index + m[0].length, value: m[0] } : null;
            },
            this.config.sendTimeoutMs ?? 60_000,
            '短信猫发送后无应答,无法确定是否已发出 / The modem did not confirm the message',
          );
        } catch (e) {
          throw new ChannelError('maybe', e instanceof Error ? e.message : String(e));
        }
        const mr = /\+CMGS:\s*(\d+)/.exec(answer)?.[1];
        if (!mr) throw new ChannelError(nothingSentYet ? 'rejected' : 'maybe', problem(`\r\n${answer}`) ?? answer.trim());
        nothingSentYet = false;
        // The +CMGS reference (0–255, cycling) is what a status report names; the outbox
        // matches a report to the most recent part with that id.
        sms.onPartAccepted?.(i + 1, `modem:${mr}`);
        ids.push(`modem:${mr}`);
      }
      return ids;
    });
  }

  private closePort(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.poll) clearInterval(this.poll);
    this.retry = this.poll = null;
    await this.closePort();
    this.setState('closed');
  }

  /** For the settings screen's test button: the modem's state now (re-reads CSQ / CPIN). */
  async check(): Promise<{ signal: number | null; sim: string | null }> {
    await this.serial(() => this.refreshStatus());
    return { signal: this.signal, sim: this.sim };
  }
}
