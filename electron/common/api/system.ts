import { z } from 'zod';
import { method, returns } from './contract';

/** The data folder's state as every screen shows it (the shell's banner). */
export type DataHealthStatus =
  | { damaged: false; backupsDir: string }
  | {
      damaged: true;
      /** When it was noticed (epoch ms). */
      since: number;
      /** Which check noticed it: start-up quick_check, nightly integrity_check, or a query. */
      source: 'startup' | 'nightly' | 'runtime';
      /** Where the nightly backups are, to restore from. */
      backupsDir: string;
    };

export const systemApi = {
  'system.health': method({ input: z.object({}).strict(), access: 'session', whenLocked: true, beforePasswordChange: true, output: returns<DataHealthStatus>() }),
};
