/**
 * Times in this machine's own time zone, for the renderer's forms and lists: the dealer's PCs run
 * in the dealer's zone, and an <input type="datetime-local"> speaks the browser's zone. Host code
 * uses zone.ts with 'dealer.timeZone' instead.
 */
import dayjs from 'dayjs';

/** '2026-11-23 10:00' (local), '' for no time. */
export const fmtDateTime = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('YYYY-MM-DD HH:mm'));
/** The value of an <input type="datetime-local"> for a time. */
export const toLocalInput = (ms: number) => dayjs(ms).format('YYYY-MM-DDTHH:mm');
/** Epoch ms of an <input type="datetime-local"> value (NaN when empty or invalid). */
export const fromLocalInput = (v: string) => (v ? new Date(v).getTime() : Number.NaN);
/** Today as 'YYYY-MM-DD' (local). */
export const localToday = () => dayjs().format('YYYY-MM-DD');
/** Tomorrow at 10:00 local: the usual default time of the next follow-up. */
export const tomorrowAtTen = () => dayjs().add(1, 'day').hour(10).startOf('hour').valueOf();
