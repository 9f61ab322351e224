import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/dates';
import { isLowScore, isRealDescription, lowScoreDueDate } from './low-score';
import { revisitRange, selectRevisits, tabOf, type RevisitCandidate } from './revisit-lists';
import { revisitScore, templateKindOf } from './revisit-templates';

describe('revisit list range (default: delivered / repaired in the last 3 dealer days)', () => {
  it.each([
    ['2026-11-30', '2026-11-28', '2026-11-30'],
    ['2026-03-01', '2026-02-27', '2026-03-01'], // month end, not a leap year
    ['2028-03-01', '2028-02-28', '2028-03-01'], // leap day inside the window
    ['2028-03-02', '2028-02-29', '2028-03-02'],
    ['2027-01-01', '2026-12-30', '2027-01-01'], // year end
  ])('today %s → %s … %s', (today, from, to) => {
    expect(revisitRange(today)).toEqual({ from, to });
  });

  it('keeps a given range and swaps one typed backwards', () => {
    expect(revisitRange('2026-11-30', '2026-11-01', '2026-11-10')).toEqual({ from: '2026-11-01', to: '2026-11-10' });
    expect(revisitRange('2026-11-30', '2026-11-10', '2026-11-01')).toEqual({ from: '2026-11-01', to: '2026-11-10' });
  });

  it.each([
    [Date.UTC(2026, 10, 29, 15, 59), '2026-11-29'], // 23:59 in Shanghai
    [Date.UTC(2026, 10, 29, 16, 0), '2026-11-30'], // 00:00 in Shanghai, still the 29th in UTC
  ])('the dealer day at %i is %s with the machine in UTC', (now, day) => {
    expect(todayIn('Asia/Shanghai', now)).toBe(day);
    expect(revisitRange(todayIn('Asia/Shanghai', now)).to).toBe(day);
  });
});

const ev = (eventId: number, date: string, latest: RevisitCandidate['latest'], dndRevisit = false): RevisitCandidate => ({ eventId, date, latest, dndRevisit });

describe('revisit tabs', () => {
  it.each([
    [null, 'pending'],
    [{ status: 'open', needsRevisitAgain: false }, 'pending'],
    [{ status: 'unreachable', needsRevisitAgain: false }, 'unreachable'], // 未接通 is retried, not done
    [{ status: 'done', needsRevisitAgain: true }, 'again'],
    [{ status: 'done', needsRevisitAgain: false }, 'done'],
  ] as const)('latest %j → %s', (latest, tab) => {
    expect(tabOf(latest)).toBe(tab);
  });

  const range = { from: '2026-11-28', to: '2026-11-30' };
  const rows = [
    ev(1, '2026-11-28', null),
    ev(2, '2026-11-30', null, true), // DND: left out, counted
    ev(3, '2026-11-27', null), // the day before the range
    ev(4, '2026-11-29', { status: 'unreachable', needsRevisitAgain: false }),
    ev(5, '2026-11-29', { status: 'unreachable', needsRevisitAgain: false }, true),
    ev(6, '2026-11-30', { status: 'done', needsRevisitAgain: true }),
    ev(7, '2026-11-30', { status: 'done', needsRevisitAgain: false }, true), // history keeps DND customers
  ];

  it.each([
    ['pending', [1], 1],
    ['unreachable', [4], 1],
    ['again', [6], 0],
    ['done', [7], 0],
  ] as const)('%s lists %j and leaves out %i DND customers', (tab, ids, dnd) => {
    const r = selectRevisits(rows, tab, range);
    expect(r.rows.map((x) => x.eventId)).toEqual(ids);
    expect(r.excludedDnd).toBe(dnd);
    expect(r.counts).toEqual({ pending: 1, unreachable: 1, again: 1, done: 1 });
  });
});

describe('templates', () => {
  it.each([
    ['销售回访模板', 'sales'],
    ['新车维修回访', 'repair'],
    ['回访模板', null], // neither: not offered anywhere, refused
    ['销售及维修回访', null], // both: ambiguous, refused
  ])('%s → %s', (name, kind) => {
    expect(templateKindOf(name)).toBe(kind);
  });

  const yesNo = [{ label: '是', score: 10 }, { label: '否', score: 0 }];
  const five = [0, 3, 6, 8, 10].map((score) => ({ label: String(score), score }));
  it.each([
    [[{ options: yesNo, optionIndex: 0 }, { options: five, optionIndex: 4 }], 100],
    [[{ options: yesNo, optionIndex: 1 }, { options: five, optionIndex: 3 }], 40],
    [[{ options: [{ label: 'a', score: 0 }, { label: 'b', score: 0 }], optionIndex: 0 }], null], // no scored question
  ])('score of %j is %s', (answers, score) => {
    expect(revisitScore(answers)).toBe(score);
  });
});

describe('CSI / SSI low scores', () => {
  it.each([
    [79.9, 'satisfied', 80, true],
    [80, 'satisfied', 80, false], // exactly the threshold is not low
    [100, 'dissatisfied', 80, true], // dissatisfied is always low
    [null, 'neutral', 80, false],
  ] as const)('score %s result %s threshold %i → low %s', (score, result, threshold, low) => {
    expect(isLowScore(score, result, threshold)).toBe(low);
  });

  // Created on day D, due D+3 — calendar days, weekends count (see low-score.ts).
  it.each([
    ['2026-11-25', '2026-11-28'], // Wednesday → Saturday
    ['2026-11-27', '2026-11-30'], // Friday → Monday: the weekend counts
    ['2026-11-28', '2026-12-01'], // Saturday, over a month end
    ['2028-02-27', '2028-03-01'], // over a leap day
    ['2027-02-27', '2027-03-02'],
    ['2026-12-30', '2027-01-02'],
  ])('created %s → due %s', (created, due) => {
    expect(lowScoreDueDate(created)).toBe(due);
  });

  it.each([
    ['已跟进', false],
    [' 已跟进。', false],
    ['【未接通】!!', false],
    ['已跟进,未接通', false],
    ['', false],
    ['...', false],
    ['已跟进:客户同意周六回店免费复检刹车异响', true],
    ['Called back, the noise is fixed', true],
  ])('%j is a real description: %s', (text, ok) => {
    expect(isRealDescription(text)).toBe(ok);
  });
});
