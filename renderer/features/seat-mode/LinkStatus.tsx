import { usePrefixedT } from '../../i18n/react';
import { StatusItem } from '../../ui';
import { useSeatMode } from './seat-mode';
import './seat-mode.css';

/** Status bar item of a client seat: 已连接主机 / 正在重连… (nothing on a local or browser seat). */
export function LinkStatus() {
  const st = usePrefixedT('seatMode.');
  const seat = useSeatMode();
  if (seat.mode !== 'client') return null;
  const state = seat.link.state;
  return (
    <StatusItem className={`status-link status-link-${state}`} title={st('link.title', { host: seat.hostUrl })}>
      <span className="status-link-dot" aria-hidden="true" />
      <span role="status">{st(`link.${state}`)}</span>
    </StatusItem>
  );
}
