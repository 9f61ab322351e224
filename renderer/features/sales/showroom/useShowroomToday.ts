import { useState } from 'react';
import { call } from '../../../api';
import { zoneFormat } from '../../../../electron/common/dates';
import { useLoad } from '../../../ui/use-load';

export interface DealerNow {
  date: string;
  time: string;
  timeZone: string;
}

/** The dealer's today (its time zone, the server's clock), so the screens never trust the PC's date. */
export function useDealerNow(): DealerNow | null {
  const [now, setNow] = useState<DealerNow | null>(null);
  useLoad(() => call('showroom.today', {}), [], setNow);
  return now;
}

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
/** HH:MM of an instant in the dealer's time zone (the formatter made once per zone: a list renders many). */
export const hhmm = (ms: number, timeZone: string) => zoneFormat('en-GB', timeZone, HOUR_MINUTE).format(ms);

