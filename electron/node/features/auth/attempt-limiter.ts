import { AppError } from '../../errors';

/**
 * At most `limit` tasks at once per key (a client address): one address cannot start hundreds of
 * password checks (each a ~80 ms scrypt) at the same time. Over the limit: TOO_MANY_ATTEMPTS at once.
 */
export class AttemptLimiter {
  private running = new Map<string, number>();

  constructor(private limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const n = this.running.get(key) ?? 0;
    if (n >= this.limit) throw new AppError('TOO_MANY_ATTEMPTS');
    this.running.set(key, n + 1);
    try {
      return await task();
    } finally {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    }
  }
}
