import { useI18n } from '../i18n/react';
import { Button } from './Button';

export interface PagerProps {
  offset: number;
  pageSize: number;
  total: number;
  onOffset: (offset: number) => void;
  /** The range's wording where rows are not 条 (dedupe's 组); default 第 {from}–{to} 条,共 {total} 条. */
  range?: (p: { from: string; to: string; total: string }) => string;
  'data-testid'?: string;
}

/**
 * 上一页 / 下一页 under a list the host pages (the workbench, the dedupe groups): the host counts the
 * whole list, the renderer holds one page. Hidden while everything fits on one page.
 */
export function Pager({ offset, pageSize, total, onOffset, range, ...rest }: PagerProps) {
  const { t } = useI18n();
  if (total <= pageSize && offset === 0) return null;
  const p = { from: (offset + 1).toLocaleString(), to: Math.min(total, offset + pageSize).toLocaleString(), total: total.toLocaleString() };
  return (
    <div className="pager" data-testid={rest['data-testid']}>
      <Button size="small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        {t('pager.prev')}
      </Button>
      <span>{range ? range(p) : t('pager.range', p)}</span>
      <Button size="small" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        {t('pager.next')}
      </Button>
    </div>
  );
}
