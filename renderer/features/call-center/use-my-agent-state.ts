import { useEffect, useState } from 'react';
import type { AgentStateView } from '../../../electron/common/api/call-center';
import { call, onEvent } from '../../api';

/**
 * The signed-in agent's own state, kept current by the host's `callCenter.agentState` events (a
 * call, the lock, the wrap-up's end change it without the agent): the status bar and 作业模式 read it.
 * `set` takes an answer of callCenter.state.set / wrapUp.extend at once.
 */
export function useMyAgentState(): [AgentStateView | null, (v: AgentStateView) => void] {
  const [me, setMe] = useState<AgentStateView | null>(null);
  useEffect(() => {
    call('callCenter.state.get', {}).then(setMe, () => setMe(null));
    // Managers hear every agent's changes too: only the own ones count here.
    return onEvent('callCenter.agentState', (v) => setMe((cur) => (cur && v.userId !== cur.userId ? cur : v)));
  }, []);
  return [me, setMe];
}
