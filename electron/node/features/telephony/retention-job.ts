import fs from 'node:fs';
import path from 'node:path';
import { writeAudit } from '../admin';
import type { JobDef, JobResult } from '../scheduler';
import { TELEPHONY_JOB_LABELS } from './texts';

const BATCH = 500;

/**
 * 录音保留期限: recordings older than 'telephony.recordingRetentionDays' (0 = keep for ever) lose
 * their file; the index row stays (the call log still says a recording existed) with deleted_at
 * set, so search and playback no longer offer it. Files first, then the row, one recording at a
 * time: a crash midway leaves rows whose file is gone, which the next run finishes. One audit row
 * per run says how many were removed.
 */
export const recordingRetention: JobDef = {
  id: 'telephony.recordingRetention',
  label: TELEPHONY_JOB_LABELS.pair('telephony.recordingRetention'),
  cron: '45 3 * * *',
  catchUp: false,
  transactional: false,
  run(ctx): JobResult {
    const days = ctx.core.settings.get('telephony.recordingRetentionDays');
    if (!days) return { created: 0, skipped: { keepForever: 1 } };
    const cutoff = ctx.core.clock.now() - days * 86_400_000;
    const pick = ctx.core.sqlite.prepare<[number, number], { id: number; path: string }>(
      'select id, path from recordings where deleted_at is null and created_at < ? order by id limit ?',
    );
    const mark = ctx.core.sqlite.prepare('update recordings set deleted_at = ? where id = ?');
    let removed = 0;
    let missing = 0;
    for (;;) {
      const rows = pick.all(cutoff, BATCH);
      if (rows.length === 0) break;
      for (const r of rows) {
        const file = path.join(ctx.core.dataDir, r.path);
        if (fs.existsSync(file)) fs.rmSync(file, { force: true });
        else missing++;
        // An upload from a client seat that never finished (issue 15) leaves only its partial file.
        fs.rmSync(`${file}.part`, { force: true });
        mark.run(ctx.core.clock.now(), r.id);
        removed++;
      }
      ctx.checkpoint('recordings');
    }
    if (removed) writeAudit(ctx.core.db, ctx.core.clock, { userId: null, action: 'delete', entity: 'recordings', after: { retentionDays: days, removed } });
    const skipped: Record<string, number> = missing ? { fileMissing: missing } : {};
    return { created: removed, skipped };
  },
};
