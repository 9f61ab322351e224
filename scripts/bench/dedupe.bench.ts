import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { DEMO_PASSWORD } from '../../electron/node/features/demo/seed';
import { log, round, type Metric } from './stats';

/**
 * 客户去重 at scale. dedupe.scan.ms: the background scan of the whole customer base (every phone,
 * every ID number, the mobiles of every name two customers share) and storing its groups.
 * dedupe.candidates.ms: what the screen waits for — the first page of candidate groups with their
 * customers, as the administrator sees them, through dispatch (goal ≤ 2,000 ms; median of 5).
 */
export async function benchDedupe(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const t = performance.now();
    await core.services.dedupe.scan();
    const scanMs = performance.now() - t;
    const status = core.services.dedupe.status();
    log(`dedupe: scan ${scanMs.toFixed(0)} ms, ${status.groups} groups`);
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await dispatch(core, token, 'dedupe.groups', { limit: 50 });
      times.push(performance.now() - t0);
      if (!r.result.ok) throw new Error(`dedupe.groups failed: ${r.result.error.message}`);
    }
    times.sort((a, b) => a - b);
    log(`dedupe: first page ${times.map((x) => x.toFixed(0)).join(' / ')} ms`);
    return [
      { name: 'dedupe.scan.ms', value: round(scanMs, 0), unit: 'ms', baseline: null },
      { name: 'dedupe.candidates.ms', value: round(times[2]!, 1), unit: 'ms', baseline: null, goal: '≤ 2,000 ms' },
    ];
  } finally {
    core.close();
  }
}
