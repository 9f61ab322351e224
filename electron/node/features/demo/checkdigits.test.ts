import { describe, expect, it } from 'vitest';
import { birthdayOfIdNumber, genderOfIdNumber, isValidIdNumber, isValidUscc, isValidVin } from '../../../common/customer-ids';
import { idCheckChar, makeIdNumber, makeUscc } from './idnumber';
import { makeVin, modelYearCode, vinCheckChar } from './vin';
import { CITIES, cityOfPlate, plateMatchesCity } from './cities';
import { FractionSelector, Prng, WeightedPicker } from './prng';

describe('validators against real-world examples', () => {
  it('accepts valid VINs', () => {
    for (const vin of ['1M8GDM9AXKP042788', '1HGCM82633A004352', 'JH4KA7561PC008269', '5YJSA1E14FF087599', '11111111111111111']) {
      expect(isValidVin(vin), vin).toBe(true);
    }
  });
  it('refuses VINs with a wrong check digit, a forbidden letter or a wrong length', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false); // check digit changed
    expect(isValidVin('1M8GDM9AXKP042789')).toBe(false); // serial changed
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427O8')).toBe(false); // letter O
    expect(isValidVin('IM8GDM9AXKP042788')).toBe(false); // letter I
    expect(isValidVin('1m8gdm9axkp042788')).toBe(false); // lower case
  });
  it('accepts valid ID numbers and reads gender and birthday from them', () => {
    for (const id of ['11010519491231002X', '110101199003074477', '11010119900307803X']) expect(isValidIdNumber(id), id).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(genderOfIdNumber('11010519491231002X')).toBe('female'); // 17th digit 2
    expect(genderOfIdNumber('110101199003074477')).toBe('male'); // 17th digit 7
    expect(birthdayOfIdNumber('11010519491231002X')).toBe('1949-12-31');
  });
  it('refuses ID numbers with a wrong check character, date or shape', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300027')).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(isValidIdNumber('91010519491231002X')).toBe(false); // region 9…
    expect(isValidIdNumber('110101199003074477', '1989-01-01')).toBe(false); // born after "today"
  });
  it('accepts the GB 32100 example credit code and refuses a changed one', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('generators agree with the independent validators', () => {
  it('ID numbers: check character, gender digit, birthday', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    const rng = new Prng(7);
    for (let i = 0; i < 5000; i++) {
      const city = rng.pick(CITIES);
      const region = rng.pick(city.districts).code;
      const y = rng.int(1940, 2005);
      const md = `${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      const seq = rng.int(0, 999);
      const id = makeIdNumber(region, `${y}${md}`, seq);
      expect(isValidIdNumber(id), id).toBe(true);
      expect(genderOfIdNumber(id)).toBe(seq % 2 === 1 ? 'male' : 'female');
      expect(id.slice(0, 6)).toBe(region);
    }
  });
  it('VINs: check digit at position 9, FAW-VW WMI, model-year code', () => {
    expect(vinCheckChar('1M8GDM9A0KP042788')).toBe('X');
    expect(modelYearCode(2019)).toBe('K');
    expect(modelYearCode(2024)).toBe('R');
    expect(modelYearCode(2031)).toBe('1');
    const rng = new Prng(3);
    for (let i = 0; i < 5000; i++) {
      const vin = makeVin('LFV', rng.pick(['BS6F2', 'BA4A1', 'BM7H3', 'BE4D0']), rng.int(2015, 2027), rng.pick(['C', 'D', 'F', 'G']), rng.int(0, 999_999));
      expect(isValidVin(vin), vin).toBe(true);
      expect(vin.startsWith('LFV')).toBe(true);
    }
  });
  it('credit codes', () => {
    for (let i = 0; i < 2000; i++) expect(isValidUscc(makeUscc('440305', i * 7919 + 13))).toBe(true);
  });
});

describe('cities', () => {
  it('have distinct plate prefixes, area codes and six-digit region codes', () => {
    const plates = CITIES.flatMap((c) => c.plates);
    expect(new Set(plates).size).toBe(plates.length);
    expect(new Set(CITIES.map((c) => c.areaCode)).size).toBe(CITIES.length);
    expect(CITIES.length).toBeGreaterThanOrEqual(20);
    for (const c of CITIES) {
      expect(c.areaCode).toMatch(/^0\d{2,3}$/);
      for (const d of c.districts) expect(d.code).toMatch(/^[1-8]\d{5}$/);
    }
    expect(cityOfPlate('粤B12345')?.name).toBe('深圳');
    expect(cityOfPlate('京A12345')?.name).toBe('北京');
    expect(cityOfPlate('川A12345')?.name).toBe('成都');
    expect(plateMatchesCity('沪D88888', '上海')).toBe(true);
    expect(plateMatchesCity('粤A88888', '深圳')).toBe(false);
  });
});

describe('prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(sa);
  });
  it('int stays in range and reaches both ends; weighted pick follows weights', () => {
    const r = new Prng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    const w = new WeightedPicker(['a', 'b'], [9, 1]);
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (w.pick(r) === 'a') a++;
    expect(a / 10_000).toBeGreaterThan(0.88);
    expect(a / 10_000).toBeLessThan(0.92);
  });
  it('FractionSelector takes ⌊n·p⌋ or ⌊n·p⌋+1 of n, one per block', () => {
    for (const [p, n] of [
      [0.04, 1000],
      [0.03, 12_345],
      [0.001, 999_999],
      [0.015, 2000],
    ] as const) {
      const s = new FractionSelector(p, 9);
      let taken = 0;
      for (let i = 0; i < n; i++) if (s.offer()) taken++;
      expect(taken).toBe(s.taken);
      expect(taken).toBeGreaterThanOrEqual(Math.floor(n * p));
      expect(taken).toBeLessThanOrEqual(Math.floor(n * p) + 1);
    }
  });
});
