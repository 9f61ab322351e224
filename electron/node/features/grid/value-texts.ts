import { defineTexts } from '../../../common/i18n/texts';

/** How the grid names a value that has no label of its own: an empty group, and yes / no in group rows and exports. */
export const GRID_VALUE_TEXTS = defineTexts({
  blank: { 'zh-CN': '其它', en: '(blank)' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
});
