import { useCallback, useEffect, useRef, useState } from 'react';
import type { PairingCode, SeatRow } from '../../../../electron/common/api';
import { call, onEvent } from '../../../api';
import { formatDateTime } from '../../../i18n';
import { useI18n } from '../../../i18n/react';
import { Button, Dialog, FormMessage, Table, Toolbar, useToast, type Column } from '../../../ui';
import { PairingCodeDialog } from './PairingCodeDialog';
import { RenameSeatDialog } from './RenameSeatDialog';
import './seats.css';
import { errorText } from '../../../ui/errors';

/** 系统管理 → 终端管理: the PCs paired with this host, renamed and revoked here; pairing codes for new ones. */
export function SeatsScreen() {
  const { t } = useI18n();
  const toast = useToast();
  const [seats, setSeats] = useState<SeatRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<SeatRow | null>(null);
  const [revoking, setRevoking] = useState<SeatRow | null>(null);
  const [code, setCode] = useState<PairingCode | null>(null);
  const shown = useRef<SeatRow[] | null>(null);
  shown.current = seats;

  const load = useCallback(async () => {
    try {
      setSeats(await call('admin.seats.list', {}));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // 在线 / 离线 as seats connect and go, pushed by the host: no refresh needed to see who is on.
  useEffect(
    () =>
      onEvent('seats.presence', ({ seatId, online, lastSeenAt }) => {
        // A seat paired since the list loaded: load it whole (name, address, user).
        if (shown.current && !shown.current.some((s) => s.id === seatId)) return void load();
        setSeats((list) => list?.map((s) => (s.id === seatId ? { ...s, online: online && s.status === 'active', lastSeenAt } : s)) ?? list);
      }),
    [load],
  );

  const newCode = async () => {
    try {
      setCode(await call('admin.seats.pairingCode.create', {}));
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  const confirmRevoke = async () => {
    const seat = revoking;
    if (!seat) return;
    try {
      await call('admin.seats.revoke', { id: seat.id });
      setRevoking(null);
      toast.success(t('seats.revoked', { name: seat.name }));
      void load();
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  const time = (ms: number | null) => (ms == null ? '' : formatDateTime(ms));
  const columns: Column<SeatRow>[] = [
    { key: 'name', header: t('seats.col.name'), render: (s) => s.name, width: 180 },
    { key: 'address', header: t('seats.col.address'), render: (s) => s.lastAddress ?? '', width: 150, nowrap: true },
    { key: 'lastUser', header: t('seats.col.lastUser'), render: (s) => s.lastUserName ?? '', width: 120 },
    {
      key: 'online',
      header: t('seats.col.online'),
      width: 70,
      render: (s) => <span className={`seat-status seat-${s.online ? 'online' : 'offline'}`}>{t(s.online ? 'seats.online' : 'seats.offline')}</span>,
    },
    { key: 'lastSeen', header: t('seats.col.lastSeen'), render: (s) => time(s.lastSeenAt), width: 150, nowrap: true },
    { key: 'pairedAt', header: t('seats.col.pairedAt'), render: (s) => time(s.pairedAt), width: 150, nowrap: true },
    {
      key: 'status',
      header: t('seats.col.status'),
      width: 80,
      render: (s) => <span className={`seat-status seat-${s.status}`}>{t(s.status === 'active' ? 'seats.status.active' : 'seats.status.revoked')}</span>,
    },
    {
      key: 'actions',
      header: t('seats.col.actions'),
      render: (s) => (
        <span className="seat-actions">
          <Button size="small" onClick={() => setRenaming(s)}>
            {t('seats.rename')}
          </Button>
          {s.status === 'active' && (
            <Button size="small" variant="danger" onClick={() => setRevoking(s)}>
              {t('seats.revoke')}
            </Button>
          )}
        </span>
      ),
    },
  ];

  const active = seats?.filter((s) => s.status === 'active').length ?? 0;
  return (
    <div className="screen">
      <Toolbar title={t('nav.admin.seats')} info={seats ? t('seats.count', { n: seats.length, active }) : null}>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
        <Button variant="primary" onClick={() => void newCode()}>
          {t('seats.createCode')}
        </Button>
      </Toolbar>
      <FormMessage>{loadError}</FormMessage>
      {seats ? (
        <Table columns={columns} rows={seats} rowKey={(s) => s.id} empty={t('seats.empty')} aria-label={t('nav.admin.seats')} />
      ) : (
        !loadError && <p className="muted">{t('common.loading')}</p>
      )}

      {renaming && (
        <RenameSeatDialog
          seat={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(s) => {
            setRenaming(null);
            toast.success(t('seats.renamed', { name: s.name }));
            void load();
          }}
        />
      )}

      {revoking && (
        <Dialog
          title={t('seats.revokeTitle')}
          onClose={() => setRevoking(null)}
          closeLabel={t('common.close')}
          actions={
            <>
              <Button variant="danger" onClick={() => void confirmRevoke()}>
                {t('seats.revoke')}
              </Button>
              <Button onClick={() => setRevoking(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
            </>
          }
        >
          <p>{t('seats.revokeConfirm', { name: revoking.name })}</p>
        </Dialog>
      )}

      {code && (
        <PairingCodeDialog
          code={code}
          onNewCode={() => void newCode()}
          onClose={() => {
            setCode(null);
            // A seat may have paired while the code was shown.
            void load();
          }}
        />
      )}
    </div>
  );
}
