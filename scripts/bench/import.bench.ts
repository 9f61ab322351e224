import { createCore } from '../../electron/node/core';
import { dispatch } from '../../electron/node/dispatch';
import { makeVin } from '../../electron/node/features/demo/vin';
import type { ImportBatchRow, ImportPreview, ImportUndoResult } from '../../electron/common/api/data-import';
import { encodeGbk } from '../../tests/support/gbk';
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

/**
 * 数据导入 at scale, on the seeded database: a 100,000-row GBK CSV with a vehicle per row is
 * previewed (read, every row checked, matches looked up) and run (500-row transactions, audit and
 * undo trail per customer), then undone, leaving the customers as they were. Figures:
 * - import.preview_100k.ms and import.customers_100k.ms (the run; goal ≤ 60 s for the two);
 * - import.max_pause.ms: the longest the event loop was held during the run (what a screen waits at most);
 * - import.undo_100k.ms.
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
    const file = dmsExport();
    log(`import: ${ROWS.toLocaleString()} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB GBK`);
    const session = core.auth.resolve(token)!;
    const { uploadId } = await core.uploads.receive(session.user.id, 'DMS客户.csv', [file]);

    let t = performance.now();
    const p = await call<ImportPreview>('dataImport.preview', { kind: 'customers', uploadId });
    const previewMs = performance.now() - t;
    log(`import.preview: ${previewMs.toFixed(0)} ms (${p.readAs}; new ${p.newRows}, matching ${p.matchRows}, bad ${p.badRows})`);

    let maxPause = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxPause = Math.max(maxPause, now - last - 10);
      last = now;
    }, 10);
    t = performance.now();
    await call('dataImport.start', { batchId: p.batchId, mapping: p.mapping, matchMode: 'skip', defaultOwnerId: null });
    await core.services.dataImport.idle();
    const runMs = performance.now() - t;
    clearInterval(ticker);
    const b = await call<ImportBatchRow>('dataImport.get', { batchId: p.batchId });
    log(`import.run: ${runMs.toFixed(0)} ms — ${b.status}, created ${b.created}, skipped ${b.skipped}, bad ${b.bad}; longest pause ${maxPause.toFixed(0)} ms`);

    t = performance.now();
    const u = await call<ImportUndoResult>('dataImport.undo', { batchId: p.batchId });
    const undoMs = performance.now() - t;
    log(`import.undo: ${undoMs.toFixed(0)} ms — undone ${u.undone}, ${u.customers} customers`);
    return [
      { name: 'import.preview_100k.ms', value: round(previewMs, 0), unit: 'ms', baseline: null },
      { name: 'import.customers_100k.ms', value: round(runMs, 0), unit: 'ms', baseline: null, goal: '≤ 60,000 ms with the preview' },
      { name: 'import.max_pause.ms', value: round(maxPause, 0), unit: 'ms', baseline: null },
      { name: 'import.undo_100k.ms', value: round(undoMs, 0), unit: 'ms', baseline: null },
    ];
  } finally {
    core.close();
  }
}
