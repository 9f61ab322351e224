import { describe, expect, it } from 'vitest';
import { runKillScenario } from '../../../../tests/support/smsc-kill';

describe('kill -9 while sending a batch', () => {
  it('after a restart every message reached the SMSC exactly once, except those marked unknown (at most once)', async () => {
    const r = await runKillScenario(1500, 400);
    expect(r.receivedBeforeKill).toBeGreaterThanOrEqual(400);
    expect(r.receivedBeforeKill).toBeLessThan(1500); // killed mid-batch, not after it
    expect(r.duplicates).toBe(0);
    expect(r.lost).toBe(0);
    expect(r.sentButMissing).toBe(0);
    expect(r.recoveredBySecondRun).toBe(r.unknown);
    // Everything that is not unknown was received exactly once: n − unknown distinct texts.
    expect(r.n - r.unknown).toBeGreaterThan(1000);
  }, 180_000);
});
