import { useI18n } from '../i18n/react';
import { Button } from './Button';

/**
 * 取消 and the dialog's own action (保存, 确定, 放弃该机会 …) along the bottom of a form dialog:
 * the same two buttons, in the same order, in every dialog of the app.
 */
export function DialogActions({
  onCancel,
  onSubmit,
  submitLabel,
  busy = false,
  variant = 'primary',
  testId,
}: {
  onCancel: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy?: boolean;
  variant?: 'primary' | 'danger';
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button variant={variant} busy={busy} onClick={onSubmit} data-testid={testId}>
        {submitLabel}
      </Button>
    </>
  );
}
