import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

// Key files and sealed values written by the two modules this one replaced (telephony/secret-box.ts
// and sms/secret.ts, removed after commit 0c059b1): a data folder from before the upgrade.
const BEFORE = {
  smsKey: '34f39dc9d2dc0e30f9be0831307344b4be97f2cd59ce82d68a5937ec74636313',
  smppPassword: 'v1:Bx+B8YwmshIqrQNd:DodRYVAuzLZ3Ny2arZ44bw==:nTvlIXVf1auKJQ0AgNo3Uw==',
  telephonyKey: '2473631b661176e1e42e2d500fae62d91f04b849003dc571940fc49b3b9b6717',
  sipPassword: 'v1:oA1YDOA2wJ2sxaQg:4P1JLPvKhlCtid9dWJZU6Q==:ges3QIA2I2/6l7bHuQ==',
};

const dirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-box-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SecretBox', () => {
  it('opens the SMPP and SIP passwords saved before the two features shared it', () => {
    const d = dataDir();
    fs.writeFileSync(path.join(d, 'sms.key'), Buffer.from(BEFORE.smsKey, 'hex'), { mode: 0o600 });
    fs.writeFileSync(path.join(d, 'telephony.key'), Buffer.from(BEFORE.telephonyKey, 'hex'), { mode: 0o600 });
    expect(new SecretBox(d, 'sms').open(BEFORE.smppPassword)).toBe('smpp-pass-密码');
    expect(new SecretBox(d, 'telephony').open(BEFORE.sipPassword)).toBe('sip-pass-1001');
    // Each purpose keeps its own key: one feature's sealed text does not open with the other's.
    expect(new SecretBox(d, 'telephony').open(BEFORE.smppPassword)).toBeNull();
  });

  it('creates a private key on first use, seals to a text that is not the password, and opens it again', () => {
    const d = dataDir();
    const box = new SecretBox(d, 'sms');
    const sealed = box.seal('secret-1');
    expect(sealed).not.toContain('secret-1');
    expect(fs.statSync(path.join(d, 'sms.key')).mode & 0o077).toBe(0);
    expect(new SecretBox(d, 'sms').open(sealed)).toBe('secret-1');
    expect(new SecretBox(dataDir(), 'sms').open(sealed)).toBeNull();
    expect(box.open('v1:garbage')).toBeNull();
  });

  it('refuses a damaged key file instead of sealing with it', () => {
    const d = dataDir();
    fs.writeFileSync(path.join(d, 'sms.key'), 'short');
    expect(() => new SecretBox(d, 'sms')).toThrow(/damaged/);
  });
});
