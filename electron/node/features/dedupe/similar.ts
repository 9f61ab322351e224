/**
 * Two mobile numbers that look like one mistyped: one digit different, or two neighbouring digits
 * swapped (13812345678 / 13812345687). Identical numbers are not "similar": they are the phone rule.
 */
export function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
