/**
 * Click-to-call from anywhere (grid cells, the customer card, tasks): a window event the
 * softphone provider listens to, so a phone link needs no React context (grid cells render in
 * their own tree).
 */
export interface DialRequest {
  number: string;
  customerId?: number;
  taskId?: number;
}

export const DIAL_EVENT = 'dscrm:dial';

export function requestDial(req: DialRequest): void {
  window.dispatchEvent(new CustomEvent<DialRequest>(DIAL_EVENT, { detail: req }));
}

/** Digits (and * #, a leading +) from what was typed; null when it cannot be dialled. */
export function dialable(raw: string): string | null {
  const s = raw.replace(/[\s\-().\u3000]/g, '');
  return /^\+?[\d*#]{2,24}$/.test(s) ? s : null;
}

/** Outside numbers (longer than an extension) get the seat's outside-line prefix; a PBX feature code (*33…, #…) never does. */
export function withPrefix(number: string, prefix: string): string {
  const digits = number.replace(/^\+/, '00');
  return prefix && digits.length >= 7 && !/^[*#]/.test(digits) ? prefix + digits : digits;
}
