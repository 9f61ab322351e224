/**
 * Manual numbers, typed or pasted: one per line (commas, semicolons and tabs also separate, as
 * numbers pasted from a spreadsheet or a chat come that way), any common format (+86, 0086,
 * spaces, dashes, full-width digits). Only mobiles can receive SMS; everything else is listed
 * with its line and reason, never silently dropped.
 */
import { isPhoneError, normalizePhone } from '../../../common/phone';

export interface ParsedNumbers {
  numbers: { raw: string; number: string; line: number }[];
  invalid: { raw: string; line: number; error: string }[];
  /** Lines repeating a number already listed above (sent once). */
  duplicates: number;
}

/** `areaCode`: the dealer's (settings.areaCode()), so a local number is named a landline, like everywhere else. */
export function parseManualNumbers(text: string, areaCode: string | null = null): ParsedNumbers {
  const out: ParsedNumbers = { numbers: [], invalid: [], duplicates: 0 };
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((lineText, i) => {
    for (const piece of lineText.split(/[,，;；\t、]/)) {
      const raw = piece.trim();
      if (!raw) continue;
      const r = normalizePhone(raw, { areaCode });
      if (isPhoneError(r)) out.invalid.push({ raw, line: i + 1, error: r.error });
      else if (r.kind !== 'mobile') out.invalid.push({ raw, line: i + 1, error: '固定电话不能接收短信 / A landline cannot receive SMS' });
      else if (seen.has(r.normalized)) out.duplicates++;
      else {
        seen.add(r.normalized);
        out.numbers.push({ raw, number: r.normalized, line: i + 1 });
      }
    }
  });
  return out;
}
