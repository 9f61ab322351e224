/**
 * Named points along the two paths a user waits on and the bench times (docs/performance.md):
 * the screen pop (INVITE → card painted) and login → home. `npm run bench -- --only ui` reads them
 * back (scripts/bench/ui-breakdown.ts) and prints where the milliseconds went, stage by stage.
 *
 * A mark is a timestamp in the page's performance timeline. Each name keeps only its latest mark
 * (the previous one is cleared), so a window that takes calls all day holds a handful, not one per call.
 */
export type PerfMark =
  // screen pop
  | 'pop.invite' // the softphone saw the INVITE (Line.t0)
  | 'pop.lineState' // the provider set the ringing line into React state
  | 'pop.ringingPanel' // the ringing panel is in the DOM (number only)
  | 'pop.lookupSent' // the request that looks the caller up sent (telephony.call.start)
  | 'pop.lookupDone' // … answered: the caller is known
  | 'pop.callerShown' // the ringing panel names the caller
  | 'pop.openCard' // the card's tab was opened
  | 'pop.cardMounted' // the card component is in the DOM (still loading)
  | 'pop.cardData' // customers.get answered
  | 'pop.cardRendered' // the card with its data is in the DOM
  // login → home
  | 'login.submit' // 登录 pressed (after the form's own checks)
  | 'login.answered' // auth.login answered (the password KDF is inside)
  | 'login.shellChunk' // the shell's chunk is loaded (usually long before the answer)
  | 'login.shellMounted' // the shell is in the DOM
  | 'login.homeData' // home's follow-up counts arrived
  | 'login.homeRendered'; // home with its counts is in the DOM

export function perfMark(name: PerfMark, startTime?: number): void {
  const full = `dscrm:${name}`;
  try {
    performance.clearMarks(full);
    performance.mark(full, startTime === undefined ? undefined : { startTime });
  } catch {
    // No User Timing (an old embedder): the app works the same without marks.
  }
}
