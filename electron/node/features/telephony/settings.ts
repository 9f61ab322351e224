import type { TelInput } from './input';
import type { SoftphoneCredentials, SoftphoneSettingsView } from '../../../common/api/telephony';
import type { Core } from '../../core';
import type { SessionCtx } from '../auth';
import { writeAudit } from '../admin';
import type { SecretBox } from '../../secret-box';

interface Row {
  ws_url: string;
  extension: string;
  auth_user: string;
  password_enc: string | null;
  display_name: string | null;
  auto_answer: number;
  pop_on: 'ring' | 'answer';
  recording_policy: SoftphoneSettingsView['recordingPolicy'];
  outside_prefix: string | null;
}

const EMPTY: SoftphoneSettingsView = {
  configured: false,
  wsUrl: '',
  extension: '',
  authUser: '',
  displayName: '',
  autoAnswer: false,
  popOn: 'answer',
  recordingPolicy: 'all',
  outsidePrefix: '',
  hasPassword: false,
};

/**
 * Per-seat softphone settings (one row per user). The SIP password is sealed with the data
 * folder's key and only ever opened for `credentials()` of the seat's own session.
 */
export class SoftphoneSettings {
  constructor(
    private core: Pick<Core, 'clock' | 'db' | 'sqlite'>,
    private box: SecretBox,
  ) {}

  private row(userId: number): Row | undefined {
    return this.core.sqlite.prepare<[number], Row>('select * from softphone_settings where user_id = ?').get(userId);
  }

  view(userId: number): SoftphoneSettingsView {
    const r = this.row(userId);
    if (!r) return EMPTY;
    return {
      configured: true,
      wsUrl: r.ws_url,
      extension: r.extension,
      authUser: r.auth_user,
      displayName: r.display_name ?? '',
      autoAnswer: r.auto_answer === 1,
      popOn: r.pop_on,
      recordingPolicy: r.recording_policy,
      outsidePrefix: r.outside_prefix ?? '',
      hasPassword: !!r.password_enc,
    };
  }

  save(s: SessionCtx, input: TelInput<'telephony.settings.save'>): SoftphoneSettingsView {
    const uid = s.user.id;
    const before = this.row(uid);
    const passwordEnc = input.password === undefined ? (before?.password_enc ?? null) : input.password === '' ? null : this.box.seal(input.password);
    const values = {
      ws_url: input.wsUrl,
      extension: input.extension,
      auth_user: input.authUser,
      password_enc: passwordEnc,
      display_name: input.displayName || null,
      auto_answer: input.autoAnswer ? 1 : 0,
      pop_on: input.popOn ?? 'answer',
      recording_policy: input.recordingPolicy ?? 'all',
      outside_prefix: input.outsidePrefix || null,
    };
    this.core.sqlite.transaction(() => {
      this.core.sqlite
        .prepare(
          `insert into softphone_settings (user_id, ws_url, extension, auth_user, password_enc, display_name, auto_answer, pop_on, recording_policy, outside_prefix)
           values (@uid, @ws_url, @extension, @auth_user, @password_enc, @display_name, @auto_answer, @pop_on, @recording_policy, @outside_prefix)
           on conflict(user_id) do update set ws_url = excluded.ws_url, extension = excluded.extension, auth_user = excluded.auth_user,
             password_enc = excluded.password_enc, display_name = excluded.display_name, auto_answer = excluded.auto_answer,
             pop_on = excluded.pop_on, recording_policy = excluded.recording_policy, outside_prefix = excluded.outside_prefix`,
        )
        .run({ uid, ...values });
      // The audit row says whether the password changed, never what it is.
      const { password_enc: _b, ...beforeShown } = before ?? ({} as Partial<Row>);
      const { password_enc: _a, ...afterShown } = values;
      writeAudit(this.core.db, this.core.clock, {
        userId: uid,
        action: before ? 'update' : 'create',
        entity: 'softphone_settings',
        entityId: uid,
        before: before ? beforeShown : undefined,
        after: { ...afterShown, passwordChanged: input.password !== undefined },
      });
    })();
    return this.view(uid);
  }

  /** The seat's own credentials for registering; null when not set up or no password saved. */
  credentials(s: SessionCtx): SoftphoneCredentials | null {
    const r = this.row(s.user.id);
    if (!r?.password_enc) return null;
    const password = this.box.open(r.password_enc);
    if (password === null) return null;
    let domain = '127.0.0.1';
    try {
      domain = new URL(r.ws_url).hostname;
    } catch {
      // validated on save; keep the loopback default for rows written by hand
    }
    return { wsUrl: r.ws_url, domain, extension: r.extension, authUser: r.auth_user, password, displayName: r.display_name ?? '' };
  }
}
