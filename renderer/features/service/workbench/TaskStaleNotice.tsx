import { useI18n } from '../../../i18n/react';
import type { MessageKey } from '../../../i18n';
import { StaleRecordNotice } from '../../../ui';

/** What a task dialog compares when its save met a newer version of the task. */
export interface TaskFacts {
  status: string;
  dueDate: string;
  reason: string | null;
}

/**
 * A task's outcome was refused because someone else changed the task since the list loaded it
 * (done it, moved its day, handed it to another agent): its current state next to the one the
 * user had opened. The dialog keeps what they typed and saves on the current version next time.
 */
export function TaskStaleNotice({ message, opened, current }: { message: string; opened: TaskFacts; current: TaskFacts }) {
  const { t } = useI18n();
  const status = (s: string) => t(`stale.task.${s}` as MessageKey);
  return (
    <StaleRecordNotice
      message={message}
      mineLabel={t('stale.opened')}
      fields={[
        { key: 'status', label: t('stale.taskStatus'), theirs: status(current.status), mine: status(opened.status) },
        { key: 'dueDate', label: t('cw.due'), theirs: current.dueDate, mine: opened.dueDate },
        { key: 'reason', label: t('cw.reason'), theirs: current.reason ?? '', mine: opened.reason ?? '' },
      ].map((f) => ({ ...f, changed: f.theirs !== f.mine }))}
    />
  );
}
