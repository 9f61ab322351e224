/**
 * SMS settings: the channels (sms_channels; the SMPP password sealed, never sent back to the
 * renderer) and the dealer's signature (settings key 'sms.signature', default the dealer's name).
 */
import type { SmsChannelSettings } from '../../../common/api/sms';
import type { Core } from '../../core';
import { SecretBox } from '../../secret-box';
import type { SmppConfig } from './smpp-channel';

export const SMPP_DEFAULTS = { enabled: false, host: '127.0.0.1', port: 2775, systemId: '', sourceAddr: '', ratePerSecond: 100, windowSize: 20 };
export const MODEM_DEFAULTS = { enabled: false, path: '/dev/ttyUSB0', baudRate: 115200, ratePerSecond: 0.2 };

interface ChannelRow {
  kind: 'smpp' | 'modem';
  enabled: number;
  config: string;
  passwordEnc: string | null;
  rate: number;
}

function rows(core: Pick<Core, 'sqlite'>): Map<string, ChannelRow> {
  const r = core.sqlite.prepare(`SELECT kind, enabled, config, password_enc AS passwordEnc, rate_per_second AS rate FROM sms_channels`).all() as ChannelRow[];
  return new Map(r.map((x) => [x.kind, x]));
}

export function smsSignature(core: Pick<Core, 'settings' | 'sqlite'>): string {
  const row = core.sqlite.prepare(`SELECT value FROM settings WHERE key = 'sms.signature'`).get() as { value: string } | undefined;
  if (row) {
    try {
      return String(JSON.parse(row.value));
    } catch {
      return row.value;
    }
  }
  return core.settings.get('dealer.name');
}

export function readSmsSettings(core: Pick<Core, 'settings' | 'sqlite'>): SmsChannelSettings {
  const r = rows(core);
  const smpp = r.get('smpp');
  const modem = r.get('modem');
  const sc = smpp ? (JSON.parse(smpp.config) as Partial<typeof SMPP_DEFAULTS>) : {};
  const mc = modem ? (JSON.parse(modem.config) as Partial<typeof MODEM_DEFAULTS>) : {};
  return {
    smpp: { ...SMPP_DEFAULTS, ...sc, enabled: smpp ? smpp.enabled === 1 : false, ratePerSecond: smpp?.rate ?? SMPP_DEFAULTS.ratePerSecond, hasPassword: !!smpp?.passwordEnc },
    modem: { ...MODEM_DEFAULTS, ...mc, enabled: modem ? modem.enabled === 1 : false, ratePerSecond: modem?.rate ?? MODEM_DEFAULTS.ratePerSecond },
    signature: smsSignature(core),
  };
}

export interface SaveSmsSettings {
  smpp: Omit<SmsChannelSettings['smpp'], 'hasPassword'> & { password: string | null };
  modem: SmsChannelSettings['modem'];
  signature: string;
}

/** Saved in one transaction with an audit row (never the password itself). */
export function saveSmsSettings(core: Pick<Core, 'clock' | 'dataDir' | 'settings' | 'sqlite'>, actorId: number, input: SaveSmsSettings): void {
  const now = core.clock.now();
  const before = readSmsSettings(core);
  const up = core.sqlite.prepare(
    `INSERT INTO sms_channels (kind, enabled, config, password_enc, rate_per_second, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(kind) DO UPDATE SET enabled = excluded.enabled, config = excluded.config,
       password_enc = coalesce(excluded.password_enc, sms_channels.password_enc), rate_per_second = excluded.rate_per_second, updated_at = excluded.updated_at`,
  );
  const { password, enabled: se, ratePerSecond: sr, ...smppConfig } = input.smpp;
  const { enabled: me, ratePerSecond: mr, ...modemConfig } = input.modem;
  core.sqlite.transaction(() => {
    up.run('smpp', se ? 1 : 0, JSON.stringify(smppConfig), password ? new SecretBox(core.dataDir, 'sms').seal(password) : null, sr, now);
    up.run('modem', me ? 1 : 0, JSON.stringify(modemConfig), null, mr, now);
    core.sqlite
      .prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('sms.signature', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(JSON.stringify(input.signature), now);
    core.sqlite
      .prepare(`INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, 'update', 'sms_settings', NULL, ?, ?)`)
      .run(now, actorId, JSON.stringify(before), JSON.stringify({ ...readSmsSettings(core), passwordChanged: !!password }));
  })();
}

export function smppConfigOf(core: Pick<Core, 'dataDir' | 'sqlite'>): (SmppConfig & { enabled: boolean; ratePerSecond: number; windowSize: number }) | null {
  const row = rows(core).get('smpp');
  if (!row) return null;
  const c = { ...SMPP_DEFAULTS, ...(JSON.parse(row.config) as Partial<typeof SMPP_DEFAULTS>) };
  return {
    host: c.host, port: c.port, systemId: c.systemId, sourceAddr: c.sourceAddr, windowSize: c.windowSize,
    password: row.passwordEnc ? (new SecretBox(core.dataDir, 'sms').open(row.passwordEnc) ?? '') : '',
    enabled: row.enabled === 1, ratePerSecond: row.rate,
  };
}

export function modemConfigOf(core: Pick<Core, 'sqlite'>): (typeof MODEM_DEFAULTS) | null {
  const row = rows(core).get('modem');
  if (!row) return null;
  return { ...MODEM_DEFAULTS, ...(JSON.parse(row.config) as Partial<typeof MODEM_DEFAULTS>), enabled: row.enabled === 1, ratePerSecond: row.rate };
}
