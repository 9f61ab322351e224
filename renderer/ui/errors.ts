import { isApiError } from '../api';

/**
 * The one way a screen turns a failed call into text: the server's message (already in the user's
 * language) for an API error, the thrown value as text for anything else (a bug, which the user should
 * still be able to read out to support).
 */
export function errorText(e: unknown): string {
  return isApiError(e) ? e.message : String(e);
}

/** One field the server refused and why (INVALID_INPUT's `details.fields`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The per-field problems an error carries in `details.fields` (only INVALID_INPUT carries them: the
 * host's FieldProblems and the contract's zod check); [] for anything else (another code, a network
 * failure, a thrown bug) or a malformed list, so a screen never crashes reading it.
 */
export function fieldProblems(e: unknown): FieldProblem[] {
  if (!isApiError(e, 'INVALID_INPUT') || !Array.isArray(e.details.fields)) return [];
  return (e.details.fields as unknown[]).filter(
    (p): p is FieldProblem =>
      typeof p === 'object' && p !== null && typeof (p as FieldProblem).field === 'string' && typeof (p as FieldProblem).message === 'string',
  );
}

/** Field → message, for forms that show the message beside the input (a field named twice: the last). */
export function fieldErrors(e: unknown): Record<string, string> {
  return Object.fromEntries(fieldProblems(e).map((p) => [p.field, p.message]));
}

/** The field messages joined on one line, or the error's own text when it names no field (toasts, one-line forms). */
export function problemsText(e: unknown): string {
  const list = fieldProblems(e);
  return list.length ? list.map((p) => p.message).join('; ') : errorText(e);
}

/**
 * A failure split for a form: messages under the inputs it shows (`known`, after `keyOf` maps the
 * server's field path to the form's key, e.g. phones.0.number → phones.0), the others as one line;
 * an error naming no field gives its own text as the line.
 */
export function splitFieldErrors(
  e: unknown,
  known: readonly string[],
  keyOf: (field: string) => string = (f) => f,
): { fields: Record<string, string>; message: string | null } {
  const list = fieldProblems(e);
  if (!list.length) return { fields: {}, message: errorText(e) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const p of list) {
    const k = keyOf(p.field);
    if (known.includes(k)) fields[k] = p.message;
    else rest.push(p.message);
  }
  return { fields, message: rest.length ? rest.join('; ') : null };
}

/** A form's refusal shown in one step: messages under its inputs (`known`), the rest on its message line. */
export function showFieldErrors(
  e: unknown,
  known: readonly string[],
  setErrors: (fields: Record<string, string>) => void,
  setMessage: (message: string | null) => void,
  keyOf?: (field: string) => string,
): void {
  const s = splitFieldErrors(e, known, keyOf);
  setErrors(s.fields);
  setMessage(s.message);
}
