import type { z } from 'zod';

/**
 * A form's field messages from the contract method's own input schema (electron/common/api/*), checked
 * before the round trip: the rule the host applies is the one the form applies, so a form no longer
 * keeps a hand-written copy of "name required" that drifts from the contract. A missing value (an
 * empty text or list the schema needs) gets `required`, in the user's language; any other problem the
 * schema's own text, as the host would report it. `keyOf` maps the schema's path (phones.0.raw) to the
 * form's field key; the first problem of a field wins. {} when the input passes.
 *
 * Zod comes with the schema, so only forms (lazy chunks) call this: the login page's chunk stays
 * zod-free (tests/renderer-chunks.test.ts).
 */
export function schemaFieldErrors(schema: z.ZodType, input: unknown, required: string, keyOf: (path: string) => string = (p) => p): Record<string, string> {
  // reportInput: the issue carries the value, so a missing one can be told from a wrong one.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = keyOf(issue.path.map(String).join('.'));
    if (key in out) continue;
    out[key] = isMissing(issue) ? required : issue.message;
  }
  return out;
}

/** An empty text or list where the schema needs at least one character or item, or no value at all. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'too_small') return Number(issue.minimum) === 1 && (issue.origin === 'string' || issue.origin === 'array');
  return issue.code === 'invalid_type' && issue.input === undefined;
}
