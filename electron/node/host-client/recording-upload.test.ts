/**
 * A client seat's recordings reach the host (issue 15): spooled on the seat's disk (0600), uploaded
 * after the call with a resumable protocol to the real LAN listener (HTTPS, pinned, seat checked).
 * An upload cut halfway (the host stopped mid-body) goes on from where the host was once it is
 * back, and the host's file equals the seat's byte for byte; a partial file is never playable;
 * another user's session is refused; the spool outlives the uploader (a restart of the seat).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadOrCreateHostCertificate, type HostCertificate } from '../lan/host-certificate';
import { startWebHost, type WebHost } from '../webhost/server';
import { call, makeCore, tempDir, userWithSession, GOOD_PASSWORD, type TestCore } from '../../../tests/support/core';
import { recordingReply } from '../features/telephony/playback-route';
import { HostClient, helloUnpinned, pairSeat } from './host-client';
import { RecordingSpool } from './recording-spool';
import { RecordingUploader } from './recording-uploader';
import { ClientSessions } from '../../main/client-sessions';

let t: TestCore;
let cert: HostCertificate;
let host: WebHost | null = null;
let lanPort = 0;
const clients: HostClient[] = [];
const uploaders: RecordingUploader[] = [];
const cleanups: (() => void)[] = [];

/** Where the host listens: 127.0.0.1, or (behind the test's relay) 127.0.0.2 on the relay's port, so the Host header matches. */
let hostAddress = '127.0.0.1';
const startHost = async () => {
  host = await startWebHost({ core: t.core, port: 0, lan: { host: hostAddress, port: lanPort, tls: cert } });
  lanPort = host.lan!.port;
};
const stopHost = async () => {
  const h = host;
  host = null;
  await h?.close();
};

/**
 * A TCP relay between the seat and the host, counting the bytes the seat sends: the test cuts the
 * connection (and stops the host) once half the recording has gone through. TLS runs end to end.
 */
function relay(): { port: Promise<number>; sent: () => number; cutAfter: (bytes: number, then: () => void) => void } {
  let sent = 0;
  let cut: { at: number; then: () => void } | null = null;
  let cutting = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(lanPort, hostAddress);
    open.add(inbound).add(outbound);
    const close = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('data', (c: Buffer) => {
      if (cutting) return; // the line is down: nothing more gets through
      sent += c.length;
      outbound.write(c);
      if (cut && sent >= cut.at) {
        const then = cut.then;
        cut = null;
        cutting = true;
        // Let the bytes before the cut reach the host, then drop the line and stop the host.
        setTimeout(() => {
          for (const s of open) s.destroy();
          open.clear();
          cutting = false;
          then();
        }, 100);
      }
    });
    outbound.on('data', (c: Buffer) => inbound.write(c));
    inbound.on('error', close).on('close', close);
    outbound.on('error', close).on('close', close);
  });
  // The host moves behind the relay: 127.0.0.2 on the relay's port (the seat's Host header names the relay's).
  const port = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const p = (server.address() as net.AddressInfo).port;
      void stopHost().then(async () => {
        hostAddress = '127.0.0.2';
        lanPort = p;
        await startHost();
        resolve(p);
      });
    }),
  );
  cleanups.push(() => {
    for (const s of open) s.destroy();
    server.close();
  });
  return { port, sent: () => sent, cutAfter: (bytes, then) => (cut = { at: sent + bytes, then }) };
}

async function pairedClient(viaPort = lanPort): Promise<HostClient> {
  const url = `https://127.0.0.1:${viaPort}/`;
  const seen = await helloUnpinned(new URL(url));
  if ('error' in seen) throw new Error(seen.error);
  const { code } = t.core.seats.createPairingCode(null);
  const paired = await pairSeat(new URL(url), seen.pin, code, '坐席-1');
  if (!paired.ok) throw new Error(paired.error.code);
  const client = new HostClient({ hostUrl: url, pin: seen.pin, seatToken: paired.value.seatToken });
  clients.push(client);
  return client;
}

async function login(client: HostClient, username: string): Promise<string> {
  const r = await client.invoke('auth.login', { username, password: GOOD_PASSWORD }, { sessionToken: null });
  return (r.sessionChange as { set: string }).set;
}

