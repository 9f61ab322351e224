import type { AttemptResult, DialerQueue, DialerRules } from '../../../common/api/dialer';
import { DAY_AND_MINUTE, zoneFormat } from '../../../common/dates';

/**
 * 作业模式's rules that need no database: a queue's defaults and its opening script, the calling
 * hours (across midnight too), and what a call's end means as an attempt.
 */

/** The card's script where the CS manager wrote none: {客户} {坐席} {经销商} are filled in on the card. */
const DEFAULT_SCRIPTS: Partial<Record<DialerQueue, string>> = {
  revisit_sales: '您好,请问是{客户}吗?我是{经销商}的客服专员{坐席}。感谢您在我店购车,想占用您两分钟做个回访,请问现在方便吗?',
  revisit_repair: '您好,请问是{客户}吗?我是{经销商}的客服专员{坐席}。您的爱车最近在我店做了保养/维修,想听听您对这次服务的意见,请问现在方便吗?',
  low_score: '您好,{客户}。我是{经销商}的客服专员{坐席}。您对我们上次的服务不太满意,我们非常重视,想了解具体情况并尽快为您处理。',
  first_service: '您好,{客户}。我是{经销商}的客服专员{坐席}。您的新车快到首次保养了,首保免费,需要为您预约时间吗?',
  regular_service: '您好,{客户}。我是{经销商}的客服专员{坐席}。按里程和时间,您的爱车该做常规保养了,需要为您预约吗?',
  mileage_service: '您好,{客户}。我是{经销商}的客服专员{坐席}。您的爱车快到专项保养的里程了,需要为您预约检查吗?',
  solicitation: '您好,{客户}。我是{经销商}的客服专员{坐席}。我店近期有保养活动,想邀请您回店,需要为您预约时间吗?',
  appointment_reminder: '您好,{客户}。我是{经销商}的客服专员{坐席}。提醒您明天在我店有预约,请问时间还合适吗?',
};
const GENERIC_SCRIPT = '您好,请问是{客户}吗?我是{经销商}的客服专员{坐席}。';

export const DEFAULT_RULES = { previewSeconds: 10, maxAttempts: 3, retryHours: 4, wrapUpSeconds: null } as const;

export function defaultRules(queue: DialerQueue): DialerRules {
  return { queue, ...DEFAULT_RULES, script: DEFAULT_SCRIPTS[queue] ?? GENERIC_SCRIPT };
}

/** The script as the agent reads it: the customer's, the agent's and the dealer's names put in. */
export const fillScript = (script: string, names: { customer: string; agent: string; dealer: string }) =>
  script.replaceAll('{客户}', names.customer).replaceAll('{坐席}', names.agent).replaceAll('{经销商}', names.dealer);

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The dealer's time of day in minutes since midnight. */
export function minuteOfDay(now: number, timeZone: string): number {
  const parts = zoneFormat('en-GB', timeZone, DAY_AND_MINUTE).formatToParts(new Date(now));
  const part = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return part('hour') * 60 + part('minute');
}

/**
 * Pure: may the dialer call at this minute of the dealer's day? 'HH:MM-HH:MM', start inclusive, end
 * exclusive; a start after the end runs across midnight (20:00-02:00 is open at 23:30 and 01:59);
 * a start equal to the end is all day.
 */
export function withinHours(range: string, minute: number): boolean {
  const [from, to] = range.split('-').map(minutes) as [number, number];
  if (from === to) return true;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** What a call's end (calls.outcome) counts as: reached, or a try that did not reach the customer. */
export function attemptOfCall(call: { answeredAt: number | null; outcome: string | null }): Exclude<AttemptResult, 'skipped'> {
  if (call.answeredAt !== null) return 'answered';
  if (call.outcome === 'busy') return 'busy';
  if (call.outcome === 'failed' || call.outcome === 'declined') return 'failed';
  return 'noAnswer';
}
