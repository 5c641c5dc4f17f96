// The language of a cited page (build time). A source's `lang` front-matter field says it; without one, the
// build reads what the entry's writer already wrote, the address, and the kind of source, in that order:
//   1. a title that says "(en inglés)" / "in English", or "en español" / "in Spanish";
//   2. an address in a site's Spanish section (uscis.gov/es/…, ice.gov/es/…, acis.eoir.justice.gov/es/): Spanish;
//   3. a constitution, statute, regulation, court or agency source: English. Federal law, rules and opinions are
//      published in English only, and the agencies keep their Spanish pages in marked sections (2), or say so in
//      the title (1) where they do not (justice.gov's few Spanish pages);
//   4. a secondary source (press, advocates, law firms) with none of that: not known. Such groups publish in
//      both languages at addresses that do not tell (aclunc.org's "Conozca sus derechos"), so nothing is said
//      about its language until its entry gives `lang:`.
// Cards choose a source in their own language and mark one in the other (components/source-label.ts).
import type { Lang } from '../runtime/categories.ts';

export interface SourceLangInput {
  title: string;
  url: string;
  kind: string;
  lang?: Lang;
}

const SAYS_ENGLISH = /\b(?:en\s+ingl[eé]s|in\s+english)\b/i;
const SAYS_SPANISH = /\b(?:en\s+espa[nñ]ol|in\s+spanish)\b/i;
/** a path segment or first host label that names a site's Spanish section */
const SPANISH_SECTION = /^(?:es|espanol|español|es-us|es-mx)$/i;

/**
 * The language of the page `source` cites, or undefined when nothing tells it (see the module comment for the
 * order of the evidence).
 */
export function sourceLang(source: SourceLangInput): Lang | undefined {
  if (source.lang) return source.lang;
  const english = SAYS_ENGLISH.test(source.title);
  const spanish = SAYS_SPANISH.test(source.title);
  if (english !== spanish) return english ? 'en' : 'es';
  if (inSpanishSection(source.url)) return 'es';
  return source.kind === 'secondary' ? undefined : 'en';
}

/** Each of `sources` with its language set where sourceLang knows it. */
export function withLang<T extends SourceLangInput>(sources: readonly T[]): (T & { lang?: Lang })[] {
  return sources.map((s) => {
    const lang = sourceLang(s);
    return lang ? { ...s, lang } : { ...s };
  });
}

/** The first of `sources` known to be in `lang`, else the first of them. */
export function firstSourceIn<T extends { lang?: Lang }>(sources: readonly T[], lang: Lang): T {
  return sources.find((s) => s.lang === lang) ?? sources[0];
}

/** True when `address` is in a site's Spanish section: a first host label or a path segment "es", "espanol"… */
function inSpanishSection(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  return SPANISH_SECTION.test(url.hostname.split('.')[0]) || url.pathname.split('/').some((s) => SPANISH_SECTION.test(safeDecode(s)));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
