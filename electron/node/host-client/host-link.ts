/**
 * Whether this client seat can reach its host, as the status bar shows it (已连接主机 / 正在重连…).
 *
 * Requests and event sockets report what they meet: any answer from the host is "up", a network
 * failure is "down", a refusal that retrying cannot cure (the certificate changed, the seat was
 * revoked or never known, another API version) is "refused" and stays so until the seat is paired
 * again. While down, a cheap pinned GET /lan/hello is tried with back-off, so the link comes back
 * (and the open screens refresh) even when nobody is logged in and no event socket is open.
 */
import type { LinkStatus, SeatProblem } from '../../common/api/seat-mode';
import { Backoff } from './backoff';

export type ProbeOutcome = 'ok' | 'unreachable' | SeatProblem;

export class HostLink {
  private status: LinkStatus = { state: 'connected' };
  private readonly listeners = new Set<(s: LinkStatus) => void>();
  private readonly backoff = new Backoff();
  private timer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(private readonly probe: () => Promise<ProbeOutcome>) {}

  get(): LinkStatus {
    return this.status;
  }

  onChange(listener: (s: LinkStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The host answered (any HTTP answer, an open socket). */
  up(): void {
    if (this.status.state !== 'reconnecting') return;
    this.stopProbing();
    this.backoff.reset();
    this.set({ state: 'connected' });
  }

  /** A network failure: the host is not reachable right now. */
  down(): void {
    if (this.status.state !== 'connected' || this.disposed) return;
    this.set({ state: 'reconnecting' });
    this.scheduleProbe();
  }

  /** A refusal retrying cannot cure: the seat must be paired again (or the same version installed). */
  refuse(problem: SeatProblem): void {
    this.stopProbing();
    if (this.status.state === 'refused' && this.status.problem === problem) return;
    this.set({ state: 'refused', problem });
  }

  dispose(): void {
    this.disposed = true;
    this.stopProbing();
    this.listeners.clear();
  }

  private set(s: LinkStatus): void {
    this.status = s;
    for (const l of [...this.listeners]) l(s);
  }

  private stopProbing(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleProbe(): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.probe().then((outcome) => {
        if (this.disposed || this.status.state !== 'reconnecting') return;
        if (outcome === 'ok') this.up();
        else if (outcome === 'unreachable') this.scheduleProbe();
        else this.refuse(outcome);
      });
    }, this.backoff.take());
    this.timer.unref?.();
  }
}
