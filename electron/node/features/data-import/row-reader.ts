import type { ImportField, ImportMapping, ImportProblem } from '../../../common/api/data-import';
import { parseLooseDay, addDays } from '../../../common/dates';
import { FIELD_TEXTS } from '../../../common/i18n/errors';
import type { Locale } from '../../../common/i18n/texts';
import { isPhoneError, normalizePhone } from '../../../common/phone';
import { inLocale } from '../../field-problems';
import { columnLetter } from '../../file-import';
import { IMPORT_TEXTS, type ImportTextKey } from './texts';

const MAX_TEXT = 200;

export interface PhoneValues {
  raw: string;
  normalized: string;
  kind: 'mobile' | 'landline' | 'other';
}

/**
 * A day from what Excel and the DMS write: 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105, with
 * or without a time, or Excel's serial number (46027) when a CSV was saved from a number cell.
 */
export function parseImportDay(raw: string): string | null {
  const s = raw.trim();
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    // 1900-03-01 … 2099: Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was.
    if (serial >= 61 && serial <= 73_414) return addDays('1899-12-30', serial);
  }
  return parseLooseDay(s);
}

/**
 * One file row read field by field, for every kind of import: each cell cleaned, each problem named
 * with its row and column (as Excel labels it), and what will be stored collected for the preview.
 */
export class RowReader {
  readonly problems: ImportProblem[] = [];
  readonly shown: Partial<Record<ImportField, string>> = {};

  constructor(
    readonly locale: Locale,
    readonly today: string,
    private mapping: ImportMapping,
    readonly row: number,
    private cells: readonly string[],
  ) {}

  t(key: ImportTextKey, params?: Record<string, string | number>): string {
    return IMPORT_TEXTS.text(key, this.locale, params);
  }

  f(key: keyof typeof FIELD_TEXTS.table, params?: Record<string, string | number>): string {
    return FIELD_TEXTS.text(key, this.locale, params);
  }

  problem(field: ImportField | null, reason: string): void {
    const i = field === null ? undefined : this.mapping[field];
    this.problems.push({ row: this.row, field, reason, column: i !== undefined ? columnLetter(i + 1) : null });
  }

  hasProblem(...fields: ImportField[]): boolean {
    return this.problems.some((p) => p.field !== null && fields.includes(p.field));
  }

  /** The cell's text on one line, trimmed; '' when the field is not mapped or too long (a problem then). */
  cell(field: ImportField): string {
    const i = this.mapping[field];
    // Line breaks and tabs inside a cell (Alt+Enter in Excel) become spaces: stored text is one line.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    const v = i === undefined ? '' : (this.cells[i] ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (v.length > MAX_TEXT) {
      this.problem(field, this.t('row.tooLong', { max: MAX_TEXT }));
      return '';
    }
    return v;
  }

  /** Free text, shown as it is; null when blank. */
  text(field: ImportField): string | null {
    const v = this.cell(field);
    if (v) this.shown[field] = v;
    return v || null;
  }

  /** A day in any of the forms Excel writes; `future` allows days after today (a planned follow-up). */
  day(field: ImportField, opts: { future?: boolean } = {}): string | null {
    const v = this.cell(field);
    if (!v) return null;
    const d = parseImportDay(v);
    if (!d) this.problem(field, this.t('row.date', { value: v }));
    else if (!opts.future && d > this.today) this.problem(field, this.f('date.future'));
    else if (d < '1900-01-01') this.problem(field, this.f('date.tooOld'));
    else {
      this.shown[field] = d;
      return d;
    }
    return null;
  }

  /** The phones of these fields (one cell may hold two: 13800138000/13900139000), at most five, no repeats. */
  phones(fields: readonly ImportField[], areaCode: string | undefined): PhoneValues[] {
    const phones: PhoneValues[] = [];
    for (const field of fields) {
      const v = this.cell(field);
      for (const raw of v.split(/[/,;、,;]+/).map((x) => x.trim()).filter(Boolean)) {
        const n = normalizePhone(raw, { areaCode });
        if (isPhoneError(n)) {
          this.problem(field, inLocale(n.error, this.locale) ?? n.error);
          continue;
        }
        if (phones.some((p) => p.normalized === n.normalized) || phones.length >= 5) continue;
        phones.push({ raw: raw.slice(0, 40), normalized: n.normalized, kind: n.kind });
      }
      if (v) this.shown[field] = phones.map((p) => p.raw).join(' / ');
    }
    return phones;
  }

  /** A user by user name or name among `users`; a problem when the cell names someone else. */
  user(field: ImportField, users: Map<string, number>, key: ImportTextKey): number | undefined {
    const v = this.cell(field);
    if (!v) return undefined;
    const id = users.get(v) ?? users.get(v.toLowerCase());
    if (id === undefined) this.problem(field, this.t(key, { value: v }));
    else this.shown[field] = v;
    return id;
  }

  /** A whole number from 12,000 / 12000km / 12000公里, within [0, max]; null when blank. */
  count(field: ImportField, max: number, key: ImportTextKey): number | null {
    const raw = this.cell(field);
    const text = raw.replace(/[,,\s]|km|公里/gi, '');
    if (!text) return null;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > max) {
      this.problem(field, this.t(key, { value: raw }));
      return null;
    }
    this.shown[field] = String(n);
    return n;
  }

  /** An amount of money from ¥128,000.50; null when blank. */
  money(field: ImportField): number | null {
    const raw = this.cell(field);
    const text = raw.replace(/[,,¥¥\s]|元/g, '');
    if (!text) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) {
      this.problem(field, this.t('row.amount', { value: raw }));
      return null;
    }
    this.shown[field] = String(n);
    return n;
  }
}
