// source-label: what a card or an article says about the language of a page it cites. A Spanish card citing an
// English page says "(en inglés)" after its title, an English card citing a Spanish page "(in Spanish)", unless the
// title says so already (writers often wrote "… (en inglés)" into the title itself).
import type { Lang, Source } from '@/glossary/runtime/types';
import { CARD_UI } from './card-strings';

/** A title that already names the page's language, by that language. */
const TITLE_SAYS: Record<Lang, RegExp> = {
  en: /\bingl[eé]s\b|\benglish\b/i,
  es: /\bespa[nñ]ol\b|\bspanish\b/i,
};

/**
 * The note to show after `source`'s title for a reader of `lang` — "(en inglés)", "(in Spanish)" — or null when
 * the page is in the reader's language, its language is not known, or its title already says it.
 */
export function sourceLangNote(source: Source, lang: Lang): string | null {
  if (!source.lang || source.lang === lang || TITLE_SAYS[source.lang].test(source.title)) return null;
  return CARD_UI[lang].inLang[source.lang];
}
