/**
 * The SMPP 3.4 gateway channel (网关). npm `smpp` only encodes PDUs and moves them over a socket;
 * this class adds what a gateway connection needs: bind as transceiver, a response timeout per
 * submit, enquire_link keep-alive that notices a dead link, reconnect with back-off, UCS-2 with a
 * concatenation UDH for long Chinese text, and delivery receipts / inbound messages (MO) passed on
 * to the outbox.
 */
import { EventEmitter } from 'node:events';
import smpp, { type Pdu, type Session } from 'smpp';
import { ChannelError, type OutgoingSms, type SmsChannel } from './channel';
import { encodingOf, splitParts } from './encoding';
import { normalizedOrDigits } from '../../../common/phone';

export interface SmppConfig {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Sender id / service number shown to the customer (the gateway may override it). */
  sourceAddr?: string;
  enquireLinkMs?: number;
  responseTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /**
   * After this many submits in a row went unanswered, the link is reset (unbind, reconnect): a
   * gateway that hung on submits while still answering enquire_link would otherwise time every
   * message out into 待确认 for ever. Default 3.
   */
  maxConsecutiveTimeouts?: number;
}

/** A part refused as "too fast" after earlier parts went out is tried this often (same UDH), then the message is 待确认. */
export const PART_THROTTLE_RETRIES = 6;

/** A submit_sm_resp that came after its timeout, with the id the gateway gave (see 'lateAccepted'). */
export interface SmppLateAccepted {
  ref: number;
  partNo: number;
  gatewayId: string;
}

export type SmppState = 'idle' | 'connecting' | 'bound' | 'refused' | 'down' | 'closed';

export interface SmppReceipt {
  gatewayId: string;
  delivered: boolean;
  error: string | null;
}

export interface SmppInbound {
  number: string;
  text: string;
}

const ERROR_NAMES: Record<number, string> = Object.fromEntries(Object.entries(smpp.errors).map(([k, v]) => [v, k]));

export function smppErrorName(status: number): string {
  return ERROR_NAMES[status] ?? `0x${status.toString(16).padStart(4, '0')}`;
}

/** Destination as the gateway wants it: international digits without '+'. */
function destination(number: string): string {
  return number.replace(/\D/g, '');
}


/** Parses the SMPP 3.4 appendix B receipt text: "id:… sub:… dlvrd:… … stat:DELIVRD err:000 …". */
export function parseReceiptText(text: string): { id: string | null; stat: string | null; err: string | null } {
  const get = (k: string) => new RegExp(`(?:^|\\s)${k}:(\\S+)`, 'i').exec(text)?.[1] ?? null;
  return { id: get('id'), stat: get('stat'), err: get('err') };
}

export class SmppChannel extends EventEmitter implements SmsChannel {
  readonly kind = 'smpp' as const;
  state: SmppState = 'idle';
  /** Why the last bind or connection failed, for the settings screen (zh-CN / en). */
  lastError: string | null = null;
  private session: Session | null = null;
  private backoff: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private keepAlive: NodeJS.Timeout | null = null;
  private pending = new Map<number, { reject: (e: ChannelError) => void; timer: NodeJS.Timeout }>();
  private ref = Math.floor(Math.random() * 256);
  private consecutiveTimeouts = 0;
  /** Submits that timed out, by sequence number: a late answer still tells us the gateway's id. */
  private late = new Map<number, { ref: number; partNo: number }>();
  private closing = false;

  constructor(private readonly config: SmppConfig) {
    super();
    this.backoff = config.reconnectMinMs ?? 500;
  }

  get ready(): boolean {
    return this.state === 'bound';
  }

  /** Connects and binds; reconnects by itself after a drop until close(). */
  start(): void {
    this.closing = false;
    this.connect();
  }

