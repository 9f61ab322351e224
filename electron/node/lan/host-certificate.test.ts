import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/core';
import { CERT_FILE, HostCertificateError, KEY_FILE, loadOrCreateHostCertificate, readHostFingerprint, tlsDir } from './host-certificate';

const dirs: string[] = [];
const dataDir = () => {
  const d = tempDir('dscrm-tls-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('host certificate', () => {
  it('is made once, private, and the same key and certificate are used on every later start', () => {
    const dir = dataDir();
    expect(readHostFingerprint(dir)).toBeNull();
    const first = loadOrCreateHostCertificate(dir);
    expect(first.created).toBe(true);
    const tls = tlsDir(dir);
    expect(mode(tls)).toBe(0o700);
    expect(mode(path.join(tls, KEY_FILE))).toBe(0o600);
    expect(mode(path.join(tls, CERT_FILE))).toBe(0o600);
    expect(fs.readdirSync(tls).sort()).toEqual([CERT_FILE, KEY_FILE]);

    const again = loadOrCreateHostCertificate(dir);
    expect(again.created).toBe(false);
    expect(again.cert).toBe(first.cert);
    expect(again.key).toBe(first.key);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(readHostFingerprint(dir)).toBe(first.fingerprint);
  });

  it("states its fingerprint as Node's fingerprint256, covers localhost and 127.0.0.1, and is valid for 10 years", () => {
    const now = new Date('2026-12-04T08:00:00Z');
    const c = loadOrCreateHostCertificate(dataDir(), { names: ['frontdesk-host', 'localhost', '127.0.0.1', '192.168.1.20'], now });
    const x = new X509Certificate(c.cert);
    expect(c.fingerprint).toBe(x.fingerprint256);
    expect(c.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(x.subjectAltName).toBe('DNS:frontdesk-host, DNS:localhost, IP Address:127.0.0.1, IP Address:192.168.1.20');
    expect(x.checkHost('localhost')).toBe('localhost');
    expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(x.validTo).getUTCFullYear()).toBe(2036);
    expect(x.ca).toBe(false);
  });

  it('by default covers this PC: its host name, localhost and 127.0.0.1', () => {
    const x = new X509Certificate(loadOrCreateHostCertificate(dataDir()).cert);
    expect(x.subjectAltName).toContain('DNS:localhost');
    expect(x.subjectAltName).toContain('IP Address:127.0.0.1');
  });

  it('puts modes right on files copied back by hand, and refuses a key that is not the certificate\'s instead of replacing it', () => {
    const dir = dataDir();
    const first = loadOrCreateHostCertificate(dir);
    const keyPath = path.join(tlsDir(dir), KEY_FILE);
    fs.chmodSync(keyPath, 0o644);
    expect(loadOrCreateHostCertificate(dir).fingerprint).toBe(first.fingerprint);
    expect(mode(keyPath)).toBe(0o600);

    // Another host's key in place of ours: seats pinned this certificate, so it must not be swapped.
    fs.writeFileSync(keyPath, loadOrCreateHostCertificate(dataDir()).key);
    expect(() => loadOrCreateHostCertificate(dir)).toThrow(HostCertificateError);
    expect(() => loadOrCreateHostCertificate(dir)).toThrow(/私钥与证书不匹配.*\n[\s\S]*the key does not belong/);
    expect(readHostFingerprint(dir)).toBe(first.fingerprint);
    fs.rmSync(keyPath);
    expect(() => loadOrCreateHostCertificate(dir)).toThrow(/host-key\.pem/);
  });
});
