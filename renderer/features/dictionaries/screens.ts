import { defineScreens, lazyScreen } from '../../shell/screen-kit';
import { DICTIONARY_SCREEN_TEXTS } from './screen-texts';

/** 数据字典 in the 系统管理 menu, administrators only (the server refuses everyone else too). */
export const dictionariesScreens = defineScreens({
  'admin.dictionaries': {
    order: 50,
    title: DICTIONARY_SCREEN_TEXTS.pair('admin.dictionaries.title'),
    description: DICTIONARY_SCREEN_TEXTS.pair('admin.dictionaries.description'),
    component: lazyScreen(() => import('./DictionariesScreen'), 'DictionariesScreen'),
    roles: ['admin'],
  },
});
