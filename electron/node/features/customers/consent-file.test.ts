import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, usersWithSessions, type TestCore } from '../../../../tests/support/core';
import { consentsDir } from './consent-file';

/**
 * 同意接收商业信息's proof: the signed form's scan or photo goes into <data>/consents as a private
 * file, replaces the one before, is read back only by who may see the customer, and anything that
 * is not a JPG / PNG / PDF (by its bytes) or is over 10 MB is refused with nothing kept.
 */
let t: TestCore;
let tok: Record<string, string>;
let uid: Record<string, number>;
let mine: number;
let theirs: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

beforeAll(async () => {
  t = await makeCore();
  ({ tok, uid } = await usersWithSessions(t.core, [
    ['cf.s1', 'salesConsultant'],
    ['cf.s2', 'salesConsultant'],
  ]));
  const add = (owner: number) => Number(t.core.sqlite.prepare("INSERT INTO customers (name, owner_id, created_at, updated_at) VALUES ('客户', ?, 0, 0)").run(owner).lastInsertRowid);
  [mine, theirs] = [add(uid['cf.s1']!), add(uid['cf.s2']!)];
}, 60_000);
afterAll(() => t.cleanup());

const uploadAs = async (user: string, name: string, bytes: Buffer) => (await t.core.uploads.receive(uid[user]!, name, [bytes])).uploadId;
const stored = () => (fs.existsSync(consentsDir(t.dir)) ? fs.readdirSync(consentsDir(t.dir)).sort() : []);

describe('the signed consent form', () => {
  it('is kept privately, shows on the card, reads back as it was sent, and a new one replaces it; each audited', async () => {
    const r = await call(t.core, tok['cf.s1']!, 'customers.consentFile.attach', { customerId: mine, uploadId: await uploadAs('cf.s1', '签字.png', PNG) });
    expect(r.ok).toBe(true);
    const [first] = stored();
    expect(first).toMatch(new RegExp(`^${mine}-\\d+\\.png$`));
    expect(fs.statSync(path.join(consentsDir(t.dir), first!)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(consentsDir(t.dir)).mode & 0o777).toBe(0o700);
    const card = await call(t.core, tok['cf.s1']!, 'customers.get', { id: mine });
    expect(card.ok && (card.value as { consentFile: boolean }).consentFile).toBe(true);
    const got = await call(t.core, tok['cf.s1']!, 'customers.consentFile.get', { customerId: mine });
    expect(got.ok && got.value).toEqual({ fileName: first, mime: 'image/png', base64: PNG.toString('base64') });

    t.clock.advance(1000);
    await call(t.core, tok['cf.s1']!, 'customers.consentFile.attach', { customerId: mine, uploadId: await uploadAs('cf.s1', 'scan.pdf', PDF) });
    const after = stored();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatch(/\.pdf$/);
    const again = await call(t.core, tok['cf.s1']!, 'customers.consentFile.get', { customerId: mine });
    expect(again.ok && (again.value as { mime: string }).mime).toBe('application/pdf');
    const audits = t.core.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'customer' AND entity_id = ? AND after LIKE '%consentFile%' ORDER BY id").pluck().all(String(mine)) as string[];
    expect(audits.map((a) => JSON.parse(a).consentFile)).toEqual([first, after[0]]);
  });

  it('refuses what is not a JPG, PNG or PDF by its bytes, and a file over 10 MB, keeping nothing', async () => {
    const before = stored();
    const text = await call(t.core, tok['cf.s1']!, 'customers.consentFile.attach', { customerId: mine, uploadId: await uploadAs('cf.s1', 'fake.png', Buffer.from('not an image at all')) });
    expect(!text.ok && text.error.message).toContain('只接受 JPG、PNG 照片或 PDF 扫描件');
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await call(t.core, tok['cf.s1']!, 'customers.consentFile.attach', { customerId: mine, uploadId: await uploadAs('cf.s1', 'big.png', big) });
    expect(!large.ok && large.error.message).toContain('扫描件最大 10 MB');
    expect(stored()).toEqual(before);
  });

  it("another consultant's customer is not found, to attach or to read; a customer without a form has nothing to read", async () => {
    const r = await call(t.core, tok['cf.s2']!, 'customers.consentFile.get', { customerId: mine });
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
    const a = await call(t.core, tok['cf.s2']!, 'customers.consentFile.attach', { customerId: mine, uploadId: await uploadAs('cf.s2', 'x.png', PNG) });
    expect(!a.ok && a.error.code).toBe('NOT_FOUND');
    const none = await call(t.core, tok['cf.s2']!, 'customers.consentFile.get', { customerId: theirs });
    expect(!none.ok && none.error.code).toBe('NOT_FOUND');
  });
});
