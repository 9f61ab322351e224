/**
 * Texts of the grids' 我的 / 本组 / 全部 scope picker, zh-CN first and English beside it; the shared
 * dictionaries (renderer/i18n) take them in under 'scope.'. Data only.
 */
import { defineTexts } from '../../../electron/common/i18n/texts';

export const SCOPE_TEXTS = defineTexts({
  'noun.surveys': { 'zh-CN': '调查结果', en: 'survey results' },
  'mine': { 'zh-CN': '我的', en: 'Mine' },
  'team': { 'zh-CN': '本组', en: 'My team' },
  'all': { 'zh-CN': '全部', en: 'All' },
  'of.mine': { 'zh-CN': '我的{noun}', en: 'My {noun}' },
  'of.team': { 'zh-CN': '本组{noun}', en: 'My team\'s {noun}' },
  'of.all': { 'zh-CN': '全部{noun}', en: 'All {noun}' },
  'noun.revisits': { 'zh-CN': '回访', en: 'revisits' },
  'noun.reminders': { 'zh-CN': '提醒', en: 'reminders' },
  'noun.complaints': { 'zh-CN': '投诉', en: 'complaints' },
});
