/**
 * Search-as-you-type without a debounce: the first keystroke's query goes at once, and while one
 * query is in flight only the newest text waits (the ones typed in between are skipped). A reply
 * is shown only if it answers the newest text asked so far, so a slow early reply never paints
 * over a later one.
 *
 * Why not a debounce: a fixed 150 ms pause after the last keystroke was longer than the whole
 * search (≈ 20–40 ms at 1,000,000 customers), so every lookup felt slower than the server is.
 * With one query in flight at a time the server still sees at most one search per reply, however
 * fast someone types.
 */
export class LatestQuery<T> {
  private inFlight = false;
  private waiting: string | null = null;
  private newest = 0;

  constructor(
    private readonly run: (text: string) => Promise<T>,
    private readonly show: (text: string, result: T) => void,
    private readonly fail: (text: string, err: unknown) => void,
  ) {}

  /** The box now says `text` (trimmed, non-empty); null when it was cleared. */
  ask(text: string | null): void {
    this.newest++;
    if (text === null) {
      this.waiting = null;
      return;
    }
    if (this.inFlight) this.waiting = text;
    else this.start(text, this.newest);
  }

  private start(text: string, ticket: number): void {
    this.inFlight = true;
    this.run(text).then(
      (result) => this.settle(ticket, () => this.show(text, result)),
      (err: unknown) => this.settle(ticket, () => this.fail(text, err)),
    );
  }

  private settle(ticket: number, deliver: () => void): void {
    this.inFlight = false;
    if (ticket === this.newest) deliver();
    const next = this.waiting;
    if (next !== null) {
      this.waiting = null;
      this.start(next, this.newest);
    }
  }
}
