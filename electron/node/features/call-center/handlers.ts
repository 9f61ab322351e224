import type { callCenterApi } from '../../../common/api/call-center';
import { me, type Handlers } from '../../handlers';
import { floorView } from './floor';

export const callCenterHandlers: Handlers<typeof callCenterApi> = {
  'callCenter.state.get': (ctx) => ctx.core.services.agentStates.view(me(ctx).user.id),
  'callCenter.state.set': (ctx, input) => ctx.core.services.agentStates.set(me(ctx), input),
  'callCenter.wrapUp.extend': (ctx, { seconds }) => ctx.core.services.agentStates.extendWrapUp(me(ctx), seconds),
  'callCenter.agents': (ctx) => ctx.core.services.agentStates.agents(),
  'callCenter.floor': (ctx) => floorView(ctx.core, me(ctx), ctx.core.services.agentStates),
};
