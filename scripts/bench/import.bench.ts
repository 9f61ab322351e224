import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { makeVin } from '../../electron/node/features/demo/vin';
import type { ImportBatchRow, ImportPreview, ImportUndoResult } from '../../electron/common/api/data-import';
import { encodeGbk } from '../../tests/support/gbk';
import { todayIn } from '../../electron/common/dates';
import { log, round, type Metric } from './stats';

const DEMO_PASSWORD = 'demo1234';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞建国志文斌浩宇晨阳欣怡子涵梓轩';
const MODELS = ['迈腾', '速腾', '宝来', '探岳', '揽巡', '高尔夫', 'CC', '探歌'];
const CITIES = ['大连', '沈阳', '鞍山', '丹东', '营口'];

/** A DMS export of 100,000 customers with a mobile and a car each, as Chinese Excel saves CSV (GBK). */
function dmsExport(): Buffer {
  const lines = ['客户名称,性别,手机号码,城市,车架号,车牌号,车型,购车日期,备注'];
  for (let i = 0; i < ROWS; i++) {
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : '');
    const phone = `166${String(10_000_000 + i * 37).slice(-8)}`;
    const vin = makeVin('LSV', 'AB12C', 2024, 'Z', i);
    const plate = `辽B${String(10_000 + (i % 90_000)).padStart(5, '0')}`;
    const day = `${2018 + (i % 8)}/${1 + (i % 12)}/${1 + (i % 28)}`;
    lines.push(`${name},${i % 2 ? '女' : '男'},${phone},${CITIES[i % CITIES.length]},${vin},${plate},${MODELS[i % MODELS.length]},${day},DMS 导入`);
  }
  return encodeGbk(lines.join('\r\n') + '\r\n');
}

/** A 潜客 export of 100,000 prospects, each a new mobile (a customer made with the opportunity and its follow-up). */
function prospectsExport(consultants: readonly string[]): Buffer {
  const stages = ['初次接触', '弄清客户需求', '新车展示', '试车', '从报价到成交'];
  const channels = ['展厅', '电话', '网络', '车展'];
  const lines = ['客户姓名,手机号码,意向车型,流程状态,来源方式,销售顾问,建档日期,下次跟进日期'];
  for (let i = 0; i < ROWS; i++) {
    const name = SURNAMES[(i * 3) % SURNAMES.length]! + GIVEN[(i * 11) % GIVEN.length]!;
    const phone = `165${String(10_000_000 + i * 41).slice(-8)}`;
    lines.push(`${name},${phone},${MODELS[i % 4]},${stages[i % stages.length]},${channels[i % channels.length]},${consultants[i % consultants.length]},2026/${1 + (i % 11)}/${1 + (i % 28)},`);
  }
  return encodeGbk(lines.join('\r\n') + '\r\n');
}

/** A DMS repair-order export: one order (保养, yesterday) for each of 100,000 vehicles here, reading 1,000 km more than stored. */
function repairOrdersExport(vehicles: readonly { vin: string; mileage: number | null }[], day: string): Buffer {
  const lines = ['工单号,车架号,维修日期,维修类型,进厂里程,维修项目,结算金额'];
  vehicles.forEach((v, i) => lines.push(`BENCH-RO-${i},${v.vin},${day},保养,${(v.mileage ?? 0) + 1000},机油机滤,${380 + (i % 500)}`));
  return encodeGbk(lines.join('\r\n') + '\r\n');
}

/**
 * 数据导入 at scale, on the seeded database: 100,000-row GBK CSVs of each kind are previewed (read,
 * every row checked, matches looked up), run (transactions of up to 1,000 rows, audit and undo
 * trail per row) and undone, leaving the database as it was. Figures:
 * - import.preview_100k.ms and import.customers_100k.ms (customers with a vehicle each; goal ≤ 60 s for the two);
 * - import.max_pause.ms: the longest the event loop was held during that run (what a screen waits at most);
 * - import.undo_100k.ms;
 * - import.opportunities_100k.ms (new prospects: customer, opportunity, first stage, follow-up each)
 *   and import.repair_orders_100k.ms (one order per vehicle, saved as the service desk saves one),
 *   each with its preview and undo.
 */
