/**
 * Vehicle identification numbers (ISO 3779 / GB 16735): WMI (3) + VDS (5) + check digit + model
 * year + plant + serial (6). The check digit at position 9 is the North-American one, which GB 16735
 * uses too: transliterate letters, weight, sum, mod 11 (10 → 'X').
 */

/** Transliteration values of the characters a VIN may contain (I, O, Q are not allowed). */
const TRANSLIT: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function value(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  const v = TRANSLIT[ch];
  if (v === undefined) throw new Error(`character not allowed in a VIN: ${ch}`);
  return v;
}

/** The check character (position 9) for a 17-character VIN; position 9 of the input is ignored. */
export function vinCheckChar(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) sum += value(vin[i] as string) * (WEIGHTS[i] as number);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Model-year codes (position 10), 30-year cycle; I O Q U Z and 0 are not used. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export function modelYearCode(year: number): string {
  return YEAR_CODES[(((year - 1980) % 30) + 30) % 30] as string;
}

/** FAW-Volkswagen's world manufacturer identifier. */
export const FAW_VW_WMI = 'LFV';

/**
 * A VIN from its parts. `vds` is 5 characters, `plant` 1, `serial` 0–999999. The caller keeps
 * (model year, serial) unique, which makes the VIN unique.
 */
export function makeVin(wmi: string, vds: string, modelYear: number, plant: string, serial: number): string {
  if (wmi.length !== 3 || vds.length !== 5 || plant.length !== 1) throw new Error('bad VIN parts');
  if (serial < 0 || serial > 999_999) throw new Error(`VIN serial out of range: ${serial}`);
  const s = String(serial);
  const body = `${wmi}${vds}0${modelYearCode(modelYear)}${plant}${'000000'.slice(s.length)}${s}`;
  return body.slice(0, 8) + vinCheckChar(body) + body.slice(9);
}
