/**
 * The seat's SIP user agent (sip.js over WebSocket), without React: registration with automatic
 * re-registration and back-off, inbound and outbound calls, hold / resume, mute, DTMF, blind
 * transfer, consult (warm) transfer with REFER / Replaces, a three-way call mixed here, hang-up. The provider (SoftphoneProvider.tsx) turns its events into the call log,
 * the screen pop and the panels.
 */
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  type URI,
  type Web,
  type Session,
} from 'sip.js';
import type { SoftphoneCredentials } from '../../../electron/common/api/telephony';

export type RegStatus =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'registered'; extension: string }
  | { kind: 'failed'; reason: 'wrongPassword' | 'unknownUser' | 'unreachable' | 'rejected'; code?: number; text?: string; retryInS?: number };

export type LineState = 'ringing' | 'calling' | 'connected' | 'ended';

export interface Line {
  id: string;
  direction: 'inbound' | 'outbound';
  /** The other party: caller ID (inbound) or the dialled number (outbound, without the prefix). */
  remote: string;
  state: LineState;
  held: boolean;
  muted: boolean;
  /** performance.now() when the INVITE arrived or was sent (screen-pop figure). */
  t0: number;
  session: Session;
  /** A consultation call: the id of the (held) line it consults about, until completed or cancelled. */
  consultOf?: string;
  /** In a three-way call with this line (the two are mixed here). */
  conferenceWith?: string;
  /** Why it ended (SIP status of a failed outbound call, 'declined', 'cancelled', 'hangup'). */
  endReason?: 'hangup' | 'declined' | 'cancelled' | 'busy' | 'noAnswer' | 'failed' | 'unavailable' | 'missed';
}

export interface SoftphoneEvents {
  status(s: RegStatus): void;
  line(l: Line): void;
  /** The call is connected and its media streams exist (for the recorder and the speaker). */
  media(l: Line, local: MediaStream, remote: MediaStream): void;
}

const BACKOFF_S = [1, 2, 4, 8, 15, 30];
/** The microphone as the calls take it: raw, the PBX and the recorder get what was said. */
const AUDIO = { audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, video: false };
let seq = 0;

export class Softphone {
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private creds: SoftphoneCredentials | null = null;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  status: RegStatus = { kind: 'off' };
  lines: Line[] = [];

  constructor(private on: SoftphoneEvents) {}

  private setStatus(s: RegStatus) {
    this.status = s;
    this.on.status(s);
  }

  private emit(l: Line) {
    if (l.state === 'ended') this.lines = this.lines.filter((x) => x !== l);
    this.on.line(l);
  }

  async start(creds: SoftphoneCredentials): Promise<void> {
    await this.stop();
    this.creds = creds;
    this.stopped = false;
    this.retry = 0;
    const uri = UserAgent.makeURI(`sip:${creds.extension}@${creds.domain}`);
    if (!uri) throw new Error(`bad SIP URI for ${creds.extension}@${creds.domain}`);
    this.ua = new UserAgent({
      uri,
      authorizationUsername: creds.authUser,
      authorizationPassword: creds.password,
      displayName: creds.displayName || creds.extension,
      transportOptions: { server: creds.wsUrl, connectionTimeout: 5, keepAliveInterval: 15 },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
      logLevel: 'error',
      // A consult transfer's last step arrives as an INVITE that replaces a call we are on (RFC 3891).
      sipExtensionReplaces: SIPExtension.Supported,
      // Our own back-off (BACKOFF_S) decides when to try again; sip.js tries once per call.
      reconnectionAttempts: 1,
      reconnectionDelay: 1,
      delegate: {
        onInvite: (inv) => this.incoming(inv),
        onDisconnect: (err) => {
          if (this.stopped) return;
          if (err) this.scheduleRetry('unreachable');
        },
      },
    });
    this.registerer = new Registerer(this.ua, { expires: 120 });
    this.registerer.stateChange.addListener((st) => {
      if (st === RegistererState.Registered) {
        this.retry = 0;
        this.setStatus({ kind: 'registered', extension: creds.extension });
      }
    });
    await this.connectAndRegister();
  }

