import { useEffect, useState } from 'react';
import type { PhoneCheck } from '../../electron/common/api/customers';
import { call } from '../api';

/**
 * The host's verdict on a phone number while it is typed (customers.checkPhone: the stored form, why
 * it cannot be a number, who already has it), asked after a pause in typing (250 ms) so each key
 * does not cost a round trip; an answer for a number since changed is dropped. null below three
 * characters or when the check failed. Here, not in a feature, because the customer form and
 * 登记来访 (sales) both ask, and sales may not import customers (the card embeds sales parts).
 */
export function usePhoneCheck(raw: string, exceptCustomerId?: number): PhoneCheck | null {
  const [check, setCheck] = useState<PhoneCheck | null>(null);
  useEffect(() => {
    if (raw.trim().length < 3) {
      setCheck(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('customers.checkPhone', { raw: raw.trim(), ...(exceptCustomerId ? { exceptCustomerId } : {}) }).then(
        (r) => live && setCheck(r),
        () => live && setCheck(null),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [raw, exceptCustomerId]);
  return check;
}
