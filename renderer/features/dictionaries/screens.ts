import { defineScreens, lazyScreen } from '../../shell/screen-kit';

/** 数据字典 in the 系统管理 menu, administrators only (the server refuses everyone else too). */
export const dictionariesScreens = defineScreens({
  'admin.dictionaries': {
    order: 50,
    title: { zh: '数据字典', en: 'Data dictionaries' },
    description: {
      zh: '维护客户来源、车型、品牌、放弃原因、投诉类别等下拉列表:新增、改名、排序和停用。',
      en: 'The drop-down lists — customer sources, models, brands, abandon reasons, complaint categories: add, rename, order and retire items.',
    },
    component: lazyScreen(() => import('./DictionariesScreen'), 'DictionariesScreen'),
    roles: ['admin'],
  },
});
