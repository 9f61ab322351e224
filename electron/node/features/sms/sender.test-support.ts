import { measure } from './encoding';
import type { NewMessage } from './outbox';

/** Polls until `ok` holds (the sender and the SMSC run on their own timers), failing after `timeoutMs`. */
export async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const noLeftOut = { dnd: 0, optOut: 0, duplicate: 0, noMobile: 0, noConsent: 0 };

/** The i-th test message to a distinct mobile, with its part count. */
export const testMessage = (i: number, text = `测试短信 #${i}`): NewMessage => ({ customerId: null, number: `86139${String(i).padStart(8, '0')}`, text, parts: measure(text).parts });
