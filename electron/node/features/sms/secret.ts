/**
 * The SMPP password at rest: AES-256-GCM with a random key file in the data folder (mode 0600),
 * so a copy of the database alone does not give the password away. Same design as the softphone's
 * SIP passwords (telephony/secret-box.ts); stored form v1:<iv>:<tag>:<ciphertext> (base64).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function key(dataDir: string): Buffer {
  const file = path.join(dataDir, 'sms.key');
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const k = fs.readFileSync(file);
  if (k.length !== 32) throw new Error(`${file}: the key file is damaged (expected 32 bytes)`);
  return k;
}

export function seal(dataDir: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key(dataDir), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** Null when it was not sealed with this data folder's key. */
export function unseal(dataDir: string, sealed: string): string | null {
  const [v, iv, tag, body] = sealed.split(':');
  if (v !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', key(dataDir), Buffer.from(iv, 'base64'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}
