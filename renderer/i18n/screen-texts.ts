import { SCREEN_DEFS, type ScreenId } from '../features/registry';

type ScreenTexts = { [K in ScreenId as `nav.${K}`]: string } & { [K in ScreenId as `desc.${K}`]: string };

/** Each registered screen's title ('nav.<id>') and description ('desc.<id>') in one language, for the dictionaries. */
export function screenTexts(lang: 'zh' | 'en'): ScreenTexts {
  const out: Record<string, string> = {};
  for (const [id, def] of Object.entries(SCREEN_DEFS)) {
    out[`nav.${id}`] = def.title[lang];
    out[`desc.${id}`] = def.description[lang];
  }
  return out as ScreenTexts;
}
