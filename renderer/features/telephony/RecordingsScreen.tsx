import { useCallback, useEffect, useState } from 'react';
import type { Scope } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, Toolbar, useToast } from '../../ui';
import { SessionDataGrid, ScopePicker } from '../../ui/grid';
import { useSessionInfo } from '../auth';
import { useTelT } from './i18n';

const COLUMNS = ['startedAt', 'direction', 'extension', 'userName', 'fromNumber', 'toNumber', 'customerName', 'durationS', 'complete', 'outcome'];
const SORT = [{ col: 'id', dir: 'desc' as const }];
const SPEEDS = [0.75, 1, 1.25, 1.5, 2];

/** 电话录音检索: recordings on the shared grid (extension, agent, time, direction, number, customer), a player with seek and speed, export by permission. */
export function RecordingsScreen() {
  const tt = useTelT();
  const { t } = useI18n();
  const toast = useToast();
  const session = useSessionInfo();
  const [scopes, setScopes] = useState<Scope[]>(['mine']);
  const [scope, setScope] = useState<Scope>('mine');
  const [playing, setPlaying] = useState<{ id: number; complete: boolean; uploading: boolean } | null>(null);
  const [speed, setSpeed] = useState(1);
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  useEffect(() => {
    call('grid.columns', { dataset: 'recordings' }).then((r) => setScopes(r.scopes), () => undefined);
  }, []);
  useEffect(() => {
    if (audio) audio.playbackRate = speed;
  }, [audio, speed, playing]);
  const onOpenRow = useCallback((row: Record<string, unknown>) => {
    const id = Number(row.id);
    if (Number.isInteger(id) && id > 0) setPlaying({ id, complete: row.complete === '1', uploading: row.complete === 'u' });
  }, []);
  const canExport = session.permissions.includes('recordings.export');
  const exportIt = async () => {
    if (!playing) return;
    try {
      // Desktop: a copy into a folder the user picks (null: cancelled); the web host downloads instead.
      const folder = window.dscrm ? await window.dscrm.pickFolder('recordings', tt('rec.export')) : undefined;
      if (folder === null) return;
      const r = await call('telephony.recording.export', folder === undefined ? { recordingId: playing.id } : { recordingId: playing.id, folderGrant: folder.grant });
      if (r.url) {
        const a = document.createElement('a');
        a.href = r.url;
        a.download = r.fileName;
        a.click();
      }
      toast.success(tt('rec.exported', { name: r.path ?? r.fileName }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="screen screen-fill" data-testid="recordings-screen">
      <Toolbar title={t('nav.callCenter.recordings')}>
        <ScopePicker scopes={scopes} value={scope} onChange={setScope} noun="none" />
        <span className="muted small">{tt('rec.pick')}</span>
      </Toolbar>
      {playing?.uploading && (
        // Recorded on a client seat, not all on the host yet: there is nothing to play or export.
        <div className="tel-player" data-testid="tel-player-uploading">
          <span className="badge">{tt('rec.uploading')}</span> <span className="muted small">{tt('rec.uploadingHint')}</span>
        </div>
      )}
      {playing && !playing.uploading && (
        <div className="tel-player" data-testid="tel-player">
          <audio ref={setAudio} src={`/media/recordings/${playing.id}`} controls autoPlay preload="metadata" />
          {!playing.complete && <span className="badge">{tt('rec.incomplete')}</span>}
          <label className="tel-speed">
            {tt('rec.speed')}{' '}
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          {canExport && (
            <Button size="small" onClick={() => void exportIt()} data-testid="tel-export">
              {tt('rec.export')}
            </Button>
          )}
        </div>
      )}
      <SessionDataGrid
        dataset="recordings"
        scope={scope}
        initialColumns={COLUMNS}
        initialSort={SORT}
        onOpenRow={onOpenRow}
        scopes={scopes}
        onScopeChange={setScope}
      />
    </div>
  );
}
