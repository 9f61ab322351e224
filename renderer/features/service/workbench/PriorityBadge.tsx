import { taskPriorityText } from '../../../../electron/common/api/service-texts';
import { useI18n } from '../../../i18n/react';

/** A task's priority as a badge: 优先 / 紧急; nothing for 普通 (most tasks), so the list stays quiet. */
export function PriorityBadge({ priority }: { priority: number }) {
  const { locale } = useI18n();
  if (priority <= 0) return null;
  return (
    <span className={`badge priority-${priority}`} data-testid="task-priority">
      {taskPriorityText(priority, locale)}
    </span>
  );
}
