import ExcelJS from 'exceljs';
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../../../common/api/data-import';
import type { Locale } from '../../../common/i18n/texts';
import { ALIASES_OF } from '../../../common/import-headers';
import { IMPORT_TEXTS } from './texts';

/** One example row per kind: a person with a mobile, a landline and a car (the VIN's check digit is right). */
const EXAMPLE: Record<ImportKind, Partial<Record<ImportField, string>>> = {
  customers: {
    name: '张伟',
    mobile: '13800138000',
    phone2: '0411-88886666',
    kind: '个人',
    gender: '男',
    birthday: '1985-06-18',
    province: '辽宁省',
    city: '大连市',
    address: '中山区人民路 1 号',
    vin: 'LFV2A21K0N3000001',
    plate: '辽B12345',
    model: '迈腾',
    colour: '白色',
    purchaseDate: '2024/5/20',
    mileage: '32000',
  },
  opportunities: {
    name: '李娜',
    mobile: '13900139000',
    model: '迈腾',
    stage: '新车展示',
    channel: '展厅',
    createdDate: '2026/11/20',
    price: '189800',
    nextFollowUp: '2026/12/10',
  },
  repairOrders: {
    ro: 'RO20261120001',
    vin: 'LFV2A21K0N3000001',
    plate: '辽B12345',
    date: '2026/11/20',
    type: '保养',
    mileage: '35000',
    items: '更换机油、机滤',
    amount: '680',
  },
};
/** Columns Excel must keep as text: it would turn 13800138000 into 1.38E+10. */
const TEXT_FIELDS = new Set<ImportField>(['mobile', 'phone2', 'idNumber', 'vin', 'ro']);

/** The headers the import recognises for a kind (the Chinese name a DMS uses), with an example row: a sheet to fill in. */
export async function importTemplate(kind: ImportKind, locale: Locale): Promise<{ fileName: string; base64: string }> {
  const fields: readonly ImportField[] = IMPORT_FIELDS[kind];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(IMPORT_TEXTS.text(`template.sheet.${kind}`, locale));
  // The first Chinese alias: 姓名, 手机, 车架号 … (the English key stays readable to the guesser too).
  const headers = fields.map((f) => (locale === 'en' ? f : ((ALIASES_OF[kind][f] ?? []).find((a) => /[\u4e00-\u9fff]/.test(a)) ?? f)));
  sheet.addRow(headers).font = { bold: true };
  sheet.addRow(fields.map((f) => EXAMPLE[kind][f] ?? ''));
  sheet.columns.forEach((c) => (c.width = 16));
  fields.forEach((f, i) => {
    if (TEXT_FIELDS.has(f)) sheet.getColumn(i + 1).numFmt = '@';
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${IMPORT_TEXTS.text(`template.file.${kind}`, locale)}.xlsx`, base64: bytes.toString('base64') };
}
