import { describe, expect, it } from 'vitest';
import { applyRule, birthdayMds, defaultRange, estimatedMileage, isLocalPlate, qualifies, type RuleCtx, type VehicleFacts } from './reminder-rules';
import { nextServiceDate } from './next-service';
import { addMonths, todayIn } from '../../../common/dates';

const TODAY = '2026-11-30';
const v = (over: Partial<VehicleFacts> = {}): VehicleFacts => ({
  customerId: 1,
  vehicleId: 1,
  plate: '粤B12345',
  purchaseDate: null,
  nextServiceDate: null,
  lastServiceDate: null,
  mileage: null,
  mileageDate: null,
  avgKmPerDay: null,
  insuranceExpiry: null,
  membershipExpiry: null,
  inspectionExpiry: null,
  licenceExpiry: null,
  visits: 0,
  dnd: false,
  ...over,
});
const ctx = (over: Partial<RuleCtx> = {}): RuleCtx => ({ today: TODAY, from: TODAY, to: '2026-12-30', platePrefix: '粤B', kmFrom: 78_000, kmTo: 82_000, ...over });

describe('calendar helpers', () => {
  it.each([
    ['2026-08-31', -6, '2026-02-28'],
    ['2028-08-31', -6, '2028-02-29'], // leap year
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-15', -6, '2025-07-15'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('addMonths(%s, %i) = %s', (d, n, out) => expect(addMonths(d, n)).toBe(out));

  it('the dealer day turns at 16:00 UTC (00:00 Shanghai) with the machine in UTC', () => {
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 10, 30, 15, 59))).toBe('2026-11-30');
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 10, 30, 16, 0))).toBe('2026-12-01');
    expect(defaultRange('regular_service', todayIn('Asia/Shanghai', Date.UTC(2026, 10, 30, 16, 0)))).toEqual(['2026-12-01', '2026-12-31']);
  });

  it.each([
    ['粤B12345', true],
    ['粤 b12345', true],
    ['粤A12345', false], // 广州, another city
    ['湘B12345', false],
    [null, false],
  ])('local plate %s → %s', (plate, out) => expect(isLocalPlate(plate, '粤B')).toBe(out));

  it('estimates mileage from the last reading and the km per day, never backwards', () => {
    expect(estimatedMileage({ mileage: 70_000, mileageDate: '2026-10-31', avgKmPerDay: 100 }, TODAY)).toBe(73_000);
    expect(estimatedMileage({ mileage: 70_000, mileageDate: '2026-12-31', avgKmPerDay: 100 }, TODAY)).toBe(70_000);
    expect(estimatedMileage({ mileage: null, mileageDate: null, avgKmPerDay: 100 }, TODAY)).toBeNull();
  });

  it('birthdays of a range: year end wraps, 29 Feb is celebrated on 28 Feb in a common year', () => {
    expect(birthdayMds('2026-12-30', '2027-01-02')).toEqual(['12-30', '12-31', '01-01', '01-02']);
    expect(birthdayMds('2027-02-27', '2027-03-01')).toEqual(['02-27', '02-28', '02-29', '03-01']);
    expect(birthdayMds('2028-02-28', '2028-02-28')).toEqual(['02-28']);
  });
});

describe('首保 first service', () => {
  it.each([
    ['2026-09-01', true], // exactly 90 days ago
    ['2026-08-25', true],
    ['2026-08-24', false],
    ['2026-09-08', true],
    ['2026-09-09', false],
    [null, false],
  ])('purchased %s, default range (90 ± 7 days ago) → %s', (purchaseDate, out) => {
    const [from, to] = defaultRange('first_service', TODAY);
    expect(qualifies('first_service', v({ purchaseDate }), ctx({ from, to }))).toBe(out);
  });
});

describe('常规保养 regular service', () => {
  it.each([
    ['next service in range', { nextServiceDate: '2026-12-10' }, true],
    ['next service on the first day', { nextServiceDate: TODAY }, true],
    ['next service on the last day', { nextServiceDate: '2026-12-30' }, true],
    ['next service after the range', { nextServiceDate: '2026-12-31' }, false],
    ['serviced exactly 10 days ago: dropped', { nextServiceDate: '2026-12-10', lastServiceDate: '2026-11-20' }, false],
    ['serviced 11 days ago: kept', { nextServiceDate: '2026-12-10', lastServiceDate: '2026-11-19' }, true],
    ['serviced today: dropped', { nextServiceDate: '2026-12-10', lastServiceDate: TODAY }, false],
    ['never serviced', { nextServiceDate: '2026-12-10', lastServiceDate: null }, true],
  ] as const)('%s', (_, over, out) => expect(qualifies('regular_service', v(over), ctx())).toBe(out));

  it('leaves DND customers out and counts them', () => {
    const vs = [v({ vehicleId: 1, nextServiceDate: '2026-12-01' }), v({ vehicleId: 2, nextServiceDate: '2026-12-02', dnd: true }), v({ vehicleId: 3, nextServiceDate: '2027-01-02', dnd: true })];
    const r = applyRule('regular_service', vs, ctx());
    expect(r.rows.map((x) => x.vehicleId)).toEqual([1]);
    expect(r.leftOutDnd).toBe(1);
  });

  it('month end over a leap day: range 2028-02-28 … 2028-03-01 includes 02-29', () => {
    const c = ctx({ today: '2028-02-20', from: '2028-02-28', to: '2028-03-01' });
    expect(qualifies('regular_service', v({ nextServiceDate: '2028-02-29' }), c)).toBe(true);
  });
});

