import type { Locale } from '../../i18n';

/** AG Grid's own visible texts in Chinese (English is its default). */
const ZH: Record<string, string> = {
  loadingOoo: '正在加载…',
  noRowsToShow: '没有数据',
  loadingError: '加载出错',
  selectAll: '全选',
  ariaChecked: '已选',
  ariaUnchecked: '未选',
  ariaRowSelect: '按空格选择此行',
  ariaRowDeselect: '按空格取消选择此行',
  ariaRowToggleSelection: '按空格切换选择',
  ariaLabelSelectionColumn: '选择',
  ariaSortableColumn: '按回车排序',
  page: '页',
  to: '至',
  of: '共',
  more: '更多',
};

export function gridLocaleText(locale: Locale): Record<string, string> | undefined {
  return locale === 'zh-CN' ? ZH : undefined;
}
