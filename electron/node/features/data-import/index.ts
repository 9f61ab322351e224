// 系统管理 → 数据导入: customers (phones, vehicles) from the DMS or Excel, with preview and undo.
export { DataImports, settleImportsAtStart, MAX_IMPORT_ROWS, IMPORT_CHUNK } from './service';
export { undoImport } from './undo';
export { parseImportDay } from './row-reader';