function callOf(userId: number): number {
  const now = t.core.clock.now();
  return Number(
    t.core.sqlite.prepare("insert into calls (direction, to_number, extension, user_id, started_at, answered_at, ended_at, duration_s, outcome) values ('outbound', '13800138000', '1005', ?, ?, ?, ?, 60, 'answered')").run(userId, now - 60_000, now - 59_000, now)
      .lastInsertRowid,
  );
}

/** A finished recording on the seat's disk: `bytes` sent as the recorder sends them, 64 KiB a piece. */
function spoolRecording(spool: RecordingSpool, userId: number, callId: number, bytes: Buffer, finish = true): void {
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += 65_536)
    spool.chunk(userId, { callId, seq, mime: 'audio/webm;codecs=opus', data: bytes.subarray(at, at + 65_536).toString('base64') });
  if (finish) spool.finish(userId, callId, 60_000);
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const row = (callId: number) =>
  t.core.sqlite.prepare('select id, path, size_bytes as size, complete, upload_sha256 as uploadSha256, duration_ms as durationMs from recordings where call_id = ?').get(callId) as
    | { id: number; path: string; size: number; complete: number; uploadSha256: string | null; durationMs: number | null }
    | undefined;

/** 电话录音检索's 录音状态 column for the user: '1' 完整, '0' 不完整, 'u' 上传中. */
async function states(token: string): Promise<{ id: number; complete: string }[]> {
  const r = await call(t.core, token, 'grid.query', { dataset: 'recordings', scope: 'mine', filter: { columns: [] }, columns: ['id', 'complete'], limit: 50 });
  if (!r.ok) throw new Error(r.error.code);
  return (r.value as { rows: { id: number; complete: string }[] }).rows.map(({ id, complete }) => ({ id, complete }));
}

let agent: { userId: number };
let other: { userId: number };

// One host certificate for the file (making a key is the slow part of a start on a busy machine).
beforeAll(() => {
  cert = loadOrCreateHostCertificate(tempDir('dscrm-tls-'), { names: ['localhost', '127.0.0.1'] });
}, 60_000);
beforeEach(async () => {
  t = await makeCore();
  hostAddress = '127.0.0.1';
  lanPort = 0;
  await startHost();
  agent = await userWithSession(t.core, 'service1', 'serviceAgent');
  other = await userWithSession(t.core, 'service2', 'serviceAgent');
}, 60_000);
afterEach(async () => {
  for (const u of uploaders.splice(0)) u.dispose();
  for (const c of clients.splice(0)) c.dispose();
  for (const f of cleanups.splice(0)) f();
  await stopHost();
  t.cleanup();
}, 30_000);

/** The seat the last paired client is (pairedClient pairs a new one each time). */
const lastSeatId = () => t.core.sqlite.prepare('select max(id) from seats').pluck().get() as number;

/** A call the agent starts through the seat, with the session logged in there (the real path: dispatch names the seat). */
async function callThroughSeat(client: HostClient, token: string): Promise<number> {
  const softphone = { wsUrl: 'ws://127.0.0.1:8088', extension: '1005', authUser: '1005', password: 'pw-1005', displayName: '坐席 1005' };
  expect((await client.invoke('telephony.settings.save', softphone, { sessionToken: token })).result).toMatchObject({ ok: true });
  const started = await client.invoke('telephony.call.start', { direction: 'outbound', remoteNumber: '13800138000' }, { sessionToken: token });
  if (!started.result.ok) throw new Error(started.result.error.code);
  return (started.result.value as { callId: number }).callId;
}

