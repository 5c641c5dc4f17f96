// Glossary search (run time) for the popup and the explainer index: fuzzy search over titles, ids and
// summaries in both languages. Text and query are folded the same way first, so accents, case and the
// punctuation of legal tokens do not matter: "inmigracion" finds "inmigración", "287g" finds "287(g)".
import Fuse from 'fuse.js';
import type { Article, ArticleData, CardData, Category } from './types.ts';

/** What search needs from a term or a guide; both cards and articles have this shape. */
export interface SearchItem {
  id: string;
  kind: 'term' | 'guide';
  category?: Category;
  en: { title: string; summary: string };
  es: { title: string; summary: string };
}

interface Doc {
  item: SearchItem;
  id: string;
  titleEn: string;
  titleEs: string;
  summaryEn: string;
  summaryEs: string;
}

/** Lower case, no accents, no brackets or dots, other punctuation as spaces. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[().'’‘"“”§]/g, '')
    .replace(/(?<=\p{L})-(?=\p{N})|(?<=\p{N})-(?=\p{L})/gu, '') // "I-485" = "I485"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(?<=\p{N}) (?=\p{L}\b)/gu, '') // "287 (g)" = "287(g)"
    .trim();
}

export function itemsFromCards(cards: CardData): SearchItem[] {
  return Object.values(cards).map((c) => ({ id: c.id, kind: 'term', category: c.category, en: c.en, es: c.es }));
}

export function itemsFromArticles(articles: ArticleData): SearchItem[] {
  const toItem = (a: Article): SearchItem => ({ id: a.id, kind: a.kind, category: a.category, en: a.en, es: a.es });
  return [...Object.values(articles.terms), ...Object.values(articles.guides)].map(toItem);
}

export type GlossarySearch = (query: string, limit?: number) => SearchItem[];

export function createGlossarySearch(items: SearchItem[]): GlossarySearch {
  const docs: Doc[] = items.map((item) => ({
    item,
    id: foldForSearch(item.id),
    titleEn: foldForSearch(item.en.title),
    titleEs: foldForSearch(item.es.title),
    summaryEn: foldForSearch(item.en.summary),
    summaryEs: foldForSearch(item.es.summary),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'titleEn', weight: 3 },
      { name: 'titleEs', weight: 3 },
      { name: 'id', weight: 2 },
      { name: 'summaryEn', weight: 1 },
      { name: 'summaryEs', weight: 1 },
    ],
    includeScore: true,
    // summaries are long: a word may sit anywhere in them
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 2,
  });
  return (query, limit = 8) => {
    const folded = foldForSearch(query);
    if (folded.length < 2) return [];
    return fuse
      .search(folded)
      .map((r) => ({ item: r.item.item, rank: (r.score ?? 1) - titleBonus(r.item, folded) }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map((r) => r.item);
  };
}

/** Fuse weighs a hit in a long summary about the same as one in a title; a title that starts with or
 *  contains the query should come first. */
function titleBonus(doc: Doc, query: string): number {
  const titles = [doc.titleEn, doc.titleEs, doc.id];
  if (titles.some((t) => t === query)) return 1;
  if (titles.some((t) => t.startsWith(query))) return 0.6;
  if (titles.some((t) => t.includes(query))) return 0.4;
  return 0;
}