  private async connectAndRegister(): Promise<void> {
    if (!this.ua || !this.registerer || this.stopped) return;
    this.setStatus({ kind: 'connecting' });
    try {
      if (this.ua.isConnected()) {
        // already connected (a re-register after a refusal)
      } else if (this.ua.state === 'Started') await this.ua.reconnect();
      else await this.ua.start();
    } catch {
      this.scheduleRetry('unreachable');
      return;
    }
    await this.registerer
      .register({
        requestDelegate: {
          // The registerer may still say Registered after a dropped connection (no state change):
          // the server's 200 is what tells us we are registered again.
          onAccept: () => {
            this.retry = 0;
            if (this.creds) this.setStatus({ kind: 'registered', extension: this.creds.extension });
          },
          onReject: (r) => {
            const code = r.message.statusCode ?? 0;
            const text = r.message.reasonPhrase ?? '';
            if (code === 403 && /password/i.test(text)) this.fail({ kind: 'failed', reason: 'wrongPassword', code, text });
            else if (code === 403 || code === 404) this.fail({ kind: 'failed', reason: 'unknownUser', code, text });
            else this.scheduleRetry('rejected', code, text);
          },
        },
      })
      .catch(() => this.scheduleRetry('unreachable'));
  }

  /** A refusal the user must fix (wrong password): no automatic retry, it would only repeat. */
  private fail(s: RegStatus) {
    this.setStatus(s);
  }

