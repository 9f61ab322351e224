import type { Locale } from '../../common/i18n/texts';
import { AppError } from '../errors';
import { FILE_IMPORT_TEXTS } from './texts';
import { columnLetter } from '../../common/import-headers';

export type FileImportMessageKey = keyof typeof FILE_IMPORT_TEXTS.table;

/** A file the readers refuse. `row` and `column` (1-based) are set where the problem has a place. */
export class FileImportError extends Error {
  constructor(
    readonly key: FileImportMessageKey,
    readonly params: { row?: number; column?: number; encoding?: string } = {},
  ) {
    super(FILE_IMPORT_TEXTS.text(key, 'en', placeParams(params)));
    this.name = 'FileImportError';
  }

  text(locale: Locale): string {
    return FILE_IMPORT_TEXTS.text(this.key, locale, placeParams(this.params));
  }

  /** The refusal as the API answers it: INVALID_INPUT under the field `file`, in the user's language. */
  toAppError(locale: Locale): AppError {
    const message = this.text(locale);
    return new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'file', message }] });
  }
}

/** The place as the texts name it: the column as a letter, unset parts left out. */
function placeParams(p: { row?: number; column?: number; encoding?: string }): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (p.row !== undefined) out.row = p.row;
  if (p.column) out.column = columnLetter(p.column);
  if (p.encoding !== undefined) out.encoding = p.encoding;
  return out;
}

export { columnLetter };
