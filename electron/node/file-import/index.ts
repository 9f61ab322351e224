// The one way an import reads its file: detect the kind and the encoding, give numbered rows of text.
export { ENCODING_LABEL, decodeText, type EncodingChoice, type TextEncoding } from './decode';
export { csvRows, detectDelimiter, type Delimiter } from './csv';
export { cellText, dateText, xlsxRows } from './xlsx';
export { FileImportError, columnLetter } from './messages';
export { FILE_IMPORT_TEXTS } from './texts';
export { readImportTable, readTable, sheetRows, type ImportSource, type ImportTable, type ReadOptions } from './read-sheet';
export type { SheetRow } from './sheet-row';
