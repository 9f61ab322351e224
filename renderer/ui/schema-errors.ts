import type { z } from 'zod';

/**
 * A form's field messages from the contract method's own input schema (electron/common/api/*), checked
 * before the round trip: the rule the host applies is the one the form applies, so a form no longer
 * keeps a hand-written copy of "name required" that drifts from the contract. A missing value (an
 * empty text or list the schema needs) gets `required`; any other problem `invalid` when the form
 * gives one (a clear message in the user's language, e.g. for a price typed as 12万), else the
 * schema's own text as the host would report it. `keyOf` maps the schema's path (phones.0.raw,
 * patch.price) to the form's field key; the first problem of a field wins. {} when the input passes.
 *
 * Zod comes with the schema, so only forms (lazy chunks) call this: the login page's chunk stays
 * zod-free (tests/renderer-chunks.test.ts).
 */
export function schemaFieldErrors(
  schema: z.ZodType,
  input: unknown,
  texts: { required: string; invalid?: string; keyOf?: (path: string) => string },
): Record<string, string> {
  // reportInput: the issue carries the value, so a missing one can be told from a wrong one.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    const key = texts.keyOf ? texts.keyOf(path) : path;
    if (key in out) continue;
    out[key] = isMissing(issue) ? texts.required : (texts.invalid ?? issue.message);
  }
  return out;
}

/** An empty text or list where the schema needs at least one character or item, or no value at all. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'too_small') return Number(issue.minimum) === 1 && (issue.origin === 'string' || issue.origin === 'array');
  return issue.code === 'invalid_type' && issue.input === undefined;
}
