// The names of a term or guide (run time): every wording that names it exactly — its titles in both languages,
// each title without its closing gloss and the gloss itself ("Notice to Appear (NTA)" → "Notice to Appear",
// "NTA"), its aliases, and its id read as words — folded with searchKey. Search ranks a query that equals a name
// first; the context menu opens a term directly when the selection is one of its names.
import type { Lang } from './categories.ts';
import { searchKey } from './search-key.ts';
import type { Catalog } from './types.ts';

/** What search and the exact lookup need of a term or a guide; the catalog's entries have this shape. */
export interface SearchItem {
  id: string;
  kind: 'term' | 'guide';
  category?: string;
  /** ids of the terms it is related to */
  related?: string[];
  en: ItemText;
  es: ItemText;
}
export interface ItemText {
  title: string;
  summary: string;
  aliases: string[];
}

const LANGS: Lang[] = ['en', 'es'];

/** Every term and guide of the catalog, terms first. */
export function itemsFromCatalog(catalog: Catalog): SearchItem[] {
  return [...Object.values(catalog.terms), ...Object.values(catalog.guides)];
}
/** A title with a closing gloss: "Notice to Appear (NTA)" → "Notice to Appear", "NTA". */
export const GLOSS = /^(.*\S)\s+\(([^()]+)\)$/;

/** The folded names of an item, without repeats. */
export function namesOf(item: SearchItem): string[] {
  const names = new Set<string>([searchKey(item.id.replace(/-/g, ' '))]);
  for (const lang of LANGS) {
    const { title, aliases } = item[lang];
    names.add(searchKey(title));
    const gloss = GLOSS.exec(title);
    if (gloss) {
      names.add(searchKey(gloss[1]));
      names.add(searchKey(gloss[2]));
    }
    for (const alias of aliases) names.add(searchKey(alias));
  }
  names.delete('');
  return [...names];
}

/**
 * An exact lookup over `items`: the ids whose names equal `text` once folded (case, accents, "Form I-862" =
 * "form i862", "§ 1983" = "1983"). Returns every id that has that name, so a caller can tell an exact hit
 * from an ambiguous one; [] when none does.
 */
export function createExactLookup(items: SearchItem[]): (text: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const item of items) {
    for (const name of namesOf(item)) {
      const ids = byName.get(name);
      if (!ids) byName.set(name, [item.id]);
      else if (!ids.includes(item.id)) ids.push(item.id);
    }
  }
  return (text) => byName.get(searchKey(text)) ?? [];
}
