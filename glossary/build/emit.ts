// What the build ships of the articles (build time), split by when it is needed (issue #12 item 13: one 877 kB
// explainer chunk held every article body):
//   - the catalog: every term and guide without its body (titles, summaries, aliases, dates, first source),
//     for the explainer's index, the popup, search and the background;
//   - one body per term or guide, its own chunk, loaded when the explainer page shows it;
//   - the body words: which entries' bodies hold which words, for search at a lower weight, loaded after the
//     popup or the index is up.
import type { Article, ArticleBody, ArticleData, BodyWordIndex, Catalog, CardData, GuideEntry, TermEntry } from '../runtime/types.ts';
import { keyWords, searchKey } from '../runtime/search-key.ts';

const entryText = (t: Article['en']) => ({
  title: t.title,
  summary: t.summary,
  aliases: t.aliases,
  reviewed: t.reviewed,
  ...(t.asOf ? { asOf: t.asOf } : {}),
});

/** Every term (its card, with aliases and dates) and every guide, without bodies. */
export function catalogOf(articles: ArticleData, cards: CardData): Catalog {
  const terms: Record<string, TermEntry> = {};
  for (const [id, card] of Object.entries(cards)) {
    const a = articles.terms[id];
    terms[id] = { ...card, kind: 'term', en: { ...card.en, ...entryText(a.en) }, es: { ...card.es, ...entryText(a.es) } };
  }
  const guides: Record<string, GuideEntry> = {};
  for (const [id, a] of Object.entries(articles.guides)) {
    guides[id] = { id, kind: 'guide', related: a.related, en: entryText(a.en), es: entryText(a.es) };
  }
  return { terms, guides };
}

/** The part of an explainer page the catalog does not hold. */
export function bodyOf(article: Article): ArticleBody {
  return {
    en: { html: article.en.html, sources: article.en.sources },
    es: { html: article.es.html, sources: article.es.sources },
  };
}

/** A body word worth indexing: 3+ characters, or a token with a digit such as "i9". Bare numbers of 1–2 digits are not. */
const INDEXED = (w: string) => w.length >= 3 || (/\p{N}/u.test(w) && /\p{L}/u.test(w));
/** Words in more than this share of bodies say nothing about which entry fits ("the", "que", "court"). */
const MAX_SHARE = 0.25;

/** The inverted index of the bodies' words, in both languages, terms then guides. */
export function bodyWordsOf(articles: ArticleData): BodyWordIndex {
  const entries = [...Object.values(articles.terms), ...Object.values(articles.guides)];
  const holders = new Map<string, Set<number>>();
  entries.forEach((a, i) => {
    for (const word of keyWords(searchKey(`${a.en.text}\n${a.es.text}`))) {
      if (!INDEXED(word)) continue;
      let set = holders.get(word);
      if (!set) holders.set(word, (set = new Set()));
      set.add(i);
    }
  });
  const words = [...holders.keys()].filter((w) => holders.get(w)!.size <= Math.max(1, entries.length * MAX_SHARE)).sort();
  const postings = words.map((w) => {
    let previous = 0;
    return [...holders.get(w)!]
      .sort((a, b) => a - b)
      .map((i) => {
        const delta = (i - previous).toString(36);
        previous = i;
        return delta;
      })
      .join(',');
  });
  return { ids: entries.map((a) => a.id), words: words.join(' '), postings: postings.join(' ') };
}
