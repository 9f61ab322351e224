/**
 * Certificate pinning for a client seat's connections to its host (issue 15, LAN protocol
 * "Client seat"). The host's certificate is self-signed, so no CA vouches for it: the seat trusts
 * exactly the certificate it saw when it was paired (trust on first use, the admin compared the
 * fingerprint) and nothing else. A different certificate is refused before a byte of the request is
 * sent — never silently accepted — and reported as HOST_CERT_CHANGED.
 */
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';

export interface HostPin {
  /** The host's certificate as seen at pairing, PEM. */
  certPem: string;
  /** SHA-256 of its DER, upper-case hex pairs joined by ':' (Node's `fingerprint256`). */
  fingerprint: string;
}

/** The fingerprint of a PEM certificate, in the protocol's format. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** PEM text of a peer certificate's DER (`getPeerCertificate(true).raw`). */
export function pemOf(der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}

export class HostCertChangedError extends Error {
  readonly code = 'HOST_CERT_CHANGED';
  constructor(readonly seen: string | null) {
    super(`DS-CRM host certificate changed (pinned certificate not presented${seen ? `; saw ${seen}` : ''})`);
  }
}

/**
 * TLS options for every request and socket to the host: the pinned certificate is the only trust
 * anchor, and the identity check is its fingerprint rather than the host name — the seat may reach
 * the host by an address the certificate does not list (a new DHCP lease, a DNS alias), and the
 * fingerprint is the stronger check anyway.
 */
export function pinnedTls(pin: HostPin): { ca: string; rejectUnauthorized: true; checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined } {
  return {
    ca: pin.certPem,
    rejectUnauthorized: true,
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pin.fingerprint ? undefined : new HostCertChangedError(cert.fingerprint256 ?? null)),
  };
}

// OpenSSL's verdicts when the presented certificate is not the pinned one (another self-signed
// certificate, an expired one, a chain to a CA we never trusted), plus our own identity refusal.
const CERT_REFUSALS = new Set([
  'HOST_CERT_CHANGED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Whether a connection failed because the host did not present the pinned certificate. */
export function isCertRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CERT_REFUSALS.has(code);
}
