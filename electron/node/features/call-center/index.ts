// 呼叫中心 (issue 19): agent states — what telephony and the core's session hooks call.
export { AgentStates } from './agent-states';
