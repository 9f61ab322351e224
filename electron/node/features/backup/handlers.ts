import type { backupApi } from '../../../common/api/backup';
import { me, type Handlers } from '../../handlers';
import { BackupService } from './service';

export const backupHandlers: Handlers<typeof backupApi> = {
  'backup.overview': (ctx) => {
    const s = new BackupService(ctx.core);
    return { folder: s.folder(), retention: s.retention(), files: s.files(), runs: s.runs() };
  },
  'backup.now': (ctx) => new BackupService(ctx.core).run('manual', me(ctx).user.id),
  'backup.status': (ctx) => new BackupService(ctx.core).status(),
  'backup.restoreCheck': (ctx, input) => ctx.core.services.restore.check(input.fileName),
  'backup.restore': (ctx, input) => {
    const { user } = me(ctx);
    return ctx.core.services.restore.start(input.fileName, { id: user.id, username: user.username, displayName: user.displayName });
  },
  'backup.restoreStatus': (ctx) => ctx.core.services.restore.status(),
};