  private scheduleRetry(reason: 'unreachable' | 'rejected', code?: number, text?: string) {
    if (this.stopped || this.retryTimer) return;
    const wait = BACKOFF_S[Math.min(this.retry, BACKOFF_S.length - 1)]!;
    this.retry++;
    this.setStatus({ kind: 'failed', reason, code, text, retryInS: wait });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connectAndRegister();
    }, wait * 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const l of [...this.lines]) await this.hangup(l).catch(() => undefined);
    const ua = this.ua;
    const reg = this.registerer;
    this.ua = null;
    this.registerer = null;
    if (reg?.state === RegistererState.Registered) await reg.unregister().catch(() => undefined);
    if (ua) await ua.stop().catch(() => undefined);
    this.setStatus({ kind: 'off' });
  }

  private track(line: Line) {
    const s = line.session;
    s.delegate = {
      onRefer: (referral) => {
        // We are being transferred: accept and call the target; the old leg ends. A consult
        // transfer's REFER names the call it replaces (Replaces), which our INVITE carries.
        void referral.accept().then(() => {
          const target = referral.referTo.uri.user ?? '';
          if (referral.replaces) this.place(referral.makeInviter({ sessionDescriptionHandlerOptions: { constraints: AUDIO } }), target);
          else void this.call(target, { fromTransfer: true });
        });
      },
    };
    s.stateChange.addListener((st) => {
      if (st === SessionState.Terminated) this.leftCall(line);
      if (st === SessionState.Established) {
        line.state = 'connected';
        this.emit(line);
        const sdh = s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
        if (sdh) this.on.media(line, sdh.localMediaStream, sdh.remoteMediaStream);
      } else if (st === SessionState.Terminated) {
        if (line.state === 'ended') return;
        if (!line.endReason) line.endReason = line.state === 'connected' ? 'hangup' : line.direction === 'inbound' ? 'missed' : 'noAnswer';
        line.state = 'ended';
        this.emit(line);
      }
    });
  }

  private incoming(inv: Invitation) {
    const line: Line = {
      id: `l${++seq}`,
      direction: 'inbound',
      remote: inv.remoteIdentity.uri.user ?? '',
      state: 'ringing',
      held: false,
      muted: false,
      t0: performance.now(),
      session: inv,
    };
    this.lines.push(line);
    this.track(line);
    this.emit(line);
    // The other end of our call, handed over to someone else by a consult transfer: it takes the
    // call's place at once (sip.js ends the replaced one when this is accepted).
    if (inv.replacee) void this.answer(line);
  }

  /** Places a call; `number` is what the user dialled (the prefix is added by the caller). */
  call(number: string, opts: { fromTransfer?: boolean; dial?: string } = {}): Line | null {
    if (!this.ua || !this.creds) return null;
    const target = UserAgent.makeURI(`sip:${opts.dial ?? number}@${this.creds.domain}`);
    if (!target) return null;
    return this.place(new Inviter(this.ua, target, { sessionDescriptionHandlerOptions: { constraints: AUDIO } }), number);
  }

  private place(inviter: Inviter, number: string): Line {
    const line: Line = { id: `l${++seq}`, direction: 'outbound', remote: number, state: 'calling', held: false, muted: false, t0: performance.now(), session: inviter };
    this.lines.push(line);
    this.track(line);
    this.emit(line);
    void inviter
      .invite({
        requestDelegate: {
          // The registerer may still say Registered after a dropped connection (no state change):
          // the server's 200 is what tells us we are registered again.
          onAccept: () => {
            this.retry = 0;
            if (this.creds) this.setStatus({ kind: 'registered', extension: this.creds.extension });
          },
          onReject: (r) => {
            const code = r.message.statusCode ?? 0;
            line.endReason = code === 486 || code === 600 ? 'busy' : code === 480 || code === 404 ? 'unavailable' : code === 487 ? 'cancelled' : code === 603 ? 'declined' : 'failed';
          },
        },
      })
      .catch(() => {
        line.endReason = 'failed';
      });
    return line;
  }

  async answer(line: Line): Promise<void> {
    if (!(line.session instanceof Invitation) || line.state !== 'ringing') return;
    await line.session.accept({ sessionDescriptionHandlerOptions: { constraints: AUDIO } });
  }

  async decline(line: Line): Promise<void> {
    if (!(line.session instanceof Invitation) || line.state !== 'ringing') return;
    line.endReason = 'declined';
    await line.session.reject({ statusCode: 486 });
  }

  async hangup(line: Line): Promise<void> {
    const s = line.session;
    if (s.state === SessionState.Established) {
      line.endReason ??= 'hangup';
      await s.bye();
    } else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) {
      line.endReason ??= 'cancelled';
      await s.cancel();
    } else if (s instanceof Invitation && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) {
      await this.decline(line);
    }
  }

  async setHold(line: Line, hold: boolean): Promise<void> {
    const s = line.session;
    if (s.state !== SessionState.Established || line.held === hold) return;
    s.sessionDescriptionHandlerOptionsReInvite = { hold } as Web.SessionDescriptionHandlerOptions;
    await new Promise<void>((resolve, reject) => {
      void s
        .invite({
          requestDelegate: { onAccept: () => resolve(), onReject: () => reject(new Error('re-INVITE refused')) },
          sessionDescriptionHandlerOptions: { hold } as Web.SessionDescriptionHandlerOptions,
        })
        .catch(reject);
    });
    line.held = hold;
    // Holding also stops what we send, so the other side hears nothing of the room. In a three-way
    // call what we send is the mix and 静音 is the mix's microphone gain (setMute): taken back, the
    // party hears the other one again whether or not we are muted.
    const mixed = this.mixer !== null && line.conferenceWith !== undefined;
    (s.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.enableSenderTracks(!hold && (mixed || !line.muted));
    this.emit(line);
  }

  setMute(line: Line, muted: boolean) {
    line.muted = muted;
    if (this.mixer && line.conferenceWith) {
      // In a three-way call the two parties still hear each other through us: only our voice goes.
      const other = this.lines.find((l) => l.id === line.conferenceWith);
      if (other) other.muted = muted;
      this.mixer.mic.gain.value = muted ? 0 : 1;
      if (other) this.emit(other);
    } else (line.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.enableSenderTracks(!muted && !line.held);
    this.emit(line);
  }

  dtmf(line: Line, tone: string) {
    const sdh = line.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (sdh?.sendDtmf(tone)) return;
    // No RTP DTMF sender: SIP INFO, which PBXs accept as well.
    void line.session.info({ requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100` } } });
  }

  /** Blind transfer (REFER): the other party calls `target`; our leg ends when it is accepted. */
  async transfer(line: Line, target: string): Promise<void> {
    if (!this.creds) return;
    const uri = UserAgent.makeURI(`sip:${target}@${this.creds.domain}`);
    if (!uri || line.session.state !== SessionState.Established) return;
    await this.referAway(line, uri);
  }

  /** REFER on `line` (to a number, or with Replaces to another of our calls); accepted, our leg ends. Rejects with the refusal's status. */
  private async referAway(line: Line, to: URI | Session): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      void line.session
        .refer(to, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (r) => reject(new Error(`${r.message.statusCode ?? ''} ${r.message.reasonPhrase ?? ''}`)),
          },
        })
        .catch(reject);
    });
    line.endReason = 'hangup';
    await line.session.bye().catch(() => undefined);
  }

  /**
   * 咨询转接, first step: the customer's line on hold, a call to `target` to talk it over. Then
   * completeTransfer (the customer and the target talk, we leave), cancelConsult (back to the
   * customer), or conference (all three).
   */
  async consult(line: Line, target: string): Promise<Line | null> {
    if (line.state !== 'connected') return null;
    await this.setHold(line, true);
    const c = this.call(target);
    if (c) {
      c.consultOf = line.id;
      this.emit(c);
    }
    return c;
  }

  /** Completes a consult transfer: REFER with Replaces to the customer, who calls the target in our place. */
  async completeTransfer(consult: Line): Promise<void> {
    const orig = this.lines.find((l) => l.id === consult.consultOf);
    if (!orig || consult.state !== 'connected' || orig.session.state !== SessionState.Established) return;
    this.endConference();
    // Accepted: our leg to the customer ends; the target ends ours to them when the customer's call replaces it.
    await this.referAway(orig, consult.session);
    setTimeout(() => {
      if (consult.session.state === SessionState.Established) void this.hangup(consult).catch(() => undefined);
    }, 10_000);
  }

  /** Cancels a consult transfer: the consultation ends, the customer is back. */
  async cancelConsult(consult: Line): Promise<void> {
    const orig = this.lines.find((l) => l.id === consult.consultOf);
    await this.hangup(consult);
    if (orig) await this.setHold(orig, false);
  }

  /**
   * 三方通话 without a conference bridge: both calls connected, and each party is sent our voice
   * plus the other party's (Web Audio mixes them here). When either call ends the other goes on.
   */
  async conference(consult: Line): Promise<void> {
    const orig = this.lines.find((l) => l.id === consult.consultOf);
    if (!orig || consult.state !== 'connected' || this.mixer) return;
    if (orig.held) await this.setHold(orig, false);
    const sdh = (l: Line) => l.session.sessionDescriptionHandler as Web.SessionDescriptionHandler;
    const ctx = new AudioContext();
    const micTrack = sdh(orig).localMediaStream.getAudioTracks()[0];
    const mic = ctx.createGain();
    if (micTrack) ctx.createMediaStreamSource(new MediaStream([micTrack])).connect(mic);
    const restore: (() => Promise<void>)[] = [];
    for (const [to, from] of [
      [orig, consult],
      [consult, orig],
    ] as const) {
      const out = ctx.createMediaStreamDestination();
      mic.connect(out);
      ctx.createMediaStreamSource(sdh(from).remoteMediaStream).connect(out);
      const sender = sdh(to).peerConnection?.getSenders().find((x) => x.track?.kind === 'audio');
      if (sender) {
        const own = sender.track;
        await sender.replaceTrack(out.stream.getAudioTracks()[0]!);
        sender.track!.enabled = true;
        restore.push(() => sender.replaceTrack(own));
      }
    }
    mic.gain.value = orig.muted ? 0 : 1;
    this.mixer = { ctx, mic, restore };
    orig.conferenceWith = consult.id;
    consult.conferenceWith = orig.id;
    consult.consultOf = undefined;
    this.emit(orig);
    this.emit(consult);
  }

  private mixer: { ctx: AudioContext; mic: GainNode; restore: (() => Promise<void>)[] } | null = null;

  private endConference(): void {
    const m = this.mixer;
    if (!m) return;
    this.mixer = null;
    for (const r of m.restore) void r().catch(() => undefined);
    void m.ctx.close().catch(() => undefined);
    for (const l of this.lines) if (l.conferenceWith) l.conferenceWith = undefined;
  }

  /** A call ended: a three-way call becomes a two-way one; a consultation's customer stays on hold for the agent. */
  private leftCall(line: Line): void {
    if (line.conferenceWith) {
      const other = this.lines.find((l) => l.id === line.conferenceWith);
      this.endConference();
      if (other) {
        (other.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.enableSenderTracks(!other.muted && !other.held);
        this.emit(other);
      }
    }
  }
}
