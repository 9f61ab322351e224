/**
 * Preview and send: the audience resolved, DND / opted-out / duplicates left out and counted,
 * each recipient's text merged (template fields + dealer signature) and measured. Recipients
 * whose text cannot be sent (a missing field, over 10 parts) are kept in the batch as failed rows
 * with the reason, so the batch lists them; the rest are queued in the same transaction.
 */
import type { SmsPreview, SmsPurpose, SmsSample, SmsSendResult } from '../../../common/api/sms';
import type { Core } from '../../core';
import { AppError } from '../../errors';
import type { SessionCtx } from '../auth';
import { resolveAudience, type AudienceCore, type AudienceInput } from './audience';
import { MAX_PARTS, measure, textProblem } from './encoding';
import { resolveRecipients } from './recipients';
import { smsSignature } from './settings';
import { merge, unknownFields, withSignature } from './template';

export interface SendInput {
  audience: AudienceInput;
  message: { templateId: number | null; body: string; channel: 'smpp' | 'modem'; purpose: SmsPurpose };
  scheduledAt: number | null;
}

interface Planned {
  preview: SmsPreview;
  messages: { customerId: number | null; number: string; text: string; parts: number; problem: string | null }[];
}

const SAMPLES = 5;
const MISSING_LISTED = 200;

/** What preview and send read: the audience's parts, plus the connection for templates, opt-outs, batches and the signature. */
type SmsSendCore = AudienceCore & Pick<Core, 'sqlite'>;

function invalid(message: string, field = 'body'): AppError {
  return new AppError('INVALID_INPUT', { issues: message, fields: [{ field, message }] });
}

async function plan(core: SmsSendCore, s: SessionCtx, input: SendInput): Promise<Planned> {
  const body = input.message.body;
  if (body.trim() === '') throw invalid('短信内容为空 / The message is empty');
  const unknown = unknownFields(body);
  if (unknown.length) throw invalid(`模板中有未知字段:${unknown.map((f) => `{${f}}`).join('、')} / Unknown template fields: ${unknown.join(', ')}`);
  // Preview and send answer alike: a template deleted meanwhile is a message, not a FOREIGN KEY 500 at send.
  const templateId = input.message.templateId;
  const template = templateId === null ? null : (core.sqlite.prepare('SELECT purpose FROM sms_templates WHERE id = ?').get(templateId) as { purpose: SmsPurpose } | undefined);
  if (template === undefined) {
    throw invalid('短信模板不存在或已删除,请重新选择 / The SMS template does not exist or was deleted: pick it again', 'templateId');
  }
  // A 营销 template makes the batch 营销 whatever was picked: a campaign never reaches someone who did not consent.
  const purpose: SmsPurpose = template?.purpose === 'marketing' ? 'marketing' : input.message.purpose;
  const audience = await resolveAudience(core, s, input.audience);
  const optedOut = new Set(
    (core.sqlite.prepare('SELECT number FROM sms_opt_outs').all() as { number: string }[]).map((r) => r.number),
  );
  const { recipients, leftOut } = resolveRecipients(audience.candidates, optedOut, purpose === 'marketing');
  leftOut.duplicate += audience.manual.duplicates;
  const signature = smsSignature(core);
  const names = new Map(audience.candidates.map((c) => [c.number ?? '', c.name]));
  const preview: SmsPreview = {
    sendable: 0, leftOut, purpose, invalidNumbers: audience.manual.invalid, missingCount: 0, missing: [], tooLong: 0, samples: [], maxChars: 0, maxParts: 0,
  };
  const messages: Planned['messages'] = [];
  for (const r of recipients) {
    const m = merge(body, r.values);
    const text = withSignature(m.text, signature);
    const size = measure(text);
    let problem: string | null = null;
    if (m.missing.length) {
      problem = `缺少字段:${m.missing.join('、')} / Missing fields: ${m.missing.join(', ')}`;
      preview.missingCount++;
      if (preview.missing.length < MISSING_LISTED) preview.missing.push({ customerId: r.customerId, name: names.get(r.number) ?? null, number: r.number, fields: m.missing });
    } else if (size.parts > MAX_PARTS) {
      problem = textProblem(text);
      preview.tooLong++;
    } else preview.sendable++;
    preview.maxChars = Math.max(preview.maxChars, size.chars);
    preview.maxParts = Math.max(preview.maxParts, size.parts);
    if (preview.samples.length < SAMPLES) {
      const sample: SmsSample = { customerId: r.customerId, name: names.get(r.number) ?? null, number: r.number, text, chars: size.chars, parts: size.parts, encoding: size.encoding, missing: m.missing };
      preview.samples.push(sample);
    }
    messages.push({ customerId: r.customerId, number: r.number, text, parts: size.parts, problem });
  }
  return { preview, messages };
}

