import { AppError } from '../../errors';

/**
 * The rules a password a user chooses must meet (the WEAK_PASSWORD message states them all):
 * - at least 8 characters;
 * - at least 2 letters AND at least 2 other characters (digits or symbols), so one class padded
 *   with a single digit ("aaaaaaa1", "password1") is refused;
 * - at least 5 different characters ("aaaa1111" is refused);
 * - not containing the user name (any case), for names of 3 characters or more.
 * Repeating one of the last passwords is checked by AuthService, which holds the hashes.
 */
export function passwordRuleBroken(pw: string, username: string): 'length' | 'classes' | 'variety' | 'username' | null {
  const p = pw.normalize('NFKC');
  if ([...p].length < 8) return 'length';
  const letters = (p.match(/\p{L}/gu) ?? []).length;
  const others = [...p].length - letters;
  if (letters < 2 || others < 2) return 'classes';
  if (new Set(p.toLowerCase()).size < 5) return 'variety';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && p.toLowerCase().includes(name)) return 'username';
  return null;
}

export function checkPasswordRules(pw: string, username: string): void {
  const rule = passwordRuleBroken(pw, username);
  if (rule) throw new AppError('WEAK_PASSWORD', { rule });
}
