import type { smsApi, SmsBatchRow, SmsMessageRow, SmsTemplateRow } from '../../../common/api/sms';
import { MANAGER_ROLES } from '../../../common/roles';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import { me, type Handlers } from '../../handlers';
import type { SessionCtx } from '../auth';
import { editScheduled, previewSms, sendSms } from './batches';
import type { BatchStatus } from './outbox';
import { readSmsSettings, saveSmsSettings } from './settings';
import { unknownFields } from './template';
import type { SmppChannel } from './smpp-channel';

const BATCH_COLS = `b.id AS batchId, b.status, b.body, b.channel, b.scheduled_at AS scheduledAt, b.created_at AS createdAt, u.display_name AS createdByName,
  b.left_out_dnd AS leftOutDnd, b.left_out_opt_out AS leftOutOptOut, b.left_out_duplicate AS leftOutDuplicate, b.left_out_no_mobile AS leftOutNoMobile,
  b.purpose, b.left_out_no_consent AS leftOutNoConsent`;

/** Sending needs the 'sms.send' permission (role default, user override wins). */
function mayText(core: Pick<Core, 'auth'>, s: SessionCtx): SessionCtx {
  if (!core.auth.hasPermission(s, 'sms.send')) throw new AppError('FORBIDDEN');
  return s;
}

