/** 职业 codes of the demo and their weights (per mille) among working-age people who gave one. */
const DEMO_OCCUPATIONS: readonly (readonly [string, number])[] = [
  ['employee', 380],
  ['self_employed', 200],
  ['professional', 120],
  ['civil_servant', 90],
  ['teacher', 60],
  ['medical', 50],
  ['student', 20],
  ['other', 80],
];

/**
 * A person's 职业 in the demo (a code of dictionary 'occupation'), from the customer id alone (a
 * multiplicative hash), so the field draws nothing from the seeded random stream and every other
 * generated value stays as it was. About a third never said (NULL, 未知); people of 60 and over who
 * did are 退休.
 */
export function demoOccupation(customerId: number, ageDays: number | null): string | null {
  const h = Math.imul(customerId, 0x9e3779b1) >>> 0;
  if (h % 100 < 35) return null;
  if (ageDays !== null && ageDays >= 60 * 365) return 'retired';
  let x = (h >>> 8) % 1000;
  for (const [code, w] of DEMO_OCCUPATIONS) {
    if (x < w) return code;
    x -= w;
  }
  return 'other';
}
