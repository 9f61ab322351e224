/**
 * An SMSC simulator on loopback: npm `smpp`'s own server, bound by system id / password. It
 * records every submit_sm it accepts (what a gateway would have received), answers with message
 * ids, sends delivery receipts, can refuse binds, reject numbers, drop every connection after the
 * n-th submit, misbehave at part k of long messages (refuse it as too fast, drop the link, or
 * swallow it unanswered), and send inbound messages (MO) to bound clients.
 */
import type net from 'node:net';
import smpp, { type Pdu, type Session } from 'smpp';

export interface ReceivedSms {
  messageId: string;
  number: string;
  text: string;
  dataCoding: number;
  /** Concatenation: reference, total, part number (1-based); null for a single message. */
  concat: { ref: number; total: number; seq: number } | null;
}

export interface SmscOptions {
  systemId?: string;
  password?: string;
  /** Send a receipt for every accepted part (default true). */
  receipts?: boolean;
  /** Numbers (as received) whose receipt says UNDELIV. */
  undeliverable?: Set<string>;
  /** Numbers the SMSC rejects at submit (ESME_RINVDSTADR). */
  rejected?: Set<string>;
  receiptDelayMs?: number;
  /** Like a real gateway's account limit: more submit_sm than this in one second get ESME_RTHROTTLED. */
  maxSubmitsPerSecond?: number;
}

/**
 * What the SMSC does when part `seq` of a long message arrives, instead of taking it:
 * - 'throttle': answers ESME_RTHROTTLED (the part is not taken);
 * - 'drop': cuts every connection, like a gateway restart between parts (not taken);
 * - 'hang': neither takes nor answers it (a link or process that died with the part on the wire).
 * `times` (default: until `partFault` is set to null) counts how often it happens.
 */
export interface PartFault {
  seq: number;
  kind: 'throttle' | 'drop' | 'hang';
  times?: number;
}

export interface Smsc {
  port: number;
  received: ReceivedSms[];
  binds: number;
  /** false: submit_sm is taken (and delivered) but never answered, while enquire_link still is. */
  answerSubmits: boolean;
  /** Answer submit_sm this late (ms), receipts after the answer. */
  submitAnswerDelayMs: number;
  /** submit_sm answered ESME_RTHROTTLED (over maxSubmitsPerSecond). */
  throttled: number;
  /** enquire_link PDUs received (keep-alive). */
  enquireLinks: number;
  /** false: enquire_link goes unanswered, like a gateway that hung without closing the socket. */
  answerEnquireLink: boolean;
  /** Misbehave at part k of every long message (see PartFault); null: take every part. */
  partFault: PartFault | null;
  /** submit_sm PDUs met by partFault. */
  partFaults: number;
  /** Drop every connection right after accepting (and answering) the n-th submit from now on. */
  dropAfter(n: number): void;
  /** Drop every connection now. */
  dropAll(): void;
  /** An inbound message (MO) to every bound client. */
  sendMo(from: string, text: string): void;
  close(): Promise<void>;
}

