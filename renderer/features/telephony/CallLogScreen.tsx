import { useCallback, useEffect, useState } from 'react';
import type { CallLogRow } from '../../../electron/common/api/telephony';
import { displayPhone } from '../../../electron/common/phone';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { Button, Toolbar } from '../../ui';
import { useNavigation } from '../../shell/navigation';
import { useSoftphone } from './SoftphoneProvider';
import { useTelT } from './i18n';

/** 通话记录: the seat's missed inbound calls, each with call-back. */
export function CallLogScreen() {
  const tt = useTelT();
  const phone = useSoftphone();
  const { openCustomer } = useNavigation();
  const [rows, setRows] = useState<CallLogRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('telephony.calls.missed', {}).then(setRows, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load]);
  // A finished call may take a missed one off the list.
  useEffect(() => {
    if (phone && phone.lines.length === 0) load();
  }, [phone, phone?.lines.length, load]);
  return (
    <div className="screen tel-screen" data-testid="calllog-screen">
      <Toolbar title={tt('log.missed')}>
        <Button size="small" onClick={load}>
          ⟳
        </Button>
      </Toolbar>
      {error && <p className="form-message error">{error}</p>}
      {rows && rows.length === 0 && <p className="muted">{tt('log.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table tel-missed" data-testid="tel-missed">
          <thead>
            <tr>
              <th>{tt('log.time')}</th>
              <th>{tt('log.number')}</th>
              <th>{tt('log.customer')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="mono">{formatDateTime(r.startedAt).slice(0, 16)}</td>
                <td className="mono">{displayPhone(r.fromNumber)}</td>
                <td>
                  {r.customerId ? (
                    <button type="button" className="link" onClick={() => openCustomer(r.customerId!, r.customerName ?? undefined)}>
                      {r.customerName}
                    </button>
                  ) : (
                    <span className="muted">{tt('ring.unknown')}</span>
                  )}
                </td>
                <td>
                  <Button size="small" onClick={() => phone?.dial({ number: r.fromNumber ?? '', customerId: r.customerId ?? undefined })} disabled={phone?.status.kind !== 'registered'}>
                    {tt('log.callBack')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
