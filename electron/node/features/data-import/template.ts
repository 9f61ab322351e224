import ExcelJS from 'exceljs';
import { CUSTOMER_IMPORT_FIELDS, type ImportKind } from '../../../common/api/data-import';
import type { Locale } from '../../../common/i18n/texts';
import { HEADER_ALIASES } from '../../../common/import-headers';
import { IMPORT_TEXTS } from './texts';

/** One example row: a person with a mobile, a landline and a car (the VIN's check digit is right). */
const EXAMPLE: Partial<Record<(typeof CUSTOMER_IMPORT_FIELDS)[number], string>> = {
  name: '张伟',
  mobile: '13800138000',
  phone2: '0411-88886666',
  kind: '个人',
  gender: '男',
  idNumber: '',
  birthday: '1985-06-18',
  province: '辽宁省',
  city: '大连市',
  address: '中山区人民路 1 号',
  source: '',
  owner: '',
  notes: '',
  vin: 'LFV2A21K0N3000001',
  plate: '辽B12345',
  model: '迈腾',
  colour: '白色',
  purchaseDate: '2024/5/20',
  mileage: '32000',
};

/** The headers the import recognises (the Chinese name a DMS uses), with an example row: a sheet to fill in. */
export async function importTemplate(kind: ImportKind, locale: Locale): Promise<{ fileName: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(IMPORT_TEXTS.text('template.sheet', locale));
  // The first Chinese alias: 姓名, 手机, 车架号 … (the English key stays readable to the guesser too).
  const headers = CUSTOMER_IMPORT_FIELDS.map((f) => (locale === 'en' ? f : (HEADER_ALIASES[f].find((a) => /[\u4e00-\u9fff]/.test(a)) ?? f)));
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(CUSTOMER_IMPORT_FIELDS.map((f) => EXAMPLE[f] ?? ''));
  sheet.columns.forEach((c) => (c.width = 16));
  // Phones, ID numbers and VINs are text: Excel would turn 13800138000 into 1.38E+10.
  for (const f of ['mobile', 'phone2', 'idNumber', 'vin'] as const) sheet.getColumn(CUSTOMER_IMPORT_FIELDS.indexOf(f) + 1).numFmt = '@';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${IMPORT_TEXTS.text('template.file', locale)}-${kind}.xlsx`, base64: bytes.toString('base64') };
}
