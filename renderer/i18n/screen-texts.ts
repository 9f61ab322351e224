import { defineTexts, type Text } from '../../electron/common/i18n/texts';
import { SCREEN_DEFS, type ScreenId } from '../features/registry';

type ScreenKey = `nav.${ScreenId}` | `desc.${ScreenId}`;

/** Each registered screen's title ('nav.<id>') and description ('desc.<id>') as one table, for the dictionaries. */
export function screenTexts() {
  const table: Record<string, Text> = {};
  for (const [id, def] of Object.entries(SCREEN_DEFS)) {
    table[`nav.${id}`] = { 'zh-CN': def.title.zh, en: def.title.en };
    table[`desc.${id}`] = { 'zh-CN': def.description.zh, en: def.description.en };
  }
  return defineTexts(table as Record<ScreenKey, Text>);
}