describe("a seat's own credential uploads the recordings of calls made from it", () => {
  it('with nobody logged in on the seat any more, the recording still reaches the host; audited as the seat', async () => {
    const client = await pairedClient();
    const seatId = lastSeatId();
    const token = await login(client, 'service1');
    const callId = await callThroughSeat(client, token);
    expect(t.core.sqlite.prepare('select seat_id from calls where id = ?').pluck().get(callId)).toBe(seatId);
    // The agent logs out after the call (or the next user takes the desk): no session of theirs is left here.
    expect((await client.invoke('auth.logout', {}, { sessionToken: token })).result).toMatchObject({ ok: true });

    const audio = crypto.randomBytes(150_000);
    const spool = new RecordingSpool(tempDir('dscrm-spool-'));
    spoolRecording(spool, agent.userId, callId, audio);
    const uploader = new RecordingUploader({ spool, client, sessionFor: () => null });
    uploaders.push(uploader);
    expect(await uploader.upload(spool.ready()[0]!)).toBe('done');
    const r = row(callId)!;
    expect(r).toMatchObject({ complete: 1, uploadSha256: null, size: audio.length, durationMs: 60_000 });
    expect(sha256(fs.readFileSync(path.join(t.core.dataDir, r.path)))).toBe(sha256(audio));
    expect(fs.readdirSync(spool.dir)).toEqual([]);
    const audit = t.core.sqlite.prepare("select user_id as userId, after from audit_log where entity = 'recordings' and action = 'create'").all() as { userId: number | null; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.userId).toBeNull();
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ uploadedFromSeat: true, bySeatCredential: seatId, sha256: sha256(audio) });

    // Once there, the seat credential cannot replace it with another file.
    const other = crypto.randomBytes(1_000);
    const again = await client.recordingUpload('POST', callId, { 'content-type': 'audio/webm', 'upload-length': String(other.length), 'x-dscrm-sha256': sha256(other) }, null, null);
    expect(again).toMatchObject({ status: 409, offset: null, result: { ok: false, error: { code: 'CONFLICT' } } });
  }, 30_000);

  it('the seat credential reads nothing, uploads nothing for another seat or the host, and a revoked seat uploads nothing', async () => {
    const deskA = await pairedClient();
    const seatA = lastSeatId();
    const deskB = await pairedClient();
    const seatB = lastSeatId();
    const callOfB = await callThroughSeat(deskB, await login(deskB, 'service1'));
    const callOfA = await callThroughSeat(deskA, await login(deskA, 'service1'));
    const audio = crypto.randomBytes(20_000);
    const head = { 'content-type': 'audio/webm', 'upload-length': String(audio.length), 'x-dscrm-sha256': sha256(audio) };
    const range = { 'content-range': `bytes 0-${audio.length - 1}/${audio.length}` };

    // Another seat's call, and a call made on the host itself (no seat): FORBIDDEN, nothing written.
    expect(await deskA.recordingUpload('POST', callOfB, head, null, null)).toMatchObject({ status: 403, result: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect(await deskA.recordingUpload('PUT', callOfB, range, audio, null)).toMatchObject({ status: 403 });
    expect(await deskA.recordingUpload('POST', callOf(agent.userId), head, null, null)).toMatchObject({ status: 403 });
    expect(await deskA.recordingUpload('POST', 999_999, head, null, null)).toMatchObject({ status: 404 });
    expect(row(callOfB)).toBeUndefined();

    // Nothing to read with it: no API call, no recording, not even its own call's.
    for (const [method, input] of [
      ['telephony.call.get', { callId: callOfA }],
      ['grid.query', { dataset: 'recordings', scope: 'mine', filter: { columns: [] }, columns: ['id'], limit: 5 }],
      ['customers.get', { id: 1 }],
    ] as const) {
      expect((await deskA.invoke(method, input, { sessionToken: null })).result, method).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await deskA.recordingUpload('POST', callOfA, head, null, null)).toMatchObject({ status: 200 });
    expect(await deskA.recordingUpload('PUT', callOfA, range, audio, null)).toMatchObject({ status: 200, result: { ok: true, value: { complete: true } } });
    expect((await deskA.media(`/media/recordings/${row(callOfA)!.id}`, { sessionToken: null })).status).toBe(401);

    // Revoked: refused at the seat check, before the route; nothing written.
    t.core.seats.revoke(seatB, null);
    const refused = await deskB.recordingUpload('POST', callOfB, head, null, null);
    expect(refused).toMatchObject({ status: 401, result: { ok: false, error: { code: 'SEAT_REVOKED' } } });
    expect(row(callOfB)).toBeUndefined();
    expect(seatA).not.toBe(seatB);
  }, 30_000);
});

