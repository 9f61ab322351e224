/**
 * The LAN host's TLS key and self-signed certificate (issue 15, docs/security.md "LAN listener").
 *
 * Made once, on the first LAN start, in <dataDir>/tls (folder 0700, files 0600), and reused on
 * every later start: seats pin the certificate's fingerprint when they pair, so a new certificate
 * would cut every seat off (they refuse it with HOST_CERT_CHANGED). Hence also: a certificate is
 * never silently replaced when the PC's address changes — seats check the fingerprint, not the
 * names — and files that cannot be read as a matching key and certificate are an error the
 * administrator must resolve, not something to overwrite.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { isIP } from 'node:net';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, makePrivateFolder } from '../data-folder/permissions';
import { lanIPv4Addresses } from './host-names';

export interface HostCertificate {
  /** PEM, PKCS#8. */
  key: string;
  /** PEM. */
  cert: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by ':' (Node's fingerprint256). */
  fingerprint: string;
  /** Whether this start made it (print it prominently: seats paired before would not know it). */
  created: boolean;
}

export const TLS_DIR = 'tls';
export const KEY_FILE = 'host-key.pem';
export const CERT_FILE = 'host-cert.pem';
const VALID_YEARS = 10;

export const tlsDir = (dataDir: string) => path.join(dataDir, TLS_DIR);

/** A key and certificate that are there but cannot be used: said in Chinese and English, never overwritten. */
export class HostCertificateError extends Error {
  constructor(dir: string, why: string) {
    super(
      `主机证书文件无法使用(${why}):${dir}\n` +
        '如确需更换证书,请删除该文件夹后重新启动主机,之后每台终端都须由管理员重新配对。\n' +
        `The host's TLS key or certificate cannot be used (${why}): ${dir}\n` +
        'To make a new certificate, delete that folder and start the host again; every seat must then be paired again.',
    );
    this.name = 'HostCertificateError';
  }
}

/** The names a new certificate covers: this PC's host name, its LAN IPv4 addresses, localhost, 127.0.0.1 and any extra names. */
export function certificateNames(extraNames: readonly string[] = []): string[] {
  const host = os.hostname().toLowerCase();
  return [...new Set([host, 'localhost', '127.0.0.1', ...lanIPv4Addresses(), ...extraNames.map((n) => n.toLowerCase())])];
}

/**
 * The host's key and certificate: read from <dataDir>/tls, or made there on the first call.
 * `names` (host names and IP addresses for the subjectAltName) are used only when making one.
 */
export function loadOrCreateHostCertificate(dataDir: string, opts: { names?: readonly string[]; now?: Date } = {}): HostCertificate {
  const dir = tlsDir(dataDir);
  const keyPath = path.join(dir, KEY_FILE);
  const certPath = path.join(dir, CERT_FILE);
  makePrivateFolder(dir);
  if (fs.existsSync(certPath)) {
    // A certificate that was made (and perhaps pinned by seats): use it, or say why not.
    if (!fs.existsSync(keyPath)) throw new HostCertificateError(dir, `${KEY_FILE} 缺失 / ${KEY_FILE} is missing`);
    return { ...readPair(dir, keyPath, certPath), created: false };
  }
  // No certificate yet (a key alone is a start that stopped half-way: no seat has seen it).
  const made = makeSelfSigned(opts.names ?? certificateNames(), opts.now ?? new Date());
  writePrivate(keyPath, made.key);
  writePrivate(certPath, made.cert);
  return { ...made, fingerprint: new X509Certificate(made.cert).fingerprint256, created: true };
}

/** The fingerprint of the certificate this data folder's host presents, or null before its first LAN start (for 终端管理). */
export function readHostFingerprint(dataDir: string): string | null {
  try {
    return new X509Certificate(fs.readFileSync(path.join(tlsDir(dataDir), CERT_FILE))).fingerprint256;
  } catch {
    return null;
  }
}

function readPair(dir: string, keyPath: string, certPath: string): { key: string; cert: string; fingerprint: string } {
  const key = fs.readFileSync(keyPath, 'utf8');
  const cert = fs.readFileSync(certPath, 'utf8');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new HostCertificateError(dir, `${CERT_FILE} 不是证书 / ${CERT_FILE} is not a certificate`);
  }
  let matches = false;
  try {
    matches = x509.checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new HostCertificateError(dir, `${KEY_FILE} 不是私钥 / ${KEY_FILE} is not a private key`);
  }
  if (!matches) throw new HostCertificateError(dir, '私钥与证书不匹配 / the key does not belong to the certificate');
  // Files copied in by hand (a restored backup) may have lost their modes.
  for (const p of [keyPath, certPath]) if (process.platform !== 'win32' && (fs.statSync(p).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(p, PRIVATE_FILE_MODE);
  if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return { key, cert, fingerprint: x509.fingerprint256 };
}

/** Writes a file readable by this user only, whole or not at all (temp file, then rename). */
function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: PRIVATE_FILE_MODE });
  if (process.platform !== 'win32') fs.chmodSync(tmp, PRIVATE_FILE_MODE);
  fs.renameSync(tmp, file);
}

/**
 * An RSA-2048 key (Node's crypto: fast and native) and a certificate for it signed by itself
 * (node-forge: Node cannot build certificates), valid VALID_YEARS, for TLS server use only.
 */
function makeSelfSigned(names: readonly string[], now: Date): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive (leading byte < 0x80) and unique, as RFC 5280 asks.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  // A day back: a seat whose clock runs a little behind still accepts it.
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setFullYear(now.getFullYear() + VALID_YEARS);
  const subject = [
    { name: 'commonName', value: `DS-CRM ${os.hostname()}`.slice(0, 64) },
    { name: 'organizationName', value: 'DS-CRM' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // type 2 = dNSName, 7 = iPAddress (RFC 5280 GeneralName)
    { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(cert) };
}
