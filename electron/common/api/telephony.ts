import { z } from 'zod';
import { method, returns } from './contract';
import { enumCodes } from '../i18n/enum-options';
import { CALL_DIRECTION, CALL_OUTCOME } from './telephony-texts';

/**
 * Telephony (CTI): the seat's softphone settings, caller identification, the call log with
 * outcomes, recordings (chunks streamed while the call lasts), missed calls.
 * Every method acts for the caller's own seat; record-level rules live in the handlers.
 */

export const RECORDING_POLICIES = ['all', 'inbound', 'outbound', 'none'] as const;
export type RecordingPolicy = (typeof RECORDING_POLICIES)[number];
export const POP_ON = ['ring', 'answer'] as const;
export type PopOn = (typeof POP_ON)[number];
export const CALL_DIRECTIONS = enumCodes(CALL_DIRECTION);
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** How a call ended technically (set by telephony.call.end). */
export const CALL_END_REASONS = ['hangup', 'missed', 'declined', 'busy', 'failed', 'noAnswer', 'cancelled'] as const;
/** Outcome of a call found still open when the seat's softphone started again (crash, closed window). */
export const INTERRUPTED = 'interrupted';
export type CallEndReason = (typeof CALL_END_REASONS)[number];

/** Business outcomes the agent picks after the call; `key` is the one-key shortcut in the form (its place in the list). */
export const CALL_OUTCOMES = enumCodes(CALL_OUTCOME).map((value, i) => ({ value, key: String(i + 1), ...CALL_OUTCOME.pair(value) }));
export type CallOutcome = (typeof CALL_OUTCOMES)[number]['value'];
const OUTCOME_VALUES = enumCodes(CALL_OUTCOME);

/** SIP over WebSocket URL: ws:// or wss://, host and optional port and path. */
const wsUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'ws:// 或 wss:// 地址 / a ws:// or wss:// URL');
const extension = z.string().trim().regex(/^\d{2,8}$/, '分机号为 2–8 位数字 / 2–8 digits');

export interface SoftphoneSettingsView {
  configured: boolean;
  wsUrl: string;
  extension: string;
  authUser: string;
  displayName: string;
  autoAnswer: boolean;
  popOn: PopOn;
  recordingPolicy: RecordingPolicy;
  outsidePrefix: string;
  /** A password is saved (it is never sent back). */
  hasPassword: boolean;
}

export interface SoftphoneCredentials {
  wsUrl: string;
  /** SIP domain (the WebSocket URL's host). */
  domain: string;
  extension: string;
  authUser: string;
  password: string;
  displayName: string;
}

export interface CtiMatch {
  customerId: number;
  name: string;
  phone: string;
  ownerName: string | null;
  plates: string[];
}

export interface CtiLookupResult {
  /** The number as received (trimmed). */
  number: string;
  /** 86 + national number, or null when the number cannot be one (withheld, letters, too short). */
  normalized: string | null;
  /** 'withheld' (anonymous / empty), 'invalid' (letters, malformed), or null for a usable number. */
  unknownReason: 'withheld' | 'invalid' | null;
  /** Every customer with this number the user may see, newest first. */
  matches: CtiMatch[];
  /** Customers with this number the user may not see (counted, never named). */
  hiddenCount: number;
}

export interface CallLogRow {
  id: number;
  direction: CallDirection;
  fromNumber: string | null;
  toNumber: string | null;
  extension: string | null;
  userId: number | null;
  userName: string | null;
  customerId: number | null;
  customerName: string | null;
  taskId: number | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  durationS: number | null;
  outcome: string | null;
  recordingId: number | null;
  recordingComplete: boolean | null;
  /** A client seat is still uploading the recording (上传中); it plays once the host has all of it. */
  recordingUploading: boolean | null;
}

export interface CallStarted {
  callId: number;
  customerId: number | null;
  recordingPolicy: RecordingPolicy;
  /**
   * Inbound: who is calling, exactly as telephony.lookup answers it (only customers the user may
   * see are named; the others are counted), so the ringing seat needs one round trip for the call
   * log and the screen pop and the caller is looked up once. Outbound: null (the seat dialled the
   * number itself).
   */
  lookup: CtiLookupResult | null;
}

