// 呼叫中心 (issue 19): agent states and the dialer — what telephony and the core's session hooks call.
export { AgentStates } from './agent-states';
export { Dialer } from './dialer';
