/**
 * Who a batch goes to: customers flagged 免打扰 (dnd_sms) and numbers that opted out are left out,
 * and for a 营销 batch those without consent to commercial messages (reference/003), counted by reason (the confirmation says how many and why); a number that appears twice —
 * two customers sharing a phone, or a manual number that is also a customer's — is texted once.
 */
import type { MergeValues } from './template';

export interface Candidate {
  customerId: number | null;
  /** Normalised mobile (86…) or null when the customer has no mobile. */
  number: string | null;
  dnd: boolean;
  /** 同意接收商业信息 given (a typed number without a customer has none). */
  consent: boolean;
  values: MergeValues;
}

export interface LeftOut {
  dnd: number;
  optOut: number;
  duplicate: number;
  noMobile: number;
  /** A 营销 batch: recipients without consent given. */
  noConsent: number;
}

export interface Resolved {
  recipients: (Candidate & { number: string })[];
  leftOut: LeftOut;
}

export function resolveRecipients(candidates: readonly Candidate[], optedOut: ReadonlySet<string>, marketing = false): Resolved {
  const leftOut: LeftOut = { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 };
  const seen = new Set<string>();
  const recipients: Resolved['recipients'] = [];
  for (const c of candidates) {
    // Opted out first: a TD / 退订 reply also sets the customer's 免打扰, but the reason the user
    // should read is the customer's own 已退订, not a flag someone set.
    if (c.number && optedOut.has(c.number)) leftOut.optOut++;
    else if (c.dnd) leftOut.dnd++;
    else if (marketing && !c.consent) leftOut.noConsent++;
    else if (!c.number) leftOut.noMobile++;
    else if (seen.has(c.number)) leftOut.duplicate++;
    else {
      seen.add(c.number);
      recipients.push({ ...c, number: c.number });
    }
  }
  return { recipients, leftOut };
}

/** A reply that opts the number out: TD, T, 退订 (any case, spaces and punctuation ignored). */
export function isOptOutReply(text: string): boolean {
  const t = text.replace(/[\s\p{P}]/gu, '').toUpperCase();
  return t === 'TD' || t === 'T' || t === '退订';
}