  /** Resolves once bound, rejects with the bind error (for the settings screen's "test"). */
  waitBound(timeoutMs = 10_000): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        cleanup();
        reject(new Error(this.lastError ?? '连接网关超时 / Timed out connecting to the gateway'));
      }, timeoutMs);
      const onState = () => {
        if (this.state === 'bound') {
          cleanup();
          resolve();
        } else if (this.state === 'refused') {
          cleanup();
          reject(new Error(this.lastError ?? 'bind refused'));
        }
      };
      const cleanup = () => {
        clearTimeout(t);
        this.off('state', onState);
      };
      this.on('state', onState);
    });
  }

  private setState(s: SmppState, error: string | null = null): void {
    this.state = s;
    if (error) this.lastError = error;
    this.emit('state', s);
  }

  private connect(): void {
    if (this.closing) return;
    this.setState('connecting');
    const session = smpp.connect({ host: this.config.host, port: this.config.port });
    this.session = session;
    session.on('connect', () => {
      session.socket.setNoDelay(true);
      session.bind_transceiver(
        { system_id: this.config.systemId, password: this.config.password, system_type: this.config.systemType ?? '', interface_version: 0x34 },
        (resp) => {
          if (resp.command_status !== smpp.ESME_ROK) {
            const name = smppErrorName(resp.command_status);
            const why =
              resp.command_status === smpp.ESME_RINVPASWD || resp.command_status === smpp.ESME_RINVSYSID
                ? '账号或密码错误'
                : '网关拒绝登录';
            this.setState('refused', `${why}(${name}),请检查短信网关设置 / The gateway refused the bind (${name}): check the system id and password`);
            session.destroy();
            return;
          }
          this.backoff = this.config.reconnectMinMs ?? 500;
          this.lastError = null;
          this.setState('bound');
          this.startKeepAlive(session);
        },
      );
    });
    session.on('deliver_sm', (pdu: Pdu) => this.onDeliver(session, pdu));
    session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('error', (e: Error) => {
      this.lastError = `无法连接短信网关 ${this.config.host}:${this.config.port}(${e.message}) / Cannot reach the SMS gateway`;
    });
    session.on('close', () => this.onClose(session));
  }

  private startKeepAlive(session: Session): void {
    const period = this.config.enquireLinkMs ?? 30_000;
    this.keepAlive = setInterval(() => {
      const timer = setTimeout(() => session.destroy(), this.config.responseTimeoutMs ?? 10_000);
      session.enquire_link(() => clearTimeout(timer));
    }, period);
  }

  private onClose(session: Session): void {
    if (this.session !== session) return;
    this.session = null;
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
    // Sequence numbers start again on the next session: a late answer can only come on this one.
    this.late.clear();
    // Submits in flight may have reached the gateway: their fate is unknown.
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new ChannelError('maybe', '提交时与网关的连接中断 / The gateway connection dropped while submitting'));
    }
    this.pending.clear();
    const refused = this.state === 'refused';
    if (!refused) this.setState('down', this.lastError ?? '与短信网关的连接已断开 / The gateway connection dropped');
    if (this.closing) {
      this.setState('closed');
      return;
    }
    // A refused bind retries slowly: a wrong password will not fix itself, but a restarted
    // gateway will take it again.
    const wait = refused ? (this.config.reconnectMaxMs ?? 30_000) : this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.config.reconnectMaxMs ?? 30_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, wait);
  }

  private onDeliver(session: Session, pdu: Pdu): void {
    session.send(pdu.response());
    const esm = Number(pdu.esm_class ?? 0);
    const sm = pdu.short_message as { message?: string | Buffer } | string | Buffer | undefined;
    const text = typeof sm === 'string' ? sm : Buffer.isBuffer(sm) ? sm.toString('latin1') : String(sm?.message ?? '');
    if ((esm & 0x3c) === 0x04) {
      const parsed = parseReceiptText(text);
      const id = (pdu.receipted_message_id as string | undefined) ?? parsed.id;
      if (!id) return;
      const stat = (parsed.stat ?? '').toUpperCase();
      const delivered = stat === 'DELIVRD' || Number(pdu.message_state) === 2;
      this.emit('receipt', {
        gatewayId: String(id),
        delivered,
        error: delivered ? null : `未送达:${stat || 'UNKNOWN'}${parsed.err ? ` err:${parsed.err}` : ''} / Not delivered`,
      } satisfies SmppReceipt);
    } else {
      this.emit('inbound', { number: normalizedOrDigits(String(pdu.source_addr ?? '')), text } satisfies SmppInbound);
    }
  }

  async submit(sms: OutgoingSms): Promise<string[]> {
    const encoding = encodingOf(sms.text);
    const parts = splitParts(sms.text, encoding);
    // The outbox keeps a long message's reference: parts sent again must carry the one the
    // handset already holds the earlier parts under.
    const ref = sms.concatRef ?? (this.ref = (this.ref + 1) & 0xff);
    const ids: string[] = [];
    /** Some part of this message is with the gateway (accepted now or on an earlier attempt). */
    let anyAccepted = false;
    for (let i = 0; i < parts.length; i++) {
      const earlier = sms.accepted?.get(i + 1);
      if (earlier !== undefined) {
        ids.push(earlier);
        anyAccepted = true;
        continue;
      }
      const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, ref & 0xff, parts.length, i + 1]) : undefined;
      for (let attempt = 1; ; attempt++) {
        try {
          const id = await this.submitPart(sms.number, parts[i]!, encoding === 'ucs2' ? 8 : 0, udh, { ref: sms.ref ?? 0, partNo: i + 1 });
          // Recorded before the next part goes out: from here on this part is never sent again.
          sms.onPartAccepted?.(i + 1, id);
          ids.push(id);
          anyAccepted = true;
          break;
        } catch (e) {
          // A later part refused as "too fast": the gateway holds the earlier ones, so the message
          // must be made whole — the same part again (same UDH reference) after a pause, never an
          // accepted part again. "Too fast" proves this part was not taken: nothing is duplicated.
          if (anyAccepted && e instanceof ChannelError && e.throttled) {
            if (attempt < PART_THROTTLE_RETRIES) {
              await new Promise((r) => setTimeout(r, 200 * attempt));
              continue;
            }
            throw new ChannelError(
              'incomplete',
              `第 ${i + 1}/${parts.length} 段网关持续限流(已试 ${attempt} 次) / Part ${i + 1} of ${parts.length} kept being throttled (${attempt} tries)`,
              true,
            );
          }
          // Without a record of the accepted parts, queueing again would send them twice: the
          // message is no longer "certainly not sent".
          if (anyAccepted && !sms.onPartAccepted && e instanceof ChannelError && e.failure === 'not_sent') throw new ChannelError('maybe', e.message);
          throw e;
        }
      }
    }
    return ids;
  }

  private submitPart(number: string, text: string, dataCoding: number, udh: Buffer | undefined, late: { ref: number; partNo: number }): Promise<string> {
    const session = this.session;
    if (!session || !this.ready) return Promise.reject(new ChannelError('not_sent', '短信网关未连接 / The SMS gateway is not connected'));
    return new Promise((resolve, reject) => {
      const ok = session.submit_sm(
        {
          source_addr: this.config.sourceAddr ?? '',
          source_addr_ton: 0,
          source_addr_npi: 0,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: destination(number),
          esm_class: udh ? 0x40 : 0,
          data_coding: dataCoding,
          registered_delivery: 1,
          short_message: udh ? { udh, message: text } : { message: text },
        },
        (resp) => {
          const p = this.pending.get(resp.sequence_number);
          this.consecutiveTimeouts = 0;
          if (!p) {
            // Answered after its timeout: the message is 待确认, but an id lets a receipt settle it.
            const l = this.late.get(resp.sequence_number);
            this.late.delete(resp.sequence_number);
            if (l && resp.command_status === smpp.ESME_ROK) this.emit('lateAccepted', { ...l, gatewayId: String(resp.message_id) } satisfies SmppLateAccepted);
            return;
          }
          clearTimeout(p.timer);
          this.pending.delete(resp.sequence_number);
          const st = resp.command_status;
          if (st === smpp.ESME_ROK) resolve(String(resp.message_id));
          else if (st === smpp.ESME_RTHROTTLED || st === smpp.ESME_RMSGQFUL) {
            reject(new ChannelError('not_sent', `网关限流(${smppErrorName(st)}) / The gateway is throttling`, true));
          } else reject(new ChannelError('rejected', `网关拒收(${smppErrorName(st)}) / The gateway rejected the message`));
        },
      );
      if (!ok) {
        reject(new ChannelError('not_sent', '短信网关未连接 / The SMS gateway is not connected'));
        return;
      }
      // The sequence number is assigned synchronously by send(); read it from the library's counter.
      const seq = (session as unknown as { sequence: number }).sequence;
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        if (this.late.size >= 10_000) this.late.delete(this.late.keys().next().value!);
        this.late.set(seq, late);
        reject(new ChannelError('maybe', '网关未在规定时间内应答 / The gateway did not answer in time'));
        if (++this.consecutiveTimeouts >= (this.config.maxConsecutiveTimeouts ?? 3)) {
          this.consecutiveTimeouts = 0;
          this.lastError = '网关连续未应答提交,已重新连接 / The gateway stopped answering submits: reconnecting';
          session.destroy();
        }
      }, this.config.responseTimeoutMs ?? 10_000);
      this.pending.set(seq, { reject, timer });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const s = this.session;
    if (!s) {
      this.setState('closed');
      return;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => s.destroy(), 1000);
      s.socket.once('close', () => {
        clearTimeout(t);
        resolve();
      });
      if (this.ready) s.unbind(() => s.close());
      else s.destroy();
    });
  }
}
