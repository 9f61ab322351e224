import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { decodeText, FileImportError, readImportTable, readTable, sheetRows, type SheetRow } from '.';

// GBK bytes as Chinese Excel writes "CSV (逗号分隔)", checked once by hand with
// `printf '\xd0\xd5\xc3\xfb,…' | iconv -f GB18030 -t UTF-8`:
const GBK = {
  header: [0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0], // 姓名,电话
  zhangSan: [0xd5, 0xc5, 0xc8, 0xfd], // 张三
  liSi: [0xc0, 0xee, 0xcb, 0xc4], // 李四
};
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const gbkCsv = Buffer.from([...GBK.header, ...ascii('\r\n'), ...GBK.zhangSan, ...ascii(',13800138000\r\n'), ...GBK.liSi, ...ascii(',13900139000\r\n')]);

async function rowsOf(fileName: string, bytes: Uint8Array, options = {}): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of sheetRows({ fileName, bytes }, options)) out.push(r);
  return out;
}
async function refusal(p: Promise<unknown>): Promise<FileImportError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileImportError);
  return err as FileImportError;
}

describe('encodings', () => {
  it('a GBK CSV from Chinese Excel (no BOM) reads as GB18030', async () => {
    expect(await readTable('客户.csv', gbkCsv)).toEqual([
      ['姓名', '电话'],
      ['张三', '13800138000'],
      ['李四', '13900139000'],
    ]);
  });

  it('UTF-8 with a BOM, UTF-8 without, UTF-16LE with a BOM (Excel’s “Unicode text”, tab-separated) read alike', async () => {
    const want = [
      ['姓名', '电话'],
      ['张三', '13800138000'],
    ];
    expect(await readTable('a.csv', Buffer.from('\uFEFF姓名,电话\r\n张三,13800138000\r\n', 'utf8'))).toEqual(want);
    expect(await readTable('a.csv', Buffer.from('姓名,电话\n张三,13800138000\n', 'utf8'))).toEqual(want);
    expect(await readTable('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t电话\r\n张三\t13800138000\r\n', 'utf16le')]))).toEqual(want);
    const be = Buffer.from('姓名,电话\n张三,13800138000\n', 'utf16le').swap16();
    expect(await readTable('a.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual(want);
  });

  it('the caller may override the detection: GBK bytes read as UTF-8 are refused naming the row and column', async () => {
    const err = await refusal(readTable('a.csv', gbkCsv, { encoding: 'utf-8' }));
    expect(err.params).toMatchObject({ row: 1, column: 1 });
    expect(err.text('zh-CN')).toBe('无法读取文件:第 1 行 A 列有无法按 UTF-8 识别的字符,请确认文件编码(可在 Excel 中另存为“CSV UTF-8”)');
    expect(await readTable('a.csv', gbkCsv, { encoding: 'gb18030' })).toHaveLength(3);
  });

  it('bytes that are not GB18030 either are refused naming their row and column, in both languages', async () => {
    const bad = Buffer.concat([gbkCsv, Buffer.from([...GBK.liSi, 0x2c, 0x31, 0xff, 0x32, 0x0d, 0x0a])]);
    const err = await refusal(readTable('a.csv', bad));
    expect(err.params).toMatchObject({ row: 4, column: 2 });
    expect(err.text('zh-CN')).toContain('第 4 行 B 列有无法按 GBK/GB18030 识别的字符');
    expect(err.text('en')).toContain('row 4, column B holds bytes that are not GBK/GB18030');
    expect(err.toAppError('zh-CN').details).toMatchObject({ fields: [{ field: 'file', message: err.text('zh-CN') }] });
  });

  it('a UTF-8 file with one damaged byte stays UTF-8 and is refused at that cell, not read as fluent GB18030 nonsense', async () => {
    const text = Buffer.from('姓名,备注\n张三,老客户朋友介绍来店\n李四,', 'utf8');
    const err = await refusal(readTable('a.csv', Buffer.concat([text, Buffer.from([0xe5, 0x0a])])));
    expect(err.params).toMatchObject({ row: 3, column: 2, encoding: 'UTF-8' });
  });

  it('decodes in pieces: bytes arriving one at a time give the same rows, and a large file is never one string', async () => {
    const oneByOne = [...gbkCsv].map((b) => Uint8Array.of(b));
    let text = '';
    for await (const p of decodeText(oneByOne)) text += p.text;
    expect(text).toBe('姓名,电话\r\n张三,13800138000\r\n李四,13900139000\r\n');

    const line = Buffer.from([...GBK.zhangSan, ...ascii(',13800138000,'), ...GBK.liSi, ...ascii('\r\n')]);
    const big = Buffer.concat([Buffer.from([...GBK.header, 0x0d, 0x0a]), ...Array.from({ length: 200_000 }, () => line)]); // 4.8 MB
    let longest = 0;
    let rows = 0;
    for await (const p of decodeText([big.subarray(0, 3_000_001), big.subarray(3_000_001)])) longest = Math.max(longest, p.text.length);
    for await (const r of sheetRows({ fileName: 'big.csv', bytes: big })) if (r.cells[0] === '张三' && r.cells[2] === '李四') rows++;
    expect(rows).toBe(200_000);
    expect(longest).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('CSV as Excel writes it', () => {
  it.each<[string, string]>([
    ['semicolon (a comma as decimal mark)', '姓名;电话;金额\r\n张三;13800138000;1,5\r\n'],
    ['tab', '姓名\t电话\t金额\n张三\t13800138000\t1,5\n'],
    ['an Excel “sep=;” first line', 'sep=;\r\n姓名;电话;金额\r\n张三;13800138000;1,5\r\n'],
  ])('the separator is taken from the header: %s', async (_n, text) => {
    expect(await rowsOf('a.csv', Buffer.from(text, 'utf8'))).toEqual([
      { row: 1, cells: ['姓名', '电话', '金额'] },
      { row: 2, cells: ['张三', '13800138000', '1,5'] },
    ]);
  });

  it('quoted fields keep separators, "" quotes and line breaks; rows are numbered as Excel shows them', async () => {
    const text = '备注,电话\r\n"第一行\r\n第二行",1\r\n\r\n"他说""好""",2\r\n"a, b",3\r\n';
    expect(await rowsOf('a.csv', Buffer.from(text, 'utf8'))).toEqual([
      { row: 1, cells: ['备注', '电话'] },
      { row: 2, cells: ['第一行\r\n第二行', '1'] },
      { row: 4, cells: ['他说"好"', '2'] },
      { row: 5, cells: ['a, b', '3'] },
    ]);
  });

  it('CRLF, LF and CR line ends, with or without a last line end, give the same rows', async () => {
    for (const text of ['a,b\r\n1,2\r\n', 'a,b\n1,2\n', 'a,b\r1,2\r', 'a,b\n1,2', 'a,b\n1,2\n\n'])
      expect(await readTable('a.csv', Buffer.from(text, 'utf8'))).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
  });

  it('a quote never closed (a file cut off) is refused naming where it opened', async () => {
    const err = await refusal(readTable('a.csv', Buffer.from('a,b\n1,"2\n3,4\n', 'utf8')));
    expect(err.text('zh-CN')).toBe('无法读取文件:第 2 行 B 列的引号没有结束,文件可能不完整');
  });

  it('an empty file, or one with blank lines only, is refused as empty', async () => {
    expect((await refusal(readTable('a.csv', Buffer.alloc(0)))).text('zh-CN')).toBe('无法读取文件:文件是空的');
    expect((await refusal(readImportTable({ fileName: 'a.csv', bytes: Buffer.from('\uFEFF\r\n \r\n', 'utf8') }))).key).toBe('empty');
  });

  it('readImportTable stops after limit + 1 rows and reads a file from its path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-import-'));
    try {
      const file = path.join(dir, 'list.csv');
      fs.writeFileSync(file, gbkCsv);
      const t = await readImportTable({ fileName: 'list.csv', path: file }, { limit: 1 });
      expect(t.header).toEqual(['姓名', '电话']);
      expect(t.rows).toEqual([
        { row: 2, cells: ['张三', '13800138000'] },
        { row: 3, cells: ['李四', '13900139000'] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('xlsx', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('客户'));
    wb.addWorksheet('说明').addRow(['这一页不导入']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('cells as text: numbers, dates, a formula as its cached result, rich text; the first sheet only, Excel’s row numbers', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['姓名', '电话', '购车日期', '合计', '到店', '备注']);
      ws.addRow([]);
      ws.addRow([
        '张三',
        13800138000,
        new Date(Date.UTC(2026, 0, 5)),
        { formula: 'SUM(1,2)', result: 3 },
        { formula: 'A3&"先生"', result: '张三先生' },
        { richText: [{ text: '老' }, { text: '客户', font: { bold: true } }] },
      ]);
      ws.addRow(['李四', null, new Date(Date.UTC(2026, 0, 5, 9, 30)), { formula: '2-1', result: 1 }, true]);
    });
    expect(await rowsOf('a.xlsx', bytes)).toEqual([
      { row: 1, cells: ['姓名', '电话', '购车日期', '合计', '到店', '备注'] },
      { row: 3, cells: ['张三', '13800138000', '2026-01-05', '3', '张三先生', '老客户'] },
      { row: 4, cells: ['李四', '', '2026-01-05 09:30:00', '1', 'TRUE'] },
    ]);
  });

  it('a date as Chinese Excel stores it — a serial number in a built-in 年月日 format (id 31) — and a date formula read as dates', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['日期', '公式']);
      ws.addRow([46027, { formula: 'DATE(2026,1,5)', result: 46027 }]);
      ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    // exceljs writes the format as a custom one (id 164); Excel writes the built-in id and no code.
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const id = /<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"\/>/.exec(styles)![1]!;
    zip.file('xl/styles.xml', styles.replace(/<numFmt numFmtId="\d+"[^>]*\/>/, '').replace(new RegExp(`numFmtId="${id}"`, 'g'), 'numFmtId="31"'));
    expect(await zip.file('xl/styles.xml')!.async('string')).not.toContain('formatCode="yyyy');
    // DEFLATE is read by the streaming reader; exceljs's streaming reader fails on the same parts
    // stored uncompressed (STORE), and the whole-file reader takes over with the same answer.
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      expect(await readTable('a.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression }))).toEqual([
        ['日期', '公式'],
        ['2026-01-05', '2026-01-05'],
      ]);
    }
  });

  it('a truncated .xlsx, a file that is no spreadsheet, and an old .xls are refused with what to do', async () => {
    const bytes = await workbook((ws) => ws.addRows(Array.from({ length: 2000 }, (_, i) => ['客户' + i, 13800000000 + i])));
    for (const cut of [0.2, 0.5, 0.95]) {
      const err = await refusal(readTable('a.xlsx', bytes.subarray(0, Math.floor(bytes.length * cut))));
      expect(err.text('zh-CN')).toBe('无法读取文件:xlsx 文件不完整或已损坏(可能未下载完),请在 Excel 中打开并重新保存后再导入');
    }
    expect((await refusal(readTable('a.xlsx', Buffer.from('not a zip')))).key).toBe('xlsx');
    expect((await refusal(readTable('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).text('zh-CN')).toContain('另存为 .xlsx');
  });
});

// Moved from solicitation-import.test.ts with the reader they test; the assertions are unchanged.
describe('readTable (CSV)', () => {
  it.each<[string, string, string[][]]>([
    ['BOM stripped from the first header', '\uFEFFVIN,电话\n1,2\n', [['VIN', '电话'], ['1', '2']]],
    ['a quoted comma stays in its cell', 'a,b\n"x, y",z\n', [['a', 'b'], ['x, y', 'z']]],
    ['a quoted line break stays in its cell', 'a,b\n"第一行\n第二行",z\n', [['a', 'b'], ['第一行\n第二行', 'z']]],
    ['leading zeros and dates stay as written', 'a,b\n00123,2026-12-01\n', [['a', 'b'], ['00123', '2026-12-01']]],
    ['blank lines are skipped, cells trimmed', 'a,b\n\n  x , y \n', [['a', 'b'], ['x', 'y']]],
  ])('%s', async (_n, text, rows) => {
    expect(await readTable('f.csv', Buffer.from(text, 'utf8'))).toEqual(rows);
  });
});
