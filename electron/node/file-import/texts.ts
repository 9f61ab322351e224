import { defineTexts } from '../../common/i18n/texts';

/**
 * Why a file could not be read, both languages side by side. Every text starts with 无法读取文件 /
 * Cannot read the file, so a user knows the file itself is refused (not one of its rows), and names
 * the row and column (as Excel shows them) wherever the problem has one.
 */
export const FILE_IMPORT_TEXTS = defineTexts({
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
});
