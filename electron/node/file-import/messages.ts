import { formatMessage, type Locale } from '../../common/i18n/errors';
import { AppError } from '../errors';

/**
 * Why a file could not be read, both languages side by side. Every text starts with 无法读取文件 /
 * Cannot read the file, so a user knows the file itself is refused (not one of its rows), and names
 * the row and column (as Excel shows them) wherever the problem has one.
 */
export const FILE_IMPORT_MESSAGES = {
  type: { 'zh-CN': '无法读取文件:请上传 .xlsx 或 .csv', en: 'Cannot read the file: upload an .xlsx or .csv' },
  xls: {
    'zh-CN': '无法读取文件:这是旧版 Excel 的 .xls 文件,请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
    en: 'Cannot read the file: this is an old Excel .xls file. Save it as .xlsx or CSV in Excel and retry',
  },
  empty: { 'zh-CN': '无法读取文件:文件是空的', en: 'Cannot read the file: it is empty' },
  xlsx: {
    'zh-CN': '无法读取文件:xlsx 文件不完整或已损坏(可能未下载完),请在 Excel 中打开并重新保存后再导入',
    en: 'Cannot read the file: the .xlsx is incomplete or damaged (perhaps not fully downloaded). Open it in Excel, save it again and retry',
  },
  decode: {
    'zh-CN': '无法读取文件:第 {row} 行 {column} 列有无法按 {encoding} 识别的字符,请确认文件编码(可在 Excel 中另存为“CSV UTF-8”)',
    en: 'Cannot read the file: row {row}, column {column} holds bytes that are not {encoding}. Check the encoding (Excel can save as “CSV UTF-8”)',
  },
  quote: {
    'zh-CN': '无法读取文件:第 {row} 行 {column} 列的引号没有结束,文件可能不完整',
    en: 'Cannot read the file: the quote opened in row {row}, column {column} is never closed; the file may be incomplete',
  },
} as const satisfies Record<string, Record<Locale, string>>;
export type FileImportMessageKey = keyof typeof FILE_IMPORT_MESSAGES;

/** A file the readers refuse. `row` and `column` (1-based) are set where the problem has a place. */
export class FileImportError extends Error {
  constructor(
    readonly key: FileImportMessageKey,
    readonly params: { row?: number; column?: number; encoding?: string } = {},
  ) {
    super(formatMessage(FILE_IMPORT_MESSAGES[key].en, { ...params, column: params.column ? columnLetter(params.column) : undefined }));
    this.name = 'FileImportError';
  }

  text(locale: Locale): string {
    return formatMessage(FILE_IMPORT_MESSAGES[this.key][locale], { ...this.params, column: this.params.column ? columnLetter(this.params.column) : undefined });
  }

  /** The refusal as the API answers it: INVALID_INPUT under the field `file`, in the user's language. */
  toAppError(locale: Locale): AppError {
    const message = this.text(locale);
    return new AppError('INVALID_INPUT', { issues: message, fields: [{ field: 'file', message }] });
  }
}

/** 1 → A, 27 → AA: the column as Excel labels it, so the user finds the cell. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
