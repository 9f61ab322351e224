import type { selfAuditApi } from '../../../common/api/self-audit';
import type { Handlers } from '../../handlers';
import { SelfAuditService } from './checks';

// Stateless over the core's read pool, settings and clock: made per call.
export const selfAuditHandlers: Handlers<typeof selfAuditApi> = {
  'selfAudit.checks': (ctx, input) => new SelfAuditService(ctx.core).run(input.range),
};
