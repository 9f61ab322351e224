import { useCallback, useEffect, useState } from 'react';
import type { ReviewComment } from '../../../../electron/common/api/activities';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Button, FormMessage, useSubmit } from '../../../ui';
import { fmtDateTime } from '../../../../electron/common/dates';
import { errorText } from '../../../ui/errors';

/**
 * 领导批阅 on one activity: the comments (newest first) and, for a reviewing manager, a box to add one.
 * The consultant reading them marks them read on the server.
 */
export function ActivityComments({ activityId, canComment, onCommented }: { activityId: number; canComment: boolean; onCommented?: () => void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ReviewComment[] | null>(null);
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const load = useCallback(() => {
    call('review.list', { activityId }).then(setItems, (e: unknown) => setError(errorText(e)));
  }, [activityId]);
  useEffect(load, [load]);

  const send = async () => {
    if (!text.trim()) return;
    await run(async () => {
      await call('review.comment', { activityId, text: text.trim() });
      setText('');
      load();
      onCommented?.();
    });
  };

  return (
    <section className="card-section" data-testid="activity-comments">
      <h3>{t('act.comments')}</h3>
      {items && items.length === 0 && <p className="muted">{t('act.noComments')}</p>}
      {items && items.length > 0 && (
        <ul className="card-list">
          {items.map((c) => (
            <li key={c.id} data-testid="comment">
              <b>{c.authorName}</b> <span className="muted small">{fmtDateTime(c.createdAt)}</span>
              <div>{c.text}</div>
            </li>
          ))}
        </ul>
      )}
      {canComment && (
        <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
          <textarea
            className="input"
            style={{ flex: 1, minHeight: 56 }}
            aria-label={t('act.commentText')}
            placeholder={t('act.commentText')}
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
            data-testid="comment-text"
          />
          <Button variant="primary" busy={busy} disabled={!text.trim()} onClick={() => void send()}>
            {t('act.comment')}
          </Button>
        </div>
      )}
      <FormMessage>{error}</FormMessage>
    </section>
  );
}