describe('专项保养 mileage service', () => {
  // Seen on 2026-10-31 at 76,000 km, 100 km a day → 79,000 km today.
  const base = { plate: '粤B12345', mileage: 76_000, mileageDate: '2026-10-31', lastServiceDate: '2026-10-31', avgKmPerDay: 100 };
  it.each([
    ['in the band', {}, true],
    ['below the band', { mileage: 70_000 }, false],
    ['above the band', { mileage: 80_000 }, false],
    ['a plate from another city', { plate: '粤A12345' }, false],
    ['serviced exactly 10 days ago', { lastServiceDate: '2026-11-20', mileageDate: '2026-11-20', mileage: 78_000 }, false],
    ['seen 6 months ago to the day: still fresh', { lastServiceDate: '2026-05-30', mileageDate: '2026-05-30', mileage: 80_000 - 18_400, avgKmPerDay: 100 }, true],
    ['seen 6 months and a day ago: stale', { lastServiceDate: '2026-05-29', mileageDate: '2026-05-29', mileage: 80_000 - 18_500, avgKmPerDay: 100 }, false],
    ['never serviced here', { lastServiceDate: null }, false],
  ] as const)('%s', (_, over, out) => expect(qualifies('mileage_service', v({ ...base, ...over }), ctx())).toBe(out));
});

describe('客户关怀 expiries', () => {
  it.each([
    ['expiry_insurance', { insuranceExpiry: '2026-12-05' }, true],
    ['expiry_insurance', { insuranceExpiry: '2026-11-29' }, false],
    ['expiry_membership', { membershipExpiry: '2026-12-30' }, true],
    ['expiry_inspection', { inspectionExpiry: '2026-12-31' }, false],
    ['expiry_licence', { licenceExpiry: TODAY }, true],
    ['expiry_licence', { licenceExpiry: null }, false],
  ] as const)('%s %o → %s', (kind, over, out) => expect(qualifies(kind, v(over), ctx())).toBe(out));
});

describe('流失预警 churn warning', () => {
  const [from, to] = defaultRange('churn', TODAY);
  const c = ctx({ from, to });
  it('default range: last seen 12 months … 6 months + 1 day ago', () => expect([from, to]).toEqual(['2025-11-30', '2026-05-29']));
  it.each([
    ['4 visits, last 7 months ago, local plate', { visits: 4, lastServiceDate: '2026-04-30' }, true],
    ['exactly 3 visits', { visits: 3, lastServiceDate: '2026-04-30' }, false],
    ['last visit 6 months ago to the day: not churned yet', { visits: 5, lastServiceDate: '2026-05-30' }, false],
    ['last visit 6 months and a day ago', { visits: 5, lastServiceDate: '2026-05-29' }, true],
    ['a plate from another city', { visits: 5, lastServiceDate: '2026-04-30', plate: '湘A12345' }, false],
    ['never serviced', { visits: 0, lastServiceDate: null }, false],
  ] as const)('%s', (_, over, out) => expect(qualifies('churn', v(over), c)).toBe(out));

  it('a range reaching into the last 6 months is clamped', () => {
    expect(qualifies('churn', v({ visits: 4, lastServiceDate: '2026-10-01' }), ctx({ from: '2025-01-01', to: TODAY }))).toBe(false);
  });
});

describe('计算下次保养日期 next service date', () => {
  it.each([
    ['first service by time (6 months), slow driver', { lastServiceDate: null, deliveryDate: '2026-01-31', avgKmPerDay: 10 }, '2026-07-31'],
    ['first service by km (5,000 km at 50/day = 100 days)', { lastServiceDate: null, deliveryDate: '2026-01-01', avgKmPerDay: 50 }, '2026-04-11'],
    ['regular by time (12 months) from a leap day', { lastServiceDate: '2028-02-29', deliveryDate: '2027-01-01', avgKmPerDay: 5 }, '2029-02-28'],
    ['regular by km (7,500 km at 75/day = 100 days)', { lastServiceDate: '2026-11-30', deliveryDate: '2025-01-01', avgKmPerDay: 75 }, '2027-03-10'],
    ['no km per day: by time', { lastServiceDate: '2026-11-30', deliveryDate: '2025-01-01', avgKmPerDay: null }, '2027-11-30'],
    ['nothing to start from', { lastServiceDate: null, deliveryDate: null, avgKmPerDay: 40 }, null],
  ] as const)('%s', (_, over, out) => expect(nextServiceDate({ model: 'sagitar', ...over })).toBe(out));

  it('electric ID. models: 15,000 km between services', () => {
    expect(nextServiceDate({ model: 'id4crozz', lastServiceDate: '2026-01-01', deliveryDate: '2025-01-01', avgKmPerDay: 100 })).toBe('2026-05-31');
  });
});