export async function previewSms(core: SmsSendCore, s: SessionCtx, input: SendInput): Promise<SmsPreview> {
  return (await plan(core, s, input)).preview;
}

export async function sendSms(core: SmsSendCore, s: SessionCtx, input: SendInput): Promise<SmsSendResult> {
  const { preview, messages } = await plan(core, s, input);
  if (preview.sendable === 0) throw invalid('没有可发送的号码 / Nobody to send to', 'audience');
  const now = core.clock.now();
  if (input.scheduledAt != null && input.scheduledAt < now - 60_000) throw invalid('定时发送时间已过 / The scheduled time has passed', 'scheduledAt');
  const sms = core.services.sms;
  sms.ensureStarted();
  const batchId = sms.outbox.createBatch({
    createdBy: s.user.id,
    templateId: input.message.templateId,
    body: input.message.body,
    channel: input.message.channel,
    purpose: preview.purpose,
    scheduledAt: input.scheduledAt,
    leftOut: preview.leftOut,
    messages,
  });
  sms.kick();
  return { ...preview, batchId, status: sms.outbox.batchStatus(batchId) ?? 'sending' };
}

/**
 * 修改 a scheduled batch (text and / or time) until it starts: the same recipients (its customers
 * and typed numbers) merged again with the new text; DND and opt-outs are applied as of now.
 */
export async function editScheduled(core: SmsSendCore, s: SessionCtx, batchId: number, edit: { body: string; templateId: number | null; scheduledAt: number }): Promise<SmsSendResult> {
  if (edit.scheduledAt < core.clock.now()) throw invalid('定时发送时间已过 / The scheduled time has passed', 'scheduledAt');
  const b = core.sqlite.prepare(`SELECT channel, status, purpose FROM sms_batches WHERE id = ?`).get(batchId) as { channel: 'smpp' | 'modem'; status: string; purpose: SmsPurpose } | undefined;
  if (!b) throw new AppError('NOT_FOUND');
  const started = () => new AppError('CONFLICT', { reason: '批次已开始发送,不能再修改 / The batch has started; it can no longer change' });
  if (b.status !== 'scheduled') throw started();
  const rows = core.sqlite.prepare(`SELECT customer_id AS customerId, number FROM sms_messages WHERE batch_id = ?`).all(batchId) as { customerId: number | null; number: string }[];
  const customerIds = [...new Set(rows.filter((r) => r.customerId != null).map((r) => r.customerId!))];
  const manualNumbers = rows.filter((r) => r.customerId == null).map((r) => r.number).join('\n');
  const { preview, messages } = await plan(core, s, {
    audience: { customerIds, grid: null, rows: null, manualNumbers, values: {} },
    message: { templateId: edit.templateId, body: edit.body, channel: b.channel, purpose: b.purpose },
    scheduledAt: edit.scheduledAt,
  });
  if (preview.sendable === 0) throw invalid('没有可发送的号码 / Nobody to send to', 'audience');
  const sms = core.services.sms;
  if (!sms.outbox.replaceScheduled(batchId, { body: edit.body, templateId: edit.templateId, scheduledAt: edit.scheduledAt, leftOut: preview.leftOut, messages })) throw started();
  return { ...preview, batchId, status: 'scheduled' };
}
