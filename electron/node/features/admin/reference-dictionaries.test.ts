import { afterEach, describe, expect, it } from 'vitest';
import { ensureReferenceData } from '../../reference-data';
import { ABANDON_REASONS } from './reference-dictionaries';
import { makeCore, type TestCore } from '../../../../tests/support/core';

let t: TestCore | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

const codes = (tc: TestCore, kind: string) =>
  tc.core.sqlite.prepare('SELECT code FROM dictionaries WHERE kind = ? AND active = 1 ORDER BY sort, code').pluck().all(kind) as string[];

describe('standard dictionaries', () => {
  it('a new, unseeded database has the lists the forms need: sources, models, abandon reasons, brands, activity types', async () => {
    t = await makeCore();
    expect(codes(t, 'source')).toEqual(['market', 'phone', 'outbound', 'showroom', 'other']);
    expect(codes(t, 'model')).toContain('magotan');
    expect(codes(t, 'abandon_reason')).toContain('competitor');
    expect(codes(t, 'brand').length).toBeGreaterThan(3);
    expect(codes(t, 'activity_type')).toContain('call');
  });

  it('a new, unseeded database offers every shipped abandon reason in order: the abandon dialog has no list of its own', async () => {
    t = await makeCore();
    expect(codes(t, 'abandon_reason')).toEqual(['price', 'competitor', 'postponed', 'budget', 'unreachable', 'other_dealer', 'other']);
    expect(codes(t, 'abandon_reason')).toEqual(ABANDON_REASONS.map((r) => r.code));
  });

  it("an administrator's changes to a list (deactivated, renamed, added entries) survive the next start", async () => {
    t = await makeCore();
    const db = t.core.sqlite;
    db.prepare("UPDATE dictionaries SET active = 0 WHERE kind = 'source' AND code = 'outbound'").run();
    db.prepare("UPDATE dictionaries SET label_zh = '市场活动' WHERE kind = 'source' AND code = 'market'").run();
    db.prepare("INSERT INTO dictionaries (kind, code, label_zh, label_en, sort, active) VALUES ('source', 'fair', '车展', 'Motor show', 99, 1)").run();
    ensureReferenceData(db);
    expect(codes(t, 'source')).toEqual(['market', 'phone', 'showroom', 'other', 'fair']);
    expect(db.prepare("SELECT label_zh FROM dictionaries WHERE kind = 'source' AND code = 'market'").pluck().get()).toBe('市场活动');
  });
});