describe('recordings made on a client seat', () => {
  it('an upload cut halfway (host stopped mid-body) goes on from there once the host is back; the host file equals the seat file; the partial is never playable', async () => {
    const line = relay();
    const viaPort = await line.port;
    const client = await pairedClient(viaPort);
    const token = await login(client, 'service1');
    const spool = new RecordingSpool(tempDir('dscrm-spool-'));
    const callId = callOf(agent.userId);
    const audio = crypto.randomBytes(3 * 1024 * 1024);
    spoolRecording(spool, agent.userId, callId, audio);
    const seatFile = spool.dataFile(callId);
    // Personal data on the seat's disk: only the seat's user account may read it.
    expect(fs.statSync(seatFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(spool.dir).mode & 0o777).toBe(0o700);
    const seatSha = sha256(fs.readFileSync(seatFile));

    let stopped!: Promise<void>;
    line.cutAfter(audio.length / 2, () => (stopped = stopHost()));
    const settled: string[] = [];
    const uploader = new RecordingUploader({ spool, client, sessionFor: (u) => (u === agent.userId ? token : null), onSettled: (_c, o) => settled.push(o) });
    uploaders.push(uploader);
    await uploader.kick();
    await stopped;

    // The host holds part of it, as 上传中: the row says so, the bytes are only in the .part file.
    const mid = row(callId)!;
    expect(mid.uploadSha256).toBe(seatSha);
    const hostFile = path.join(t.core.dataDir, mid.path);
    const partSize = fs.statSync(`${hostFile}.part`).size;
    expect(partSize).toBeGreaterThan(0);
    expect(partSize).toBeLessThan(audio.length);
    expect(fs.existsSync(hostFile)).toBe(false);
    // Not playable, not exportable: nothing for the player while it is being uploaded.
    const s = t.core.auth.resolve(token)!;
    expect(() => t.core.services.telephony.recordings.file(s, mid.id)).toThrow(/NOT_FOUND/);
    expect(recordingReply(t.core, token, `/media/recordings/${mid.id}`, 'GET', undefined).status).toBe(404);
    expect(spool.ready().map((e) => e.callId)).toEqual([callId]);
    // The call log and 电话录音检索 say 上传中 meanwhile.
    expect(t.core.services.telephony.calls.get(callId)).toMatchObject({ recordingId: mid.id, recordingUploading: true });
    expect(await states(token)).toEqual([{ id: mid.id, complete: 'u' }]);

    // The host comes back on its address; the seat resumes from the host's offset, not from 0.
    const sentBefore = line.sent();
    await startHost();
    await vi.waitFor(() => expect(settled).toEqual(['done']), { timeout: 20_000, interval: 200 });
    expect(line.sent() - sentBefore).toBeLessThan(audio.length - partSize + 64 * 1024);

    const done = row(callId)!;
    expect(done).toMatchObject({ uploadSha256: null, complete: 1, size: audio.length, durationMs: 60_000 });
    expect(sha256(fs.readFileSync(hostFile))).toBe(seatSha);
    expect(fs.existsSync(`${hostFile}.part`)).toBe(false);
    expect(fs.statSync(hostFile).mode & 0o777).toBe(0o600);
    // The seat's copy is gone once the host has it; the host plays it.
    expect(fs.existsSync(seatFile)).toBe(false);
    expect(spool.ready()).toEqual([]);
    expect(recordingReply(t.core, token, `/media/recordings/${done.id}`, 'GET', undefined).status).toBe(200);
    expect(t.core.services.telephony.calls.get(callId)).toMatchObject({ recordingUploading: false, recordingComplete: true });
    expect(t.core.sqlite.prepare("select user_id as userId, action from audit_log where entity = 'recordings' and entity_id = ?").all(String(done.id))).toEqual([{ userId: agent.userId, action: 'create' }]);
    expect(await states(token)).toEqual([{ id: done.id, complete: '1' }]);
  }, 40_000);

  it("another user's session is refused (403, nothing written, the seat's copy set aside); no session: the seat's credential alone, refused for a call not made from this seat; a wrong start 409 with the host's offset", async () => {
    const client = await pairedClient();
    const mine = await login(client, 'service1');
    const theirs = await login(client, 'service2');
    const callId = callOf(agent.userId);
    const audio = crypto.randomBytes(100_000);
    const head = { 'content-type': 'audio/webm', 'upload-length': String(audio.length), 'x-dscrm-sha256': sha256(audio) };

    // service2's session, service1's call: refused, no row, no file.
    const refused = await client.recordingUpload('POST', callId, head, null, theirs);
    expect(refused).toMatchObject({ status: 403, result: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect(await client.recordingUpload('PUT', callId, { 'content-range': `bytes 0-${audio.length - 1}/${audio.length}` }, audio, theirs)).toMatchObject({ status: 403 });
    expect(row(callId)).toBeUndefined();
    // A seat spooling for a call that is not its user's: the host refuses, the copy is kept aside, never retried.
    const spool = new RecordingSpool(tempDir('dscrm-spool-'));
    spoolRecording(spool, other.userId, callId, audio);
    const uploader = new RecordingUploader({ spool, client, sessionFor: (u) => (u === other.userId ? theirs : null) });
    uploaders.push(uploader);
    expect(await uploader.upload(spool.ready()[0]!)).toBe('refused');
    expect(spool.ready()).toEqual([]);
    expect(fs.existsSync(path.join(spool.dir, 'refused', `call-${callId}.rec`))).toBe(true);
    expect(row(callId)).toBeUndefined();

    // No session at all: only the seat's credential, and this call was not made from this seat.
    const anon = await fetchAnon(client, callId, head);
    expect(anon).toMatchObject({ status: 403, result: { ok: false, error: { code: 'FORBIDDEN', details: { reason: expect.stringContaining('不是在本终端发起的') } } } });
    expect(await client.recordingUpload('POST', callId, head, null, 'not-a-session')).toMatchObject({ status: 403 });
    expect(row(callId)).toBeUndefined();

    // Past the upload route's limit: refused before a byte is sent, nothing created.
    const huge = await client.recordingUpload('POST', callId, { ...head, 'upload-length': String(40 * 1024 * 1024) }, null, mine);
    expect(huge).toMatchObject({ status: 413, result: { ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('30') } } });
    expect(row(callId)).toBeUndefined();

    // The owner declares; a PUT from the wrong start is told where the host is.
    expect(await client.recordingUpload('POST', callId, head, null, mine)).toMatchObject({ status: 200, offset: 0, result: { ok: true, value: { offset: 0, complete: false } } });
    const wrong = await client.recordingUpload('PUT', callId, { 'content-range': `bytes 500-${audio.length - 1}/${audio.length}` }, audio.subarray(500), mine);
    expect(wrong).toMatchObject({ status: 409, offset: 0 });
    expect(row(callId)).toMatchObject({ uploadSha256: sha256(audio), size: audio.length });

    // The host already has another, finished recording of a call (made on the host itself): never overwritten, set aside.
    const hostMade = callOf(agent.userId);
    t.core.sqlite.prepare("insert into recordings (call_id, path, mime, size_bytes, complete, created_at) values (?, 'recordings/x.webm', 'audio/webm', 10, 1, 0)").run(hostMade);
    const seatCopy = new RecordingSpool(tempDir('dscrm-spool-'));
    spoolRecording(seatCopy, agent.userId, hostMade, audio);
    const owner = new RecordingUploader({ spool: seatCopy, client, sessionFor: () => mine });
    uploaders.push(owner);
    expect(await owner.upload(seatCopy.ready()[0]!)).toBe('refused');
    expect(row(hostMade)).toMatchObject({ size: 10, complete: 1, uploadSha256: null });
  }, 30_000);

  it('bytes that do not hash to the declared SHA-256 are dropped, never put in place; sent again they are', async () => {
    const client = await pairedClient();
    const token = await login(client, 'service1');
    const callId = callOf(agent.userId);
    const audio = crypto.randomBytes(50_000);
    const head = { 'content-type': 'audio/webm', 'upload-length': String(audio.length), 'x-dscrm-sha256': sha256(audio) };
    await client.recordingUpload('POST', callId, head, null, token);
    const bad = Buffer.from(audio);
    bad[1000] = (bad[1000] ?? 0) ^ 0xff;
    const put = (b: Buffer) => client.recordingUpload('PUT', callId, { 'content-range': `bytes 0-${b.length - 1}/${b.length}` }, b, token);
    expect(await put(bad)).toMatchObject({ status: 409, offset: 0, result: { ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('SHA-256 不符') } } });
    const r = row(callId)!;
    expect(fs.existsSync(path.join(t.core.dataDir, r.path))).toBe(false);
    expect(fs.existsSync(path.join(t.core.dataDir, `${r.path}.part`))).toBe(false);
    expect(recordingReply(t.core, token, `/media/recordings/${r.id}`, 'GET', undefined).status).toBe(404);
    expect(await put(audio)).toMatchObject({ status: 200, result: { ok: true, value: { complete: true } } });
    expect(sha256(fs.readFileSync(path.join(t.core.dataDir, r.path)))).toBe(sha256(audio));
  }, 30_000);

  it('the spool outlives the uploader: a new instance (the seat restarted) sends what waited, and a call cut short by the exit goes too, as incomplete', async () => {
    const client = await pairedClient();
    const token = await login(client, 'service1');
    const dir = tempDir('dscrm-spool-');
    const first = new RecordingSpool(dir);
    const finished = callOf(agent.userId);
    const cutShort = callOf(agent.userId);
    const a = crypto.randomBytes(200_000);
    const b = crypto.randomBytes(70_000);
    spoolRecording(first, agent.userId, finished, a);
    spoolRecording(first, agent.userId, cutShort, b, false);
    // The host is down when the call ends: the first uploader gets nowhere, then the seat quits.
    await stopHost();
    const before = new RecordingUploader({ spool: first, client, sessionFor: () => token });
    uploaders.push(before);
    expect(await before.upload(first.ready()[0]!)).toBe('retry');
    before.dispose();

    await startHost();
    const settled: number[] = [];
    const after = new RecordingUploader({ spool: new RecordingSpool(dir), client, sessionFor: () => token, onSettled: (c) => settled.push(c) });
    uploaders.push(after);
    after.start();
    await vi.waitFor(() => expect(settled.sort()).toEqual([finished, cutShort].sort()), { timeout: 15_000, interval: 100 });
    expect(row(finished)).toMatchObject({ complete: 1, uploadSha256: null, size: a.length });
    expect(row(cutShort)).toMatchObject({ complete: 0, uploadSha256: null, size: b.length, durationMs: null });
    expect(sha256(fs.readFileSync(path.join(t.core.dataDir, row(cutShort)!.path)))).toBe(sha256(b));
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 30_000);

  it("on a client seat (ClientSessions) the recorder's pieces go to the seat's disk, not the host; after finish they are uploaded with the window's session", async () => {
    const client = await pairedClient();
    const dir = tempDir('dscrm-spool-');
    const cs = new ClientSessions(client, () => {}, () => {}, dir);
    cleanups.push(() => void cs.dispose());
    expect(await cs.call(7, 'auth.login', { username: 'service1', password: GOOD_PASSWORD })).toMatchObject({ ok: true });
    const callId = callOf(agent.userId);
    const audio = crypto.randomBytes(30_000);
    expect(await cs.call(7, 'telephony.recording.chunk', { callId, seq: 0, mime: 'audio/webm;codecs=opus', data: audio.subarray(0, 20_000).toString('base64') })).toMatchObject({ ok: true, value: { sizeBytes: 20_000 } });
    expect(await cs.call(7, 'telephony.recording.chunk', { callId, seq: 2, mime: 'audio/webm;codecs=opus', data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('录音片段顺序有误') } });
    expect(await cs.call(7, 'telephony.recording.chunk', { callId, seq: 1, mime: 'audio/webm;codecs=opus', data: audio.subarray(20_000).toString('base64') })).toMatchObject({ ok: true, value: { sizeBytes: 30_000 } });
    // During the call nothing went to the host.
    expect(row(callId)).toBeUndefined();
    expect(fs.statSync(path.join(dir, `call-${callId}.rec`)).mode & 0o777).toBe(0o600);
    expect(await cs.call(7, 'telephony.recording.finish', { callId, durationMs: 7_000 })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(row(callId)).toMatchObject({ uploadSha256: null, complete: 1, size: 30_000, durationMs: 7_000 }), { timeout: 10_000 });
    // The seat's copy goes once the host's answer is in.
    await vi.waitFor(() => expect(fs.readdirSync(dir)).toEqual([]));
    // A window with no session spools nothing.
    expect(await cs.call(8, 'telephony.recording.chunk', { callId, seq: 0, mime: 'audio/webm', data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }, 30_000);
});

/** The upload route without a session cookie (the seat header only). */
function fetchAnon(client: HostClient, callId: number, head: Record<string, string>) {
  return client.recordingUpload('POST', callId, head, null, '');
}