/** A user sees and controls their own batches; managers see every batch. */
function ownBatch(core: Pick<Core, 'sqlite'>, s: SessionCtx, batchId: number): void {
  const row = core.sqlite.prepare('SELECT created_by AS createdBy FROM sms_batches WHERE id = ?').get(batchId) as { createdBy: number | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  if (row.createdBy !== s.user.id && !MANAGER_ROLES.includes(s.user.role)) throw new AppError('FORBIDDEN');
}

function batchRow(core: Pick<Core, 'services' | 'sqlite'>, batchId: number): SmsBatchRow {
  const b = core.sqlite.prepare(`SELECT ${BATCH_COLS} FROM sms_batches b LEFT JOIN users u ON u.id = b.created_by WHERE b.id = ?`).get(batchId) as SmsBatchRow;
  return { ...b, ...core.services.sms.outbox.counts(batchId) };
}

function move(core: Pick<Core, 'services' | 'sqlite'>, s: SessionCtx, batchId: number, from: BatchStatus[], to: BatchStatus, what: string) {
  ownBatch(core, s, batchId);
  const sms = core.services.sms;
  if (!sms.outbox.setBatchStatus(batchId, from, to)) {
    throw new AppError('CONFLICT', { reason: `批次当前状态不能${what} / The batch cannot be ${to} in its current state` });
  }
  sms.kick();
  return sms.progress(batchId);
}

const MSG_COLS = `m.id, m.batch_id AS batchId, m.customer_id AS customerId, c.name AS customerName, m.number, m.text, m.parts, m.status, m.attempts,
  m.last_error AS lastError, m.submitted_at AS submittedAt, m.delivered_at AS deliveredAt, m.created_at AS createdAt`;

function templateRow(r: { id: number; name: string; body: string; category: string | null; purpose: SmsTemplateRow['purpose']; active: number; updatedAt: number }): SmsTemplateRow {
  return { ...r, active: r.active === 1 };
}

export const smsHandlers: Handlers<typeof smsApi> = {
  'sms.preview': (ctx, input) => previewSms(ctx.core, mayText(ctx.core, me(ctx)), input),
  'sms.send': (ctx, input) => sendSms(ctx.core, mayText(ctx.core, me(ctx)), input),
  'sms.batches': (ctx, { limit }) => {
    const s = me(ctx);
    const all = MANAGER_ROLES.includes(s.user.role);
    const ids = ctx.core.sqlite
      .prepare(`SELECT id FROM sms_batches ${all ? '' : 'WHERE created_by = ?'} ORDER BY id DESC LIMIT ?`)
      .all(...(all ? [limit] : [s.user.id, limit])) as { id: number }[];
    return ids.map((r) => batchRow(ctx.core, r.id));
  },
  'sms.batch': (ctx, { batchId }) => {
    ownBatch(ctx.core, me(ctx), batchId);
    const problems = ctx.core.sqlite
      .prepare(`SELECT ${MSG_COLS} FROM sms_messages m LEFT JOIN customers c ON c.id = m.customer_id WHERE m.batch_id = ? AND m.status IN ('failed', 'unknown') ORDER BY m.id LIMIT 500`)
      .all(batchId) as SmsMessageRow[];
    return { batch: batchRow(ctx.core, batchId), problems };
  },
  'sms.batch.pause': (ctx, { batchId }) => move(ctx.core, me(ctx), batchId, ['sending'], 'paused', '暂停'),
  'sms.batch.resume': (ctx, { batchId }) => move(ctx.core, me(ctx), batchId, ['paused'], 'sending', '继续'),
  'sms.batch.cancel': (ctx, { batchId }) => move(ctx.core, me(ctx), batchId, ['scheduled', 'sending', 'paused', 'draft'], 'cancelled', '取消'),
  'sms.batch.reschedule': (ctx, { batchId, scheduledAt }) => {
    const s = me(ctx);
    ownBatch(ctx.core, s, batchId);
    const now = ctx.core.clock.now();
    if (scheduledAt < now) throw new AppError('INVALID_INPUT', { issues: '定时发送时间已过 / The scheduled time has passed', fields: [{ field: 'scheduledAt', message: '定时发送时间已过 / The scheduled time has passed' }] });
    const n = ctx.core.sqlite.prepare(`UPDATE sms_batches SET scheduled_at = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'`).run(scheduledAt, now, batchId).changes;
    if (n === 0) throw new AppError('CONFLICT', { reason: '批次已开始发送,不能再修改时间 / The batch has started; its time can no longer change' });
    return ctx.core.services.sms.progress(batchId);
  },
  'sms.batch.edit': (ctx, { batchId, ...edit }) => {
    const s = mayText(ctx.core, me(ctx));
    ownBatch(ctx.core, s, batchId);
    return editScheduled(ctx.core, s, batchId, edit);
  },
  'sms.batch.resend': (ctx, { batchId, includeUnknown }) => {
    ownBatch(ctx.core, me(ctx), batchId);
    const sms = ctx.core.services.sms;
    sms.ensureStarted();
    const requeued = sms.outbox.resend(batchId, includeUnknown);
    sms.kick();
    return { requeued };
  },
  'sms.customerHistory': (ctx, { customerId }) => {
    const s = me(ctx);
    // The card's rule: only a customer the user may see.
    ctx.core.visibility.requireVisible(s, customerId);
    return ctx.core.sqlite
      .prepare(`SELECT ${MSG_COLS} FROM sms_messages m LEFT JOIN customers c ON c.id = m.customer_id WHERE m.customer_id = ? ORDER BY m.id DESC LIMIT 200`)
      .all(customerId) as SmsMessageRow[];
  },
  'sms.templates': (ctx, { activeOnly }) =>
    (ctx.core.sqlite
      .prepare(`SELECT id, name, body, category, purpose, active, updated_at AS updatedAt FROM sms_templates ${activeOnly ? 'WHERE active = 1' : ''} ORDER BY name`)
      .all() as Parameters<typeof templateRow>[0][]).map(templateRow),
  'sms.template.save': (ctx, input) => {
    const s = me(ctx);
    const unknown = unknownFields(input.body);
    const problem =
      input.body.trim() === ''
        ? '短信内容为空 / The message is empty'
        : unknown.length
          ? `模板中有未知字段:${unknown.map((f) => `{${f}}`).join('、')} / Unknown template fields: ${unknown.join(', ')}`
          : null;
    if (problem) throw new AppError('INVALID_INPUT', { issues: problem, fields: [{ field: 'body', message: problem }] });
    const now = ctx.core.clock.now();
    const db = ctx.core.sqlite;
    const id = db.transaction(() => {
      let id = input.id;
      const before = id ? db.prepare('SELECT * FROM sms_templates WHERE id = ?').get(id) : null;
      if (id && !before) throw new AppError('NOT_FOUND');
      if (id) {
        db.prepare('UPDATE sms_templates SET name = ?, body = ?, category = ?, purpose = coalesce(?, purpose), active = ?, updated_at = ? WHERE id = ?').run(input.name, input.body, input.category, input.purpose ?? null, input.active ? 1 : 0, now, id);
      } else {
        id = Number(
          db.prepare('INSERT INTO sms_templates (name, body, category, purpose, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(input.name, input.body, input.category, input.purpose ?? 'marketing', input.active ? 1 : 0, now, now).lastInsertRowid,
        );
      }
      db.prepare(`INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, 'sms_template', ?, ?, ?)`).run(
        now, s.user.id, before ? 'update' : 'create', String(id), before ? JSON.stringify(before) : null, JSON.stringify(input),
      );
      return id;
    })();
    return templateRow(db.prepare('SELECT id, name, body, category, purpose, active, updated_at AS updatedAt FROM sms_templates WHERE id = ?').get(id) as Parameters<typeof templateRow>[0]);
  },
  'sms.settings': (ctx) => readSmsSettings(ctx.core),
  'sms.settings.save': async (ctx, input) => {
    saveSmsSettings(ctx.core, me(ctx).user.id, input);
    await ctx.core.services.sms.restartChannels();
    return readSmsSettings(ctx.core);
  },
  'sms.status': (ctx) => {
    const sms = ctx.core.services.sms;
    sms.ensureStarted();
    const smpp = sms.channel('smpp') as SmppChannel | null;
    const modem = sms.channel('modem') as ModemLike | null;
    return {
      smpp: { state: smpp?.state ?? 'off', error: smpp?.lastError ?? null },
      modem: { state: modem?.state ?? 'off', error: modem?.lastError ?? null, signal: modem?.signal ?? null, sim: modem?.sim ?? null },
    };
  },
};

interface ModemLike {
  state: string;
  lastError: string | null;
  signal: number | null;
  sim: string | null;
}