export const telephonyApi = {
  'telephony.settings.get': method({ input: z.object({}).strict(), access: 'session', output: returns<SoftphoneSettingsView>() }),
  'telephony.settings.save': method({
    input: z
      .object({
        wsUrl,
        extension,
        authUser: z.string().trim().min(1).max(64),
        /** Absent = keep the saved password; '' = remove it. */
        password: z.string().max(128).optional(),
        displayName: z.string().trim().max(64).default(''),
        autoAnswer: z.boolean().default(false),
        popOn: z.enum(POP_ON).default('answer'),
        recordingPolicy: z.enum(RECORDING_POLICIES).default('all'),
        outsidePrefix: z.string().trim().regex(/^\d{0,4}$/, '外线前缀为 0–4 位数字 / 0–4 digits').default(''),
      })
      .strict(),
    access: 'session',
    output: returns<SoftphoneSettingsView>(),
  }),
  /** The clear password, for this session's own seat only: the softphone registers with it. */
  'telephony.credentials': method({ input: z.object({}).strict(), access: 'session', output: returns<SoftphoneCredentials | null>() }),
  'telephony.lookup': method({ input: z.object({ number: z.string().max(100) }).strict(), access: 'session', output: returns<CtiLookupResult>() }),
  'telephony.call.start': method({
    input: z
      .object({
        direction: z.enum(CALL_DIRECTIONS),
        /** The other party's number as dialled or received (caller ID may be withheld: ''). */
        remoteNumber: z.string().max(100),
        sipCallId: z.string().max(200).optional(),
        customerId: z.number().int().positive().optional(),
        taskId: z.number().int().positive().optional(),
      })
      .strict(),
    access: 'session',
    output: returns<CallStarted>(),
  }),
  // A call goes on while the screen is locked (idle lock mid-call): answer / end / recording still work then.
  'telephony.call.answer': method({ input: z.object({ callId: z.number().int().positive() }).strict(), access: 'session', whenLocked: true, output: returns<CallLogRow>() }),
  'telephony.call.end': method({
    input: z.object({ callId: z.number().int().positive(), reason: z.enum(CALL_END_REASONS).default('hangup') }).strict(),
    access: 'session',
    whenLocked: true,
    output: returns<CallLogRow>(),
  }),
  'telephony.call.outcome': method({
    input: z.object({ callId: z.number().int().positive(), outcome: z.enum(OUTCOME_VALUES), customerId: z.number().int().positive().optional() }).strict(),
    access: 'session',
    output: returns<CallLogRow>(),
  }),
  'telephony.call.get': method({ input: z.object({ callId: z.number().int().positive() }).strict(), access: 'session', output: returns<CallLogRow>() }),
  /** When the seat's softphone starts: calls left open by a crash or a closed window end as 'interrupted'. */
  'telephony.calls.closeInterrupted': method({ input: z.object({}).strict(), access: 'session', output: returns<{ closed: number }>() }),
  'telephony.calls.missed': method({ input: z.object({}).strict(), access: 'session', output: returns<CallLogRow[]>() }),
  'telephony.calls.ofCustomer': method({ input: z.object({ customerId: z.number().int().positive() }).strict(), access: 'session', output: returns<CallLogRow[]>() }),
  /** One piece of the call's recording (MediaRecorder chunk, base64), in order from seq 0. */
  'telephony.recording.chunk': method({
    input: z
      .object({
        callId: z.number().int().positive(),
        seq: z.number().int().min(0),
        mime: z.string().max(60).regex(/^audio\/[\w.+-]+(;\s*codecs=[\w.,+-]+)?$/),
        data: z.string().max(1_500_000),
      })
      .strict(),
    access: 'session',
    whenLocked: true,
    output: returns<{ recordingId: number; sizeBytes: number }>(),
  }),
  'telephony.recording.finish': method({
    input: z.object({ callId: z.number().int().positive(), durationMs: z.number().int().min(0).max(86_400_000) }).strict(),
    access: 'session',
    whenLocked: true,
    output: returns<{ recordingId: number; sizeBytes: number; durationMs: number } | null>(),
  }),
  /**
   * A copy of the file into the folder behind `folderGrant` (desktop: the grant comes from the
   * window's own folder dialog, see DscrmBridge.pickFolder), or a download URL (web host). Audited.
   */
  'telephony.recording.export': method({
    input: z.object({ recordingId: z.number().int().positive(), folderGrant: z.string().min(1).max(100).optional() }).strict(),
    access: 'session',
    output: returns<{ path: string | null; url: string | null; fileName: string }>(),
  }),
} as const;
