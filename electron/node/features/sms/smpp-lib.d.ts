/**
 * The few parts of npm `smpp` 0.5.x (plain JS, no types) that the SMPP channel and the SMSC
 * simulator use. Kept minimal on purpose: the library is unmaintained, so everything it does not
 * do (windowing, timeouts, reconnect) lives in smpp-channel.ts.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Socket, Server as NetServer } from 'node:net';

  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
    isResponse(): boolean;
  }

  export interface Session extends EventEmitter {
    socket: Socket;
    send(pdu: Pdu, responseCallback?: (resp: Pdu) => void, sendCallback?: (pdu: Pdu) => void): boolean;
    bind_transceiver(options: Record<string, unknown>, cb?: (resp: Pdu) => void): boolean;
    submit_sm(options: Record<string, unknown>, cb?: (resp: Pdu) => void): boolean;
    deliver_sm(options: Record<string, unknown>, cb?: (resp: Pdu) => void): boolean;
    enquire_link(options?: Record<string, unknown> | ((resp: Pdu) => void), cb?: (resp: Pdu) => void): boolean;
    unbind(options?: Record<string, unknown> | ((resp: Pdu) => void), cb?: (resp: Pdu) => void): boolean;
    close(cb?: () => void): void;
    destroy(cb?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { host: string; port: number }, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): Server;

  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    ESME_ROK: number;
    ESME_RBINDFAIL: number;
    ESME_RINVPASWD: number;
    ESME_RINVSYSID: number;
    ESME_RTHROTTLED: number;
    ESME_RMSGQFUL: number;
    ESME_RINVDSTADR: number;
    ESME_RSYSERR: number;
    errors: Record<string, number>;
  };
  export default smpp;
}
