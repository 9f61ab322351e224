/**
 * The seats bench's machinery (scripts/bench/seats*.ts) on a small dealership: 2,000 seeded
 * customers, 4 seats for a few seconds against the real host process. It checks what a reader of
 * the figures relies on — the metric names are there, every write the host acknowledged is found
 * in the database afterwards, the event latency was measured on real hand-outs — and that a seat
 * whose user typed a wrong password shows up in the errors instead of vanishing from the figures.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/core';
import { benchSeed } from './seed.bench';
import { runSeats, type SeatsRun } from './seats.bench';
import type { SeatPlan } from './seats-setup';

const PLAN: SeatPlan[] = [
  { username: 'sales1', role: 'consultant' },
  { username: 'service1', role: 'agent' },
  { username: 'csmanager', role: 'csManager' },
  { username: 'front1', role: 'frontDesk', create: 'salesConsultant', wrongPassword: true },
];

let dataDir: string;
let run: SeatsRun;

beforeAll(async () => {
  dataDir = tempDir('dscrm-seats-bench-');
  await benchSeed(dataDir, 2_000);
  // No warm-up hand-outs: 2,000 customers give 任务分配 only a few open tasks, kept for the timed ones.
  run = await runSeats(dataDir, 4, PLAN, { warmUpTasksPerAgent: 0 });
}, 120_000);
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('seats bench (4 seats, 2,000 customers, 4 s)', () => {
  it('reports every figure by its name', () => {
    expect(run.metrics.map((m) => m.name)).toEqual(['seats.4.p95_ms', 'seats.4.errors', 'seats.4.sqlite_busy', 'seats.4.writes_missing', 'seats.event_latency.p95_ms', 'wallboard.event_latency.p95_ms']);
    for (const m of run.metrics) expect(Number.isFinite(m.value), m.name).toBe(true);
  });

  it('finds every acknowledged write in the database, and checked some', () => {
    const missing = run.metrics.find((m) => m.name === 'seats.4.writes_missing')!;
    expect(missing.value).toBe(0);
    const checked = Number(/of (\d+) acknowledged/.exec(String(missing.goal))?.[1]);
    expect(checked).toBeGreaterThan(0);
  });

  it('measured the event latency on at least one 任务分配 hand-out', () => {
    expect(run.handOuts).toBeGreaterThanOrEqual(1);
    expect(run.metrics.find((m) => m.name === 'seats.event_latency.p95_ms')!.value).toBeGreaterThan(0);
  });

  it('measured the wall board latency on the agent’s first 就绪 at least', () => {
    expect(run.stateChanges).toBeGreaterThanOrEqual(1);
    expect(run.metrics.find((m) => m.name === 'wallboard.event_latency.p95_ms')!.value).toBeGreaterThan(0);
  });

  it('counts the seat with the wrong password in the errors: its refused login and its calls without a session', () => {
    expect(run.errors['auth.login BAD_CREDENTIALS']).toBe(1);
    const unauthenticated = Object.entries(run.errors).filter(([k]) => k.endsWith(' UNAUTHENTICATED'));
    expect(unauthenticated.length).toBeGreaterThan(0);
    const total = Object.values(run.errors).reduce((a, b) => a + b, 0);
    expect(run.metrics.find((m) => m.name === 'seats.4.errors')!.value).toBe(total);
  });
});
