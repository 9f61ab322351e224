import type { DataHealthStatus } from '../../common/api/system';
import { checkDatabase, type CheckResult, type IntegrityCheck } from './integrity';

/**
 * Whether the database may be written. Set damaged by the start-up quick_check, the nightly
 * integrity_check or a query that met SQLITE_CORRUPT; from then on dispatch refuses changes (reads
 * that still work go on) and every screen shows the banner until the file is restored and the app
 * restarted. Never cleared while running: a damaged file does not heal.
 */
export class DataHealth {
  private damage: { since: number; source: 'startup' | 'nightly' | 'runtime'; problems: string[] } | null = null;
  /** The last completed check (for the bench and the job log). */
  lastCheck: { check: IntegrityCheck; ms: number; ok: boolean } | null = null;
  /** Settles when the start-up check has finished (tests and the bench wait for it). */
  checked: Promise<CheckResult | null> = Promise.resolve(null);

  constructor(
    private readonly file: string,
    readonly backupsDir: string,
    private readonly now: () => number,
  ) {}

  private restoringSince: number | null = null;

  /** 恢复 is under way: changes are refused (RESTORING) from the safety copy until the core restarts. */
  get restoring(): boolean {
    return this.restoringSince !== null;
  }

  beginRestore(): void {
    this.restoringSince ??= this.now();
  }

  endRestore(): void {
    this.restoringSince = null;
  }

  get damaged(): boolean {
    return this.damage !== null;
  }

  markDamaged(source: 'startup' | 'nightly' | 'runtime', problems: string[]): void {
    if (this.damage) return;
    this.damage = { since: this.now(), source, problems: problems.slice(0, 20) };
    console.error(`[data] database damaged (${source}); changes are refused until it is restored from ${this.backupsDir}:\n  ${problems.slice(0, 5).join('\n  ')}`);
  }

  /** Runs a check off the main thread; a damaged verdict stops writing. */
  async check(check: IntegrityCheck, source: 'startup' | 'nightly'): Promise<CheckResult> {
    const r = await checkDatabase(this.file, check);
    this.lastCheck = { check, ms: r.ms, ok: r.ok };
    if (!r.ok) this.markDamaged(source, r.problems);
    else if (r.failed) console.warn(`[data] ${check} could not run: ${r.problems.join('; ')}`);
    return r;
  }

  startupCheck(): void {
    this.checked = this.check('quick_check', 'startup').catch((err: unknown) => {
      console.warn('[data] quick_check could not run:', err);
      return null;
    });
  }

  status(): DataHealthStatus {
    return this.damage ? { damaged: true, since: this.damage.since, source: this.damage.source, backupsDir: this.backupsDir } : { damaged: false, backupsDir: this.backupsDir };
  }
}
