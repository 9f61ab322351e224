/**
 * What the outbox keeps per part of a long (concatenated) message so that sending it again never
 * repeats a part the gateway accepted: the parts accepted (sms_parts rows, written as each
 * submit_sm_resp arrives), the UDH reference they carried (sms_messages.concat_ref) and how the
 * text was cut (sms_messages.parts_digest). The rest of a message goes out under the same
 * reference and part count, so the handset joins it to the parts it already holds.
 */
import { createHash } from 'node:crypto';
import { encodingOf, splitParts } from './encoding';

/**
 * Encoding, part count and a hash of the parts as the channels cut them. Two texts with the same
 * digest put the same bytes in every part; a different digest means the parts already sent belong
 * to another cut (the text was changed, or a later version encodes or splits it differently) and
 * the remaining parts of this one would not fit them.
 */
export function cutDigest(text: string): string {
  const encoding = encodingOf(text);
  const parts = splitParts(text, encoding);
  return `${encoding}:${parts.length}:${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

/** The accepted parts as the claim query returns them (json_group_array of [part_no, gateway_id]). */
export function acceptedFrom(json: string | null): Map<number, string> {
  const m = new Map<number, string>();
  if (!json) return m;
  for (const [partNo, gatewayId] of JSON.parse(json) as [number, string][]) if (!m.has(partNo)) m.set(partNo, gatewayId);
  return m;
}

/** Refusal to finish a message whose text no longer cuts into the parts already sent. */
export const TEXT_CHANGED_ZH = '短信内容或编码与已发出的部分不一致,不能补发其余部分,请重新发送';
export const TEXT_CHANGED = (sent: number, parts: number) =>
  `${TEXT_CHANGED_ZH}(已发出 ${sent}/${parts} 段) / The text or its encoding differs from the ${sent} of ${parts} parts already sent: the rest cannot be added, send it again as a new message`;

/**
 * A reason with how much of a long message went out, for 待确认 rows: the person deciding sees
 * that 重发 adds only the rest. `error` is "中文 / English" like every outbox reason.
 */
export function withPartsSent(error: string, sent: number, parts: number): string {
  if (parts <= 1 || sent <= 0 || sent >= parts) return error;
  const zh = `已发出 ${sent}/${parts} 段,重发只补发其余 ${parts - sent} 段`;
  const en = `${sent} of ${parts} parts went out; resending sends only the other ${parts - sent}`;
  const cut = error.indexOf(' / ');
  return cut < 0 ? `${error}(${zh} / ${en})` : `${error.slice(0, cut)}(${zh}) / ${error.slice(cut + 3)} (${en})`;
}
