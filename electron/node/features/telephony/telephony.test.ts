/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads API results loosely and compares them with plain SQL */
/**
 * Telephony on the main side, on a real SQLite file: seat settings with the sealed SIP password,
 * caller identification, the call log, recordings (chunks, incomplete, refused late pieces, disk
 * full), playback through the web host, export permission and audit, recording search.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { FolderGrants } from '../../folder-grants';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { startWebHost, type WebHost } from '../../webhost/server';
import { normaliseCallerId } from './cti-lookup';
import { recordingRetention } from './retention-job';

let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;

async function ok<T = any>(token: string, method: string, input: unknown = {}): Promise<T> {
  const r = await call(t.core, token, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function customer(name: string, ownerId: number, ...phones: [raw: string, normalized: string][]): number {
  const id = Number(t.core.sqlite.prepare('insert into customers (name, owner_id, created_at, updated_at) values (?, ?, 0, 0)').run(name, ownerId).lastInsertRowid);
  phones.forEach(([raw, normalized], i) =>
    t.core.sqlite.prepare("insert into customer_phones (customer_id, raw, normalized, kind, is_primary) values (?, ?, ?, 'mobile', ?)").run(id, raw, normalized, i === 0 ? 1 : 0),
  );
  return id;
}

const seat = (extension: string, password?: string) => ({ wsUrl: 'ws://127.0.0.1:8088', extension, authUser: extension, ...(password === undefined ? {} : { password }), displayName: `坐席 ${extension}` });

let zhang: number;
let li: number;
let wang: number;

beforeAll(async () => {
  t = await makeCore();
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['agent1', 'serviceAgent'],
    ['agent2', 'serviceAgent'],
    ['sales1', 'salesConsultant'],
    ['csm', 'serviceManager'],
  ]));
  zhang = customer('张伟', uid.sales1!, ['138 0013 8000', '8613800138000']);
  li = customer('李娜', uid.agent1!, ['13800138000', '8613800138000']);
  wang = customer('王芳', uid.agent1!, ['0755-88881234', '8675588881234']);
  await ok(tok.agent1!, 'telephony.settings.save', seat('1001', 'pw-1001'));
  await ok(tok.agent2!, 'telephony.settings.save', seat('1002', 'pw-1002'));
  await ok(tok.sales1!, 'telephony.settings.save', seat('1003', 'pw-1003'));
});
afterAll(() => t.cleanup());

describe('seat settings', () => {
  it('keeps the SIP password sealed at rest and never returns it except to the seat’s own register call', async () => {
    const row = t.core.sqlite.prepare('select password_enc from softphone_settings where user_id = ?').get(uid.agent1!) as { password_enc: string };
    expect(row.password_enc).toMatch(/^v1:/);
    expect(row.password_enc).not.toContain('pw-1001');
    expect(fs.statSync(path.join(t.dir, 'telephony.key')).mode & 0o077).toBe(0);
    const view = await ok(tok.agent1!, 'telephony.settings.get');
    expect(view).toMatchObject({ configured: true, extension: '1001', hasPassword: true });
    expect(JSON.stringify(view)).not.toContain('pw-1001');
    expect(await ok(tok.agent1!, 'telephony.credentials')).toMatchObject({ extension: '1001', password: 'pw-1001', domain: '127.0.0.1' });
    expect(await ok(tok.agent2!, 'telephony.credentials')).toMatchObject({ extension: '1002', password: 'pw-1002' });
    const audit = t.core.sqlite.prepare("select before, after from audit_log where entity = 'softphone_settings'").all();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit)).not.toContain('pw-10');
  });

  it('saving without a password keeps the old one; a malformed URL or extension is refused with a message', async () => {
    await ok(tok.agent2!, 'telephony.settings.save', { ...seat('1002'), popOn: 'ring' });
    expect(await ok(tok.agent2!, 'telephony.credentials')).toMatchObject({ password: 'pw-1002' });
    expect(await ok(tok.agent2!, 'telephony.settings.get')).toMatchObject({ popOn: 'ring', hasPassword: true });
    const bad = await call(t.core, tok.agent2!, 'telephony.settings.save', { ...seat('10a'), wsUrl: 'http://x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/ws:\/\/ 或 wss:\/\//);
  });

  it('a user without a seat gets no credentials', async () => {
    expect(await ok(tok.csm!, 'telephony.credentials')).toBeNull();
    expect(await ok(tok.csm!, 'telephony.settings.get')).toMatchObject({ configured: false });
  });
});

describe('caller identification', () => {
  it('normalises +86, 0086, spaces and the landline trunk 0; withheld and letters are unknown', () => {
    for (const n of ['+8613800138000', '008613800138000', '138 0013 8000', '8613800138000', '+86 138-0013-8000']) expect(normaliseCallerId(n)).toEqual({ normalized: '8613800138000' });
    expect(normaliseCallerId('075588881234')).toEqual({ normalized: '8675588881234' });
    expect(normaliseCallerId('+86 755 8888 1234')).toEqual({ normalized: '8675588881234' });
    for (const n of ['', 'anonymous', 'Withheld', '  ']) expect(normaliseCallerId(n)).toEqual({ unknownReason: 'withheld' });
    for (const n of ['abc123', '1380013800x', '88881234']) expect(normaliseCallerId(n)).toEqual({ unknownReason: 'invalid' });
  });

  it('shows every visible customer sharing the number and counts the hidden ones', async () => {
    // A service agent sees all customers (customers.viewAll): both.
    const a = await ok(tok.agent1!, 'telephony.lookup', { number: '+86 138 0013 8000' });
    expect(a.matches.map((m: any) => m.name).sort()).toEqual(['张伟', '李娜']);
    expect(a).toMatchObject({ normalized: '8613800138000', hiddenCount: 0, unknownReason: null });
    expect(a.matches[0].phone).toBe('138 0013 8000');
    // A sales consultant sees only their own customer; the other is counted, not named.
    const s = await ok(tok.sales1!, 'telephony.lookup', { number: '008613800138000' });
    expect(s.matches.map((m: any) => m.customerId)).toEqual([zhang]);
    expect(s.hiddenCount).toBe(1);
    const land = await ok(tok.agent1!, 'telephony.lookup', { number: '0755 8888 1234' });
    expect(land.matches.map((m: any) => m.customerId)).toEqual([wang]);
    expect(await ok(tok.agent1!, 'telephony.lookup', { number: 'anonymous' })).toMatchObject({ unknownReason: 'withheld', matches: [] });
    expect(await ok(tok.agent1!, 'telephony.lookup', { number: '13900001111' })).toMatchObject({ unknownReason: null, matches: [], hiddenCount: 0 });
  });
});

describe('call log', () => {
  it('an answered inbound call: start → answer → end → outcome, linked to the only matching customer', async () => {
    const before = t.clock.now();
    const started = await ok(tok.agent1!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '0755-88881234', sipCallId: 'abc@x' });
    expect(started).toMatchObject({ customerId: wang, recordingPolicy: 'all' });
    t.clock.advance(3_000);
    await ok(tok.agent1!, 'telephony.call.answer', { callId: started.callId });
    t.clock.advance(42_000);
    const ended = await ok(tok.agent1!, 'telephony.call.end', { callId: started.callId });
    expect(ended).toMatchObject({ direction: 'inbound', fromNumber: '0755-88881234', toNumber: '1001', extension: '1001', userId: uid.agent1, customerName: '王芳', durationS: 42, outcome: 'answered' });
    expect(ended.startedAt).toBe(before);
    // A second end (both sides hang up at once) changes nothing.
    t.clock.advance(5_000);
    expect((await ok(tok.agent1!, 'telephony.call.end', { callId: started.callId })).endedAt).toBe(ended.endedAt);
    expect(await ok(tok.agent1!, 'telephony.call.outcome', { callId: started.callId, outcome: 'appointment' })).toMatchObject({ outcome: 'appointment' });
    const audits = t.core.sqlite.prepare("select action from audit_log where entity = 'calls' and entity_id = ?").all(String(started.callId));
    expect(audits.length).toBe(4); // create, answer, end, outcome
  });

  it('two customers on one number: the call is not guessed; the agent links one with the outcome', async () => {
    const c = await ok(tok.agent1!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13800138000' });
    expect(c.customerId).toBeNull();
    await ok(tok.agent1!, 'telephony.call.answer', { callId: c.callId });
    await ok(tok.agent1!, 'telephony.call.end', { callId: c.callId });
    expect(await ok(tok.agent1!, 'telephony.call.outcome', { callId: c.callId, outcome: 'done', customerId: li })).toMatchObject({ customerId: li, customerName: '李娜' });
  });

  it('another seat cannot change my call, and a customer the user may not see cannot be linked', async () => {
    const c = await ok(tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13900001111' });
    const r = await call(t.core, tok.agent2!, 'telephony.call.end', { callId: c.callId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    const hidden = await call(t.core, tok.sales1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138000', customerId: li });
    expect(hidden.ok).toBe(false);
    if (!hidden.ok) expect(hidden.error.code).toBe('NOT_FOUND');
    expect(await ok(tok.agent1!, 'telephony.call.end', { callId: c.callId })).toMatchObject({ outcome: 'noAnswer', durationS: 0 });
  });

  it('missed inbound calls are listed for the seat until someone talks to that number', async () => {
    const m = await ok(tok.agent2!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '+8613800138000' });
    t.clock.advance(20_000);
    expect(await ok(tok.agent2!, 'telephony.call.end', { callId: m.callId })).toMatchObject({ outcome: 'missed', answeredAt: null });
    const withheld = await ok(tok.agent2!, 'telephony.call.start', { direction: 'inbound', remoteNumber: 'anonymous' });
    await ok(tok.agent2!, 'telephony.call.end', { callId: withheld.callId, reason: 'declined' });
    expect((await ok(tok.agent2!, 'telephony.calls.missed')).map((c: any) => c.id)).toEqual([m.callId]);
    expect(await ok(tok.agent1!, 'telephony.calls.missed')).toEqual([]);
    // Call back, answered: off the list.
    t.clock.advance(60_000);
    const back = await ok(tok.agent2!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '+8613800138000' });
    await ok(tok.agent2!, 'telephony.call.answer', { callId: back.callId });
    await ok(tok.agent2!, 'telephony.call.end', { callId: back.callId });
    expect(await ok(tok.agent2!, 'telephony.calls.missed')).toEqual([]);
  });

  it('a call goes on while the screen is locked: answer, end and recording work; the outcome waits for unlock', async () => {
    const { tok: lt } = await usersWithSessions(t.core, [['agent3', 'serviceAgent']]);
    await ok(lt.agent3!, 'telephony.settings.save', seat('1004', 'pw-1004'));
    const c = await ok(lt.agent3!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13900001111' });
    await ok(lt.agent3!, 'auth.lock');
    await ok(lt.agent3!, 'telephony.call.answer', { callId: c.callId });
    await ok(lt.agent3!, 'telephony.recording.chunk', { callId: c.callId, seq: 0, mime: 'audio/webm', data: Buffer.alloc(10).toString('base64') });
    await ok(lt.agent3!, 'telephony.recording.finish', { callId: c.callId, durationMs: 1000 });
    expect(await ok(lt.agent3!, 'telephony.call.end', { callId: c.callId })).toMatchObject({ outcome: 'answered' });
    const r = await call(t.core, lt.agent3!, 'telephony.call.outcome', { callId: c.callId, outcome: 'done' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SESSION_LOCKED');
  });

  it('a call started from a task keeps the link (the form reopens from it); an unknown task is refused', async () => {
    const taskId = Number(
      t.core.sqlite
        .prepare("insert into tasks (kind, natural_key, customer_id, due_date, status, created_at, updated_at) values ('salesRevisit', 'test:1', ?, '2026-11-30', 'open', 0, 0)")
        .run(wang).lastInsertRowid,
    );
    const c = await ok(tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '075588881234', taskId });
    expect((await ok(tok.agent1!, 'telephony.call.end', { callId: c.callId })).taskId).toBe(taskId);
    const bad = await call(t.core, tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '075588881234', taskId: 999_999 });
    expect(bad.ok).toBe(false);
  });
});

describe('recordings', () => {
  let host: WebHost;
  let callId: number;
  let recordingId: number;
  const webm = (n: number) => Buffer.alloc(n, 7).toString('base64');
  const get = (id: number, token: string | null, headers: Record<string, string> = {}, q = '') =>
    fetch(`${host.url}media/recordings/${id}${q}`, { headers: { ...(token ? { cookie: `dscrm_session=${token}` } : {}), ...headers } });

  beforeAll(async () => {
    host = await startWebHost({ core: t.core, port: 0, staticDir: t.dir });
    callId = (await ok(tok.agent1!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '0755 8888 1234' })).callId;
    await ok(tok.agent1!, 'telephony.call.answer', { callId });
  });
  afterAll(async () => host.close());

  it('appends pieces in order to one file, incomplete until finished; a repeated piece is ignored, a gap refused', async () => {
    const mime = 'audio/webm;codecs=opus';
    const a = await ok(tok.agent1!, 'telephony.recording.chunk', { callId, seq: 0, mime, data: webm(1000) });
    recordingId = a.recordingId;
    await ok(tok.agent1!, 'telephony.recording.chunk', { callId, seq: 1, mime, data: webm(500) });
    expect(await ok(tok.agent1!, 'telephony.recording.chunk', { callId, seq: 1, mime, data: webm(500) })).toMatchObject({ sizeBytes: 1500 });
    const gap = await call(t.core, tok.agent1!, 'telephony.recording.chunk', { callId, seq: 5, mime, data: webm(10) });
    expect(gap.ok).toBe(false);
    if (!gap.ok) expect(gap.error.message).toContain('应为第 2 段');
    const row = t.core.sqlite.prepare('select path, size_bytes, complete, customer_id from recordings where id = ?').get(recordingId) as any;
    expect(row).toMatchObject({ size_bytes: 1500, complete: 0, customer_id: wang });
    expect(fs.statSync(path.join(t.dir, row.path)).size).toBe(1500);
    expect((await ok(tok.agent1!, 'telephony.call.get', { callId })).recordingComplete).toBe(false);
  });

  it('plays back through the web host only for a session allowed to hear it, with seeking', async () => {
    expect((await get(recordingId, null)).status).toBe(401);
    expect((await get(recordingId, tok.agent2!)).status).toBe(403); // another agent, no recordings.play
    const full = await get(recordingId, tok.agent1!);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/webm');
    expect((await full.arrayBuffer()).byteLength).toBe(1500);
    const part = await get(recordingId, tok.csm!, { range: 'bytes=1000-' }); // manager with recordings.play
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 1000-1499/1500');
    expect((await part.arrayBuffer()).byteLength).toBe(500);
    expect((await get(recordingId, tok.agent1!, {}, '?download=1')).status).toBe(403); // agents may not export
  });

  it('a piece after the call ended is refused with a clear message; finish marks it complete with its duration', async () => {
    await ok(tok.agent1!, 'telephony.recording.finish', { callId, durationMs: 4200 });
    t.clock.advance(4_000);
    await ok(tok.agent1!, 'telephony.call.end', { callId });
    const late = await call(t.core, tok.agent1!, 'telephony.recording.chunk', { callId, seq: 2, mime: 'audio/webm', data: webm(10) });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toContain('通话已结束');
    expect(t.core.sqlite.prepare('select complete, duration_ms from recordings where id = ?').get(recordingId)).toEqual({ complete: 1, duration_ms: 4200 });
    const calls = await ok(tok.agent1!, 'telephony.calls.ofCustomer', { customerId: wang });
    expect(calls.find((c: any) => c.id === callId)).toMatchObject({ recordingId, recordingComplete: true });
  });

  it('disk full: a clear message, what was written is kept, the recording stays incomplete, the call log is right', async () => {
    const c = (await ok(tok.agent1!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13800138000', customerId: li })).callId;
    await ok(tok.agent1!, 'telephony.call.answer', { callId: c });
    const first = await ok(tok.agent1!, 'telephony.recording.chunk', { callId: c, seq: 0, mime: 'audio/webm', data: webm(300) });
    const rel = (t.core.sqlite.prepare('select path from recordings where id = ?').get(first.recordingId) as { path: string }).path;
    const file = path.join(t.dir, rel);
    fs.renameSync(file, `${file}.kept`);
    fs.symlinkSync('/dev/full', file); // every write now fails with ENOSPC, like a full disk
    const full = await call(t.core, tok.agent1!, 'telephony.recording.chunk', { callId: c, seq: 1, mime: 'audio/webm', data: webm(300) });
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.error.message).toContain('磁盘空间已满');
    t.clock.advance(10_000);
    expect(await ok(tok.agent1!, 'telephony.call.end', { callId: c })).toMatchObject({ durationS: 10, outcome: 'answered', recordingComplete: false });
    expect(t.core.sqlite.prepare('select size_bytes, complete from recordings where id = ?').get(first.recordingId)).toEqual({ size_bytes: 300, complete: 0 });
    expect(fs.statSync(`${file}.kept`).size).toBe(300);
  });

  it('a window closed mid-call: when the seat starts again the open call ends as interrupted, its recording stays incomplete', async () => {
    const c = (await ok(tok.agent1!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '13800138000' })).callId;
    await ok(tok.agent1!, 'telephony.call.answer', { callId: c });
    await ok(tok.agent1!, 'telephony.recording.chunk', { callId: c, seq: 0, mime: 'audio/webm', data: webm(100) });
    t.clock.advance(30_000);
    expect(await ok(tok.agent2!, 'telephony.calls.closeInterrupted')).toEqual({ closed: 0 }); // another seat's call is not touched
    expect(await ok(tok.agent1!, 'telephony.calls.closeInterrupted')).toEqual({ closed: 1 });
    expect(await ok(tok.agent1!, 'telephony.call.get', { callId: c })).toMatchObject({ outcome: 'interrupted', durationS: null, recordingComplete: false });
    expect((await ok(tok.agent1!, 'telephony.call.get', { callId: c })).endedAt).toBe(t.clock.now());
  });

  it('export needs recordings.export and is audited', async () => {
    const denied = await call(t.core, tok.agent1!, 'telephony.recording.export', { recordingId });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('FORBIDDEN');
    const out = fs.mkdtempSync(path.join(t.dir, 'export-'));
    // The desktop's folder dialog granted this folder to the manager's session (see FolderGrants).
    const csmHash = t.core.auth.resolve(tok.csm!)!.tokenHash;
    const grant = t.core.folderGrants.grant(csmHash, out);
    const r = await ok(tok.csm!, 'telephony.recording.export', { recordingId, folderGrant: grant });
    expect(path.dirname(r.path)).toBe(out);
    expect(fs.statSync(r.path).size).toBe(1500);
    expect(fs.statSync(r.path).mode & 0o777).toBe(0o600);
    expect(r.fileName).toMatch(/^rec-\d{12}-1001-075588881234\.webm$/);
    const dl = await ok(tok.csm!, 'telephony.recording.export', { recordingId });
    expect((await get(recordingId, tok.csm!, {}, '?download=1')).headers.get('content-disposition')).toContain(r.fileName);
    expect(dl.url).toBe(`/media/recordings/${recordingId}?download=1`);
    const audits = t.core.sqlite.prepare("select user_id from audit_log where entity = 'recordings' and action = 'export'").all();
    expect(audits).toEqual([{ user_id: uid.csm }, { user_id: uid.csm }]);
  });

  it('export writes only into a folder the session picked: no path from the caller, no probing of the disk', async () => {
    const escape = path.join(t.dir, 'recordings', '..', '..');
    // A path is not an accepted input at all (the old `targetDir` took '../../' and any folder).
    const typed = await call(t.core, tok.csm!, 'telephony.recording.export', { recordingId, targetDir: escape });
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.error.code).toBe('INVALID_INPUT');
    // A grant of another session (or a made-up / expired one) is refused with one message that names no path.
    const other = fs.mkdtempSync(path.join(t.dir, 'other-'));
    const agentGrant = t.core.folderGrants.grant(t.core.auth.resolve(tok.agent1!)!.tokenHash, other);
    const answers: string[] = [];
    for (const folderGrant of [agentGrant, 'made-up-grant']) {
      const r = await call(t.core, tok.csm!, 'telephony.recording.export', { recordingId, folderGrant });
      expect(r.ok).toBe(false);
      if (!r.ok) answers.push(r.error.message);
    }
    expect(answers).toHaveLength(2);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('请重新选择导出文件夹');
    expect(answers[0]).not.toContain(other);
    expect(fs.readdirSync(other)).toEqual([]);
    // A grant lasts a quarter of an hour (its own clock here: moving the test's clock would lock the sessions).
    const clock = new ManualClock();
    const grants = new FolderGrants(clock);
    const g = grants.grant('h', other);
    clock.advance(14 * 60_000);
    expect(grants.folder('h', g)).toBe(other);
    clock.advance(2 * 60_000);
    expect(grants.folder('h', g)).toBeNull();
  });

  it('recording search: my own recordings for an agent; team / all only with recordings.play', async () => {
    const q = (scope: string, filter: unknown = { columns: [] }) => ({ dataset: 'recordings', scope, filter, columns: ['id', 'extension', 'direction', 'customerName', 'complete'], limit: 50 });
    const mine = await ok(tok.agent1!, 'grid.query', q('mine'));
    expect(mine.rows.map((r: any) => r.customerName).filter(Boolean).sort()).toEqual(['李娜', '王芳']);
    expect(mine.rows).toHaveLength(3); // and the interrupted call's, with no customer
    const agentAll = await call(t.core, tok.agent1!, 'grid.query', q('all'));
    expect(agentAll.ok).toBe(false);
    expect((await ok(tok.agent1!, 'grid.columns', { dataset: 'recordings' })).scopes).toEqual(['mine']);
    const all = await ok(tok.csm!, 'grid.query', q('all', { columns: [{ join: 'and', conditions: [{ col: 'complete', op: 'in', values: ['0'] }] }] }));
    expect(all.rows.map((r: any) => r.customerName)).toEqual(['李娜', null]); // in id order (no sort asked)
  });
});

describe('recording retention (scheduler job)', () => {
  const run = () =>
    recordingRetention.run({ core: t.core, dayCore: t.core, day: '2026-11-30', plannedAt: t.clock.now(), runId: 0, tx: t.core.db, checkpoint: () => undefined, afterCommit: () => undefined });

  it('removes files older than the setting, keeps the index row (deleted) and the call log, audits the run; 0 keeps everything', async () => {
    const rows = () => t.core.sqlite.prepare('select id, path, deleted_at from recordings where deleted_at is null').all() as { id: number; path: string }[];
    const before = rows();
    expect(before.length).toBeGreaterThan(0);
    t.core.settings.set('telephony.recordingRetentionDays', 0);
    t.clock.advance(400 * 86_400_000);
    expect(await run()).toEqual({ created: 0, skipped: { keepForever: 1 } });
    t.core.settings.set('telephony.recordingRetentionDays', 365);
    const r = await run();
    expect(r.created).toBe(before.length);
    expect(rows()).toEqual([]);
    for (const b of before) expect(fs.existsSync(path.join(t.dir, b.path))).toBe(false);
    expect(t.core.sqlite.prepare('select count(*) from calls').pluck().get()).toBeGreaterThan(0);
    expect(t.core.sqlite.prepare("select count(*) from audit_log where entity = 'recordings' and action = 'delete'").pluck().get()).toBe(1);
    expect((await call(t.core, tok.csm!, 'telephony.recording.export', { recordingId: before[0]!.id })).ok).toBe(false);
  });
});

// Last in the file, with users of its own (the clock above has run past the first sessions' idle
// time); the calls it starts stay open and would be counted by the tests above.
describe('screen pop through telephony.call.start (issue 16 item 8)', () => {
  it('an inbound call’s start answers who is calling, as telephony.lookup does: the visible customers named, the others only counted', async () => {
    const { tok: p, uid: pu } = await usersWithSessions(t.core, [
      ['sales7', 'salesConsultant'],
      ['agent7', 'serviceAgent'],
    ]);
    await ok(p.sales7!, 'telephony.settings.save', seat('1007', 'pw-1007'));
    await ok(p.agent7!, 'telephony.settings.save', seat('1008', 'pw-1008'));
    const mine = customer('赵敏', pu.sales7!, ['13700137000', '8613700137000']);
    customer('钱进', pu.agent7!, ['137 0013 7000', '8613700137000']);
    // The consultant sees 赵敏 (theirs) but not 钱进 on the same number: the pop names one, counts one.
    const s = await ok(p.sales7!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '+8613700137000' });
    expect(s.lookup).toEqual(await ok(p.sales7!, 'telephony.lookup', { number: '+8613700137000' }));
    expect(s.lookup).toMatchObject({ normalized: '8613700137000', unknownReason: null, hiddenCount: 1 });
    expect(s.lookup.matches.map((m: any) => m.customerId)).toEqual([mine]);
    expect(JSON.stringify(s)).not.toContain('钱进');
    expect(s.customerId).toBe(mine);
    // An agent sees both: both named, the call linked to neither.
    const a = await ok(p.agent7!, 'telephony.call.start', { direction: 'inbound', remoteNumber: '137 0013 7000' });
    expect(a.lookup.matches.map((m: any) => m.name).sort()).toEqual(['赵敏', '钱进'].sort());
    expect(a.lookup.hiddenCount).toBe(0);
    expect(a.customerId).toBeNull();
    const withheld = await ok(p.agent7!, 'telephony.call.start', { direction: 'inbound', remoteNumber: 'anonymous' });
    expect(withheld.lookup).toMatchObject({ unknownReason: 'withheld', matches: [], hiddenCount: 0 });
    // Outbound: the seat dialled the number itself, nothing to look up for a pop.
    const out = await ok(p.agent7!, 'telephony.call.start', { direction: 'outbound', remoteNumber: '13900001111' });
    expect(out.lookup).toBeNull();
  });
});
