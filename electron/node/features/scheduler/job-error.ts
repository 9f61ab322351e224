import { localeOf, type Locale } from '../../../common/i18n/texts';
import { JOB_ERROR_TEXTS } from './texts';
import { enumOptions } from '../../../common/i18n/enum-options';

/**
 * What the job log says when a run fails. The admin reads it in 定时任务, so the causes an admin
 * can act on are named in their own language (zh-CN first, English), with the original text kept
 * after it for support. The log row stores the cause's key and the original text
 * (`{"key":"diskFull","params":{"detail":"…"}}`), never a sentence in one language: the screen and
 * the run list put it in the reader's locale. Rows written before stored the Chinese sentence itself
 * (`磁盘空间已满,…(database or disk is full)`); they are shown as stored. An error with no known
 * cause is stored as its own text, as before. The causes' texts: JOB_ERROR_TEXTS in texts.ts.
 */
export type JobErrorKey = keyof typeof JOB_ERROR_TEXTS.table & string;

const KNOWN: { codes: string[]; key: JobErrorKey }[] = [
  { codes: ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'], key: 'diskFull' },
  { codes: ['SQLITE_BUSY', 'SQLITE_LOCKED'], key: 'busy' },
  { codes: ['SQLITE_READONLY', 'EACCES', 'EPERM', 'EROFS'], key: 'readOnly' },
  { codes: ['SQLITE_CORRUPT', 'SQLITE_NOTADB'], key: 'corrupt' },
];

/** The log row is bounded: the original text is cut so the stored value stays under this. */
const MAX_STORED = 2000;

/** The stored form of a known cause with the original text. */
export function storedJobError(key: JobErrorKey, detail: string): string {
  // JSON escapes can lengthen the text: cut the detail until the whole value fits.
  let d = detail.slice(0, MAX_STORED);
  let s = JSON.stringify({ key, params: { detail: d } });
  while (s.length > MAX_STORED) {
    d = d.slice(0, d.length - (s.length - MAX_STORED) - 1);
    s = JSON.stringify({ key, params: { detail: d } });
  }
  return s;
}

/** What job_runs.error stores for a failed run. */
export function jobErrorText(e: unknown): string {
  const raw = e instanceof Error ? e.message || e.name : String(e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const known = KNOWN.find((k) => k.codes.some((c) => code.startsWith(c) || raw.startsWith(c)));
  return known ? storedJobError(known.key, raw) : raw.slice(0, MAX_STORED);
}

/** A stored key and detail, or null for a row stored as text (old rows, unknown causes). */
function parse(stored: string): { key: JobErrorKey; detail: string } | null {
  if (!stored.startsWith('{')) return null;
  try {
    const v = JSON.parse(stored) as { key?: unknown; params?: { detail?: unknown } };
    if (typeof v.key !== 'string' || !Object.hasOwn(JOB_ERROR_TEXTS.table, v.key)) return null;
    return { key: v.key as JobErrorKey, detail: typeof v.params?.detail === 'string' ? v.params.detail : '' };
  } catch {
    return null;
  }
}

/** The stored error as the reader reads it: the cause in their locale, then the original text. */
export function jobErrorDisplay(stored: string | null, locale: Locale | string): string | null {
  if (stored === null) return null;
  const p = parse(stored);
  if (!p) return stored;
  const hint = JOB_ERROR_TEXTS.text(p.key, locale);
  if (!p.detail) return hint;
  return localeOf(locale) === 'en' ? `${hint} (${p.detail})` : `${hint}(${p.detail})`;
}

/**
 * The run list's columns (SQL over job_runs `c`): the cause as an enum the grid shows in the
 * reader's language (a row stored as text shows its text), and the original text beside it.
 */
export const JOB_ERROR_CAUSES = enumOptions(JOB_ERROR_TEXTS);
// Nested CASEs: json_extract on a text that is not JSON is an error, and only CASE is sure to skip it.
const knownKey = `case when json_valid(c.error) then case when json_extract(c.error, '$.key') in (${JOB_ERROR_CAUSES.map((o) => `'${o.value}'`).join(', ')}) then json_extract(c.error, '$.key') end end`;
export const jobErrorCauseSql = `coalesce(${knownKey}, c.error)`;
export const jobErrorDetailSql = `case when (${knownKey}) is not null then json_extract(c.error, '$.params.detail') end`;
