import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key file of each feature that keeps secrets at rest. They stay two files: SIP passwords
 * (telephony) and SMPP passwords (sms) saved before the two features shared this module were sealed
 * with these keys, and a dealer's saved passwords must still open after the upgrade.
 */
export const SECRET_KEY_FILES = { telephony: 'telephony.key', sms: 'sms.key' } as const;
export type SecretPurpose = keyof typeof SECRET_KEY_FILES;

/**
 * Encrypts secrets at rest (SIP and SMPP passwords) with AES-256-GCM. The key is a random file in
 * the data folder (mode 0600): a copy of the database alone does not give the passwords away.
 * Stored form: v1:<iv b64>:<tag b64>:<ciphertext b64>.
 */
export class SecretBox {
  private key: Buffer;

  constructor(dataDir: string, purpose: SecretPurpose) {
    const file = path.join(dataDir, SECRET_KEY_FILES[purpose]);
    if (!fs.existsSync(file)) {
      // 'wx' so that two cores starting at once cannot each write a different key.
      try {
        fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    this.key = fs.readFileSync(file);
    if (this.key.length !== 32) throw new Error(`${file}: the key file is damaged (expected 32 bytes)`);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  /** Null when the text was not sealed with this key (another data folder's key, tampering). */
  open(sealed: string): string | null {
    const [v, iv, tag, body] = sealed.split(':');
    if (v !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
