// Shapes of the data the build emits. Imported by run-time code, so it holds types only.
import type { MatcherIndex } from './matcher.ts';

import type { Category, Lang } from './categories.ts';

export type { Category, Lang };

export interface Source {
  title: string;
  url: string;
}

/** What the hover card shows for one term in one language. */
export interface CardText {
  title: string;
  summary: string;
  source: Source;
}

export interface Card {
  id: string;
  category: Category;
  related: string[];
  asOf?: string;
  en: CardText;
  es: CardText;
}

export type CardData = Record<string, Card>;

export interface ArticleText {
  title: string;
  summary: string;
  html: string;
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

export interface ArticleData {
  terms: Record<string, Article>;
  guides: Record<string, Article>;
}

export type { MatcherIndex };
