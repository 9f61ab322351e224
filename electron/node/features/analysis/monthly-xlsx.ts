import ExcelJS from 'exceljs';
import type { Headline } from '../../../common/api/analysis-headline';
import type { MonthlyHeadline, MonthlyReport } from '../../../common/api/analysis-monthly';
import { MONTHLY_TEXTS, headlineLabel } from '../../../common/api/analysis-monthly-texts';
import { localeOf } from '../../../common/i18n/texts';

/** Characters Excel refuses in a sheet's name ('售后 / 客服' would not open). */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, '·').slice(0, 31);

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;
const GOOD = 'FF1B7F3B';
const BAD = 'FFC0392B';

/**
 * 总经理月报 as a workbook (exceljs, in memory): one sheet per section, a title row, the month, then
 * each figure with last month, the change and the arrow — numbers stored as numbers with Excel
 * formats (counts #,##0, rates 0.0 %, a rate's change in percentage points, the others' in %), so
 * the file computes and sorts in Excel; "—" (text) where there is nothing to count.
 */
export async function monthlyWorkbook(report: MonthlyReport, userLocale: string): Promise<Buffer> {
  const locale = localeOf(userLocale);
  const t = (k: Parameters<typeof MONTHLY_TEXTS.text>[0], p?: Record<string, string>) => MONTHLY_TEXTS.text(k, locale, p);
  const valueFormat = (f: Headline['format']) =>
    f === 'rate' ? '0.0%' : f === 'seconds' ? `#,##0.0" ${t('secondsFormat')}"` : f === 'days' ? `0.0" ${t('daysFormat')}"` : '#,##0';
  const pp = t('pointsFormat');
  const changeFormat = (f: Headline['format']) => (f === 'rate' ? `+0.0" ${pp}";-0.0" ${pp}";0.0" ${pp}"` : '+0.0%;-0.0%;0.0%');

  const wb = new ExcelJS.Workbook();
  wb.creator = 'DS-CRM';
  for (const section of report.sections) {
    const title = t(`section.${section.topic}`);
    const ws = wb.addWorksheet(sheetName(title), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = [{ width: 30 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 8 }];
    ws.addRow([`${t('title')} · ${title}`]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, 5);
    ws.addRow([t('monthLabel', { month: report.month, previous: report.previousRange.from.slice(0, 7) })]);
    ws.mergeCells(2, 1, 2, 5);
    ws.addRow([]);
    const head = ws.addRow([t('col.item'), t('col.value'), t('col.previous'), t('col.change'), t('col.trend')]);
    head.font = { bold: true };
    head.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
    for (const h of section.headlines) addFigure(ws, section.topic, h, locale, valueFormat(h.format), changeFormat(h.format));
    ws.addRow([]);
    ws.addRow([t('note')]).font = { italic: true, size: 9 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addFigure(ws: ExcelJS.Worksheet, topic: MonthlyReport['sections'][number]['topic'], h: MonthlyHeadline, locale: string, valueFmt: string, changeFmt: string): void {
  const dash = '—';
  // A rate's change in points is stored ×100 (5.0 pp), so the cell's number is what it says.
  const change = h.change === null ? dash : h.format === 'rate' ? Math.round(h.change * 1000) / 10 : h.change;
  const row = ws.addRow([headlineLabel(topic, h.key, locale), h.value ?? dash, h.previous ?? dash, change, h.direction ? ARROW[h.direction] : dash]);
  for (const col of [2, 3]) if (typeof row.getCell(col).value === 'number') row.getCell(col).numFmt = valueFmt;
  if (typeof row.getCell(4).value === 'number') row.getCell(4).numFmt = changeFmt;
  for (const col of [2, 3, 4, 5]) row.getCell(col).alignment = { horizontal: 'right' };
  if (h.direction === 'up' || h.direction === 'down') {
    const good = (h.direction === 'up') === h.higherIsBetter;
    row.getCell(5).font = { color: { argb: good ? GOOD : BAD }, bold: true };
    row.getCell(4).font = { color: { argb: good ? GOOD : BAD } };
  }
}
