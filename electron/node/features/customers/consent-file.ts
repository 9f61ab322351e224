import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { customers } from '../../../../db/schema';
import type { ConsentFile } from '../../../common/api/customers';
import type { Core } from '../../core';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../../data-folder/permissions';
import { AppError } from '../../errors';
import { AuditedWriter } from '../admin';
import type { SessionCtx } from '../auth';

/** A scan or photo of a signed form: a few MB at most (a phone photo is 2–5 MB). */
export const CONSENT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The kinds accepted, told by their first bytes (a name's extension says nothing). */
const KINDS = [
  { ext: 'pdf', mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: 'png', mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: 'jpg', mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
] as const;

const kindOf = (bytes: Buffer) => KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b)) ?? null;
const kindOfName = (file: string) => KINDS.find((k) => file.endsWith(`.${k.ext}`)) ?? null;

export const consentsDir = (dataDir: string) => path.join(dataDir, 'consents');

const invalid = (zh: string, en: string) => new AppError('INVALID_INPUT', { issues: `${zh} / ${en}`, fields: [{ field: 'file', message: `${zh} / ${en}` }] });

/**
 * 同意接收商业信息's proof (reference/003 asks for written consent): the signed form's scan or photo,
 * kept as a private file (0600 in a 0700 folder) in <data>/consents, named by the customer and the
 * instant, never by what the user's file was called. Attaching a new one replaces the old (deleted
 * once the record points at the new). Only who may see the customer may attach or read it.
 */
export class ConsentFiles {
  private writer: AuditedWriter;
  constructor(private core: Pick<Core, 'db' | 'clock' | 'dataDir' | 'uploads' | 'visibility'>) {
    this.writer = new AuditedWriter(core.db, core.clock);
  }

  attach(s: SessionCtx, customerId: number, uploadId: string): { fileName: string } {
    this.core.visibility.requireVisible(s, customerId);
    const { bytes } = this.core.uploads.take(s.user.id, uploadId);
    if (bytes.length > CONSENT_FILE_MAX_BYTES) {
      throw invalid(`文件过大(${(bytes.length / 1048576).toFixed(1)} MB),扫描件最大 10 MB`, `The file is too large (${(bytes.length / 1048576).toFixed(1)} MB); a scan may be 10 MB at most`);
    }
    const kind = kindOf(bytes);
    if (!kind) throw invalid('只接受 JPG、PNG 照片或 PDF 扫描件', 'Only a JPG or PNG photo or a PDF scan is accepted');
    const dir = consentsDir(this.core.dataDir);
    makePrivateFolder(dir);
    const fileName = `${customerId}-${this.core.clock.now()}.${kind.ext}`;
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, bytes, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    let before: string | null = null;
    try {
      before = this.core.db.select({ f: customers.consentFile }).from(customers).where(eq(customers.id, customerId)).get()?.f ?? null;
      this.writer.update(s.user.id, 'customer', customers, customerId, { consentFile: fileName });
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    if (before && before !== fileName) fs.rmSync(path.join(dir, path.basename(before)), { force: true });
    return { fileName };
  }

  read(s: SessionCtx, customerId: number): ConsentFile {
    this.core.visibility.requireVisible(s, customerId);
    const name = this.core.db.select({ f: customers.consentFile }).from(customers).where(eq(customers.id, customerId)).get()?.f ?? null;
    const kind = name ? kindOfName(name) : null;
    const file = name ? path.join(consentsDir(this.core.dataDir), path.basename(name)) : null;
    if (!kind || !file || !fs.existsSync(file)) throw new AppError('NOT_FOUND');
    return { fileName: path.basename(file), mime: kind.mime, base64: fs.readFileSync(file).toString('base64') };
  }
}