export async function startSmsc(opts: SmscOptions = {}): Promise<Smsc> {
  const systemId = opts.systemId ?? 'dscrm';
  const password = opts.password ?? 'secret12';
  const received: ReceivedSms[] = [];
  let nextId = 1;
  let dropAt: number | null = null;
  const bound = new Set<Session>();
  const sockets = new Set<net.Socket>();
  const state = {
    binds: 0,
    enquireLinks: 0,
    answerEnquireLink: true,
    throttled: 0,
    answerSubmits: true,
    submitAnswerDelayMs: 0,
    partFault: null as PartFault | null,
    partFaults: 0,
  };
  const recentSubmits: number[] = [];

  const server = smpp.createServer((session: Session) => {
    sockets.add(session.socket);
    session.socket.setNoDelay(true);
    session.socket.on('close', () => {
      sockets.delete(session.socket);
      bound.delete(session);
    });
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: Pdu) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        session.send(pdu.response({ command_status: smpp.ESME_RINVPASWD }));
        return;
      }
      state.binds++;
      bound.add(session);
      session.send(pdu.response());
    });
    session.on('enquire_link', (pdu: Pdu) => {
      state.enquireLinks++;
      if (state.answerEnquireLink) session.send(pdu.response());
    });
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: Pdu) => {
      if (!bound.has(session)) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVBNDSTS }));
        return;
      }
      if (opts.maxSubmitsPerSecond !== undefined) {
        const now = Date.now();
        while (recentSubmits.length && now - recentSubmits[0]! >= 1000) recentSubmits.shift();
        if (recentSubmits.length >= opts.maxSubmitsPerSecond) {
          state.throttled++;
          session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
          return;
        }
        recentSubmits.push(now);
      }
      const number = String(pdu.destination_addr);
      if (opts.rejected?.has(number)) {
        session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
        return;
      }
      const sm = pdu.short_message as { udh?: Buffer[]; message: string | Buffer };
      const udh = sm.udh?.[0];
      const fault = state.partFault;
      if (fault && udh && udh[0] === 0x00 && udh[4] === fault.seq) {
        state.partFaults++;
        if (fault.times !== undefined && --fault.times <= 0) state.partFault = null;
        if (fault.kind === 'throttle') session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
        else if (fault.kind === 'drop') for (const s of sockets) s.destroy();
        return;
      }
      const messageId = `M${(nextId++).toString(16).toUpperCase().padStart(8, '0')}`;
      function sendReceipt(): void {
        if (opts.receipts !== false && Number(pdu.registered_delivery) & 1) {
          const ok = !opts.undeliverable?.has(number);
          const send = () => {
            if (!bound.has(session)) return;
            const stat = ok ? 'DELIVRD' : 'UNDELIV';
            session.deliver_sm({
              source_addr: number,
              destination_addr: String(pdu.source_addr ?? ''),
              esm_class: 0x04,
              receipted_message_id: messageId,
              message_state: ok ? 2 : 5,
              short_message: `id:${messageId} sub:001 dlvrd:${ok ? '001' : '000'} submit date:2611301200 done date:2611301200 stat:${stat} err:${ok ? '000' : '001'} text:`,
            });
          };
          if (opts.receiptDelayMs) setTimeout(send, opts.receiptDelayMs);
          else setImmediate(send);
        }
      }
      received.push({
        messageId,
        number,
        text: typeof sm.message === 'string' ? sm.message : sm.message.toString(),
        dataCoding: Number(pdu.data_coding),
        concat: udh && udh[0] === 0x00 ? { ref: udh[2]!, total: udh[3]!, seq: udh[4]! } : null,
      });
      // A hung gateway takes the message (and later delivers it) without answering the submit; a
      // slow one answers late. Receipts follow the answer, as a real SMSC's do.
      if (!state.answerSubmits) return;
      const answer = () => bound.has(session) && session.send(pdu.response({ message_id: messageId }));
      if (state.submitAnswerDelayMs > 0) {
        setTimeout(() => {
          answer();
          sendReceipt();
        }, state.submitAnswerDelayMs);
        return;
      }
      answer();
      if (dropAt !== null && received.length >= dropAt) {
        dropAt = null;
        // Let the response reach the client's socket buffer first, then cut the link like a gateway restart.
        setImmediate(() => {
          for (const s of sockets) s.destroy();
        });
        return;
      }
      sendReceipt();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    get binds() {
      return state.binds;
    },
    get answerSubmits() {
      return state.answerSubmits;
    },
    set answerSubmits(v: boolean) {
      state.answerSubmits = v;
    },
    get submitAnswerDelayMs() {
      return state.submitAnswerDelayMs;
    },
    set submitAnswerDelayMs(v: number) {
      state.submitAnswerDelayMs = v;
    },
    get throttled() {
      return state.throttled;
    },
    get enquireLinks() {
      return state.enquireLinks;
    },
    get partFault() {
      return state.partFault;
    },
    set partFault(v: PartFault | null) {
      state.partFault = v ? { ...v } : null;
    },
    get partFaults() {
      return state.partFaults;
    },
    get answerEnquireLink() {
      return state.answerEnquireLink;
    },
    set answerEnquireLink(v: boolean) {
      state.answerEnquireLink = v;
    },
    dropAfter(n) {
      dropAt = received.length + n;
    },
    dropAll() {
      for (const s of sockets) s.destroy();
    },
    sendMo(from, text) {
      for (const s of bound) s.deliver_sm({ source_addr: from, destination_addr: '10690000', esm_class: 0, data_coding: 8, short_message: { message: text } });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
