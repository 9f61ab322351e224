/**
 * Which build of DS-CRM this is, for the LAN handshake (issue 15): a client seat sends
 * API_VERSION in `x-dscrm-api` and the host refuses a different one (API_VERSION_MISMATCH), because
 * a renderer built against another contract would call methods the host does not have or send
 * inputs it no longer accepts.
 */
import { z } from 'zod';
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
 * A method's input as JSON Schema text: a client built against another input shape (a field added,
 * made required, renamed) would have its calls refused as INVALID_INPUT one by one, so the shape is
 * part of the version. zod's own JSON Schema output is stable for the same schema; parts it cannot
 * express (a refine, a transform) count by their place only.
 */
function inputText(input: unknown): string {
  try {
    return JSON.stringify(z.toJSONSchema(input as z.ZodType, { unrepresentable: 'any', io: 'input', cycles: 'ref' }));
  } catch {
    return '?';
  }
}

/**
 * Fingerprint of the contract: SHA-256 over the sorted method names with who may call them and
 * their input shapes, first 12 hex characters. Stable across runs and machines; changes when a
 * method is added or removed, or its access or input changes.
 */
export function contractVersion(methods: Record<string, { access: Access; input?: unknown }>): string {
  const lines = Object.keys(methods)
    .sort()
    .map((name) => `${name} ${accessText(methods[name]!.access)} ${inputText(methods[name]!.input)}`);
  return sha256Hex(lines.join('\n')).slice(0, 12);
}

let computed: string | null = null;

/**
 * This build's contract version. Computed on first use (≈ 0.1 s for the JSON Schemas of ~170
 * methods), so a host without the LAN listener and a single-PC app never pay for it at start-up.
 */
export function apiVersion(): string {
  computed ??= contractVersion(api);
  return computed;
}
