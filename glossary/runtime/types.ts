// Shapes of the data the build emits. Imported by run-time code, so it holds types only.
import type { MatcherIndex } from './matcher.ts';

import type { Category, Lang } from './categories.ts';

export type { Category, Lang };

export interface Source {
  title: string;
  url: string;
  /** the language of the page cited (the build always sets it: glossary/build/source-lang.ts) */
  lang?: Lang;
}

/** What the hover card shows for one term in one language. */
export interface CardText {
  title: string;
  summary: string;
  /** the first of the entry's sources in this language, else its first source */
  source: Source;
  /** the month facts that change were last confirmed, in words in this language ("March 2026", "marzo de 2026") */
  asOfMonth?: string;
}

export interface Card {
  id: string;
  category: Category;
  related: string[];
  en: CardText;
  es: CardText;
}

export type CardData = Record<string, Card>;

export interface ArticleText {
  title: string;
  summary: string;
  /** what the matcher finds on pages, in this language, as the author wrote it (guides have none) */
  aliases: string[];
  html: string;
  /** the body as plain text (build time: search words); never shipped whole */
  text: string;
  sources: Source[];
  reviewed: string;
  asOf?: string;
}

export interface Article {
  id: string;
  kind: 'term' | 'guide';
  category?: Category;
  related: string[];
  en: ArticleText;
  es: ArticleText;
}

/** Everything the build knows about every term and guide (build time and tests; never shipped whole). */
export interface ArticleData {
  terms: Record<string, Article>;
  guides: Record<string, Article>;
}

/** One language of a term or guide as lists and search know it: everything but the article body. */
export interface EntryText {
  title: string;
  summary: string;
  aliases: string[];
  reviewed: string;
  asOf?: string;
}

/** A term as lists, search and cards know it: its card, with its aliases (no body). */
export interface TermEntry extends Card {
  kind: 'term';
  en: CardText & EntryText;
  es: CardText & EntryText;
}

/** A guide as lists and search know it (no body). */
export interface GuideEntry {
  id: string;
  kind: 'guide';
  category?: undefined;
  related: string[];
  en: EntryText;
  es: EntryText;
}

export type Entry = TermEntry | GuideEntry;

/**
 * The catalog (`virtual:glossary/catalog`): every term and guide without its body, for the explainer's index,
 * the popup, search and the background. Its `terms` are card data too.
 */
export interface Catalog {
  terms: Record<string, TermEntry>;
  guides: Record<string, GuideEntry>;
}

/** One language of an explainer page's body. */
export interface BodyText {
  html: string;
  sources: Source[];
}

/** The body of one explainer page (`virtual:glossary/article/<id>`), loaded when the page shows it. */
export interface ArticleBody {
  en: BodyText;
  es: BodyText;
}

/**
 * The words of every article body, for search at a lower weight than titles, aliases and summaries
 * (`virtual:glossary/body-words`, loaded after the page is up). Words are folded with `searchKey`.
 */
export interface BodyWordIndex {
  /** the entries postings point at, by position */
  ids: string[];
  /** distinct words, sorted, separated by one space */
  words: string;
  /** for each word in order, the positions of the entries whose body holds it (either language), as base-36
   *  differences from the previous position joined by ","; words separated by " " */
  postings: string;
}

export type { MatcherIndex };
