/**
 * Which build of DS-CRM this is, for the LAN handshake (issue 15): a client seat sends
 * API_VERSION in `x-dscrm-api` and the host refuses a different one (API_VERSION_MISMATCH), because
 * a renderer built against another contract would call methods the host does not have or send
 * inputs it no longer accepts.
 */
import pkg from '../../../package.json';
import { api } from './index';
import type { Access } from './contract';
import { sha256Hex } from '../sha256';

/** The app's version as released (package.json), shown in the mismatch message. */
export const APP_VERSION: string = pkg.version;

function accessText(access: Access): string {
  return typeof access === 'string' ? access : [...access].sort().join(',');
}

/**
 * Fingerprint of the contract: SHA-256 over the sorted method names with who may call them,
 * first 12 hex characters. Stable across runs and machines; changes when a method is added,
 * removed or its access changes. (Input shapes are not hashed: zod schemas have no stable text.)
 */
export function contractVersion(methods: Record<string, { access: Access }>): string {
  const lines = Object.keys(methods)
    .sort()
    .map((name) => `${name} ${accessText(methods[name]!.access)}`);
  return sha256Hex(lines.join('\n')).slice(0, 12);
}

export const API_VERSION: string = contractVersion(api);
