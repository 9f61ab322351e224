// exceljs's table of Excel's built-in number formats (numFmtId → format code, some per locale).
declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  const formats: Record<string, { f?: string; 'zh-cn'?: string }>;
  export default formats;
}
