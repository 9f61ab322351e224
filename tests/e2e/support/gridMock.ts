/**
 * A stand-in for the grid handlers (grid.columns / query / count / views / export) routed inside the
 * page, so the DataGrid's own behaviour (what it asks for, how it shows the answers) is tested
 * apart from the server. Every request body is recorded.
 */
import ExcelJS from 'exceljs';
import type { Page, Route } from 'playwright-core';
import type { GridColumnMeta, GridView } from '../../../electron/common/api/grid';

export interface MockRow {
  id: number;
  name: string;
  phone: string;
  city: string;
  source: string;
  createdAt: string;
  vehicleModel: string;
}

export const MOCK_COLUMNS: GridColumnMeta[] = [
  { id: 'name', type: 'text', zh: '客户姓名', en: 'Name', sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 120 },
  { id: 'phone', type: 'text', zh: '电话', en: 'Phone', sortable: true, filterable: true, groupable: false, defaultVisible: true, width: 140, phone: true },
  { id: 'city', type: 'text', zh: '城市', en: 'City', sortable: true, filterable: true, groupable: true, defaultVisible: true },
  {
    id: 'source',
    type: 'enum',
    zh: '来源',
    en: 'Source',
    sortable: true,
    filterable: true,
    groupable: true,
    defaultVisible: true,
    enumValues: [
      { value: 'walkIn', zh: '展厅到店', en: 'Walk-in' },
      { value: 'phone', zh: '来电', en: 'Phone' },
      { value: 'web', zh: '网络', en: 'Web' },
    ],
  },
  { id: 'createdAt', type: 'date', zh: '建档日期', en: 'Created', sortable: true, filterable: true, groupable: false, defaultVisible: true },
  { id: 'vehicleModel', type: 'text', zh: '车型', en: 'Model', sortable: false, filterable: true, groupable: true, defaultVisible: false, related: 'vehicle' },
];

const CITIES = ['长春', '沈阳', '大连'];
const SOURCES = ['walkIn', 'phone', 'web'];

export function mockRows(n: number): MockRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `客户${String(i + 1).padStart(4, '0')}`,
    phone: `1380000${String(i + 1).padStart(4, '0')}`,
    city: CITIES[i % 3] as string,
    source: SOURCES[(i >> 1) % 3] as string,
    createdAt: `2026-0${(i % 9) + 1}-1${i % 10}`,
    vehicleModel: i % 2 ? '迈腾' : '速腾',
  }));
}

interface Body {
  [k: string]: unknown;
}

export interface GridMock {
  requests: { method: string; body: Body }[];
  views: GridView[];
  rows: MockRow[];
}

export async function installGridMock(page: Page, rowCount = 1000): Promise<GridMock> {
  const mock: GridMock = { requests: [], views: [], rows: mockRows(rowCount) };
  let nextViewId = 1;
  const json = (route: Route, value: unknown) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });

  await page.route(/\/api\/grid\./, async (route) => {
    const method = new URL(route.request().url()).pathname.replace('/api/', '');
    const body = (route.request().postDataJSON() ?? {}) as Body;
    mock.requests.push({ method, body });
    if (method === 'grid.columns') return json(route, { columns: MOCK_COLUMNS, defaultSort: [{ col: 'name', dir: 'asc' }], scopes: ['mine', 'team', 'all'] });
    if (method === 'grid.export') {
      const f = body.filter as { columns?: unknown[] } | undefined;
      if (!f?.columns?.length)
        return route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'TOO_MANY_ROWS', message: '最多导出 10000 行,请缩小筛选范围' } }) });
      const cols = body.columns as (keyof MockRow)[];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('customers');
      ws.addRow(cols.map((c) => MOCK_COLUMNS.find((m) => m.id === c)?.zh ?? c));
      for (const r of mock.rows.slice(0, 5)) ws.addRow(cols.map((c) => r[c]));
      const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      return json(route, { fileName: 'customers.xlsx', rows: 5, base64 });
    }
    if (method === 'grid.count') return json(route, { count: mock.rows.length });
    if (method === 'grid.views.list') return json(route, mock.views);
    if (method === 'grid.views.save') {
      const id = typeof body.id === 'number' ? body.id : nextViewId++;
      if (body.isDefault) for (const v of mock.views) v.isDefault = false;
      const view: GridView = { id, dataset: 'customers', name: String(body.name), state: body.state as GridView['state'], isDefault: !!body.isDefault, sharedWithRole: null, mine: true, ownerName: 'me' };
      mock.views = [...mock.views.filter((v) => v.id !== id), view];
      return json(route, view);
    }
    if (method === 'grid.views.delete') {
      mock.views = mock.views.filter((v) => v.id !== body.id);
      return json(route, { ok: true });
    }
    if (method === 'grid.views.share') {
      const v = mock.views.find((x) => x.id === body.id);
      if (v) v.sharedWithRole = (body.role as string | null) ?? null;
      return json(route, v);
    }
    if (method === 'grid.query') {
      const sort = (body.sort as { col: keyof MockRow; dir: 'asc' | 'desc' }[]) ?? [];
      const groupBy = (body.groupBy as (keyof MockRow)[]) ?? [];
      const keys = (body.groupKeys as unknown[]) ?? [];
      let rows = mock.rows.filter((r) => keys.every((k, i) => r[groupBy[i] as keyof MockRow] === k));
      if (keys.length < groupBy.length) {
        const col = groupBy[keys.length] as keyof MockRow;
        const counts = new Map<unknown, number>();
        for (const r of rows) counts.set(r[col], (counts.get(r[col]) ?? 0) + 1);
        const groups = [...counts].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([key, count]) => ({ key, label: String(key), count }));
        return json(route, { kind: 'groups', level: keys.length, groups, total: null });
      }
      rows = [...rows].sort((a, b) => {
        for (const s of sort) {
          const c = String(a[s.col]).localeCompare(String(b[s.col]));
          if (c) return s.dir === 'asc' ? c : -c;
        }
        return a.id - b.id;
      });
      const limit = Number(body.limit ?? 100);
      const start = typeof body.cursor === 'string' ? Number(body.cursor.slice(1)) : Number(body.offset ?? 0);
      const page = rows.slice(start, start + limit);
      const next = start + limit < rows.length ? `c${start + limit}` : null;
      return json(route, { kind: 'rows', rows: page, nextCursor: next, total: body.withTotal ? rows.length : null });
    }
    return route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'not mocked' } }) });
  });
  return mock;
}
