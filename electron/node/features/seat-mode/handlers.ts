import type { seatApi } from '../../../common/api/seat-mode';
import { AppError } from '../../errors';
import type { Handlers } from '../../handlers';

/**
 * The seat methods as the web host answers them: a browser page is served by its host, so it has
 * no seat settings to show or change. (The desktop's main process answers these itself, before a
 * core exists — see electron/main/seat-gate.ts.)
 */
export const seatHandlers: Handlers<typeof seatApi> = {
  'seat.status': () => ({ mode: 'browser' }),
  'seat.probe': () => {
    throw new AppError('FORBIDDEN');
  },
  'seat.pair': () => ({ mode: 'browser' }),
  'seat.useLocal': () => ({ mode: 'browser' }),
};