export async function benchImport(dataDir: string): Promise<Metric[]> {
  const core = await createCore({ dataDir, bootstrapAdmin: false });
  try {
    const { token } = await core.auth.login('admin', DEMO_PASSWORD);
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const { result: r } = await dispatch(core, token, method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const session = core.auth.resolve(token)!;

    /** Preview, run and undo of one file; the longest event-loop pause during the run. */
    const timed = async (kind: string, fileName: string, file: Buffer) => {
      log(`import ${kind}: ${ROWS.toLocaleString()} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB GBK`);
      const { uploadId } = await core.uploads.receive(session.user.id, fileName, [file]);
      let t = performance.now();
      const p = await call<ImportPreview>('dataImport.preview', { kind, uploadId });
      const previewMs = performance.now() - t;
      log(`import.preview ${kind}: ${previewMs.toFixed(0)} ms (${p.readAs}; new ${p.newRows}, matching ${p.matchRows}, bad ${p.badRows})`);
      let maxPause = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        maxPause = Math.max(maxPause, now - last - 10);
        last = now;
      }, 10);
      t = performance.now();
      await call('dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode: kind === 'opportunities' ? 'create' : 'skip', defaultOwnerId: null });
      await core.services.dataImport.idle();
      const runMs = performance.now() - t;
      clearInterval(ticker);
      const b = await call<ImportBatchRow>('dataImport.get', { batchId: p.batchId });
      log(`import.run ${kind}: ${runMs.toFixed(0)} ms — ${b.status}, created ${b.created}, skipped ${b.skipped}, bad ${b.bad}; longest pause ${maxPause.toFixed(0)} ms`);
      if (b.created < ROWS * 0.99) throw new Error(`import ${kind}: only ${b.created} of ${ROWS} rows created — the file does not fit the seed`);
      t = performance.now();
      const u = await call<ImportUndoResult>('dataImport.undo', { batchId: p.batchId });
      const undoMs = performance.now() - t;
      log(`import.undo ${kind}: ${undoMs.toFixed(0)} ms — undone ${u.undone}, ${u.customers} customers`);
      return { previewMs, runMs, undoMs, maxPause };
    };

    const c = await timed('customers', 'DMS客户.csv', dmsExport());
    const consultants = core.sqlite.prepare("SELECT display_name FROM users WHERE role = 'salesConsultant' AND active = 1 ORDER BY id").pluck().all() as string[];
    const o = await timed('opportunities', '潜客.csv', prospectsExport(consultants));
    const yesterday = todayIn(core.settings.get('dealer.timeZone'), Date.now() - 86_400_000);
    // Vehicles delivered before yesterday whose odometer was read before it (spread over the table).
    const vehicles = core.sqlite
      .prepare(
        `SELECT vin, mileage FROM vehicles WHERE vin IS NOT NULL AND (delivery_date IS NULL OR delivery_date < ?) AND (mileage_date IS NULL OR mileage_date < ?)
          AND id % 5 = 0 ORDER BY id LIMIT ?`,
      )
      .all(yesterday, yesterday, ROWS) as { vin: string; mileage: number | null }[];
    const r = await timed('repairOrders', '维修工单.csv', repairOrdersExport(vehicles, yesterday));
    return [
      { name: 'import.preview_100k.ms', value: round(c.previewMs, 0), unit: 'ms', baseline: null },
      { name: 'import.customers_100k.ms', value: round(c.runMs, 0), unit: 'ms', baseline: null, goal: '≤ 60,000 ms with the preview' },
      { name: 'import.max_pause.ms', value: round(c.maxPause, 0), unit: 'ms', baseline: null },
      { name: 'import.undo_100k.ms', value: round(c.undoMs, 0), unit: 'ms', baseline: null },
      { name: 'import.opportunities_preview_100k.ms', value: round(o.previewMs, 0), unit: 'ms', baseline: null },
      { name: 'import.opportunities_100k.ms', value: round(o.runMs, 0), unit: 'ms', baseline: null },
      { name: 'import.opportunities_undo_100k.ms', value: round(o.undoMs, 0), unit: 'ms', baseline: null },
      { name: 'import.repair_orders_preview_100k.ms', value: round(r.previewMs, 0), unit: 'ms', baseline: null },
      { name: 'import.repair_orders_100k.ms', value: round(r.runMs, 0), unit: 'ms', baseline: null },
      { name: 'import.repair_orders_undo_100k.ms', value: round(r.undoMs, 0), unit: 'ms', baseline: null },
      { name: 'import.max_pause_records.ms', value: round(Math.max(o.maxPause, r.maxPause), 0), unit: 'ms', baseline: null },
    ];
  } finally {
    core.close();
  }
}
