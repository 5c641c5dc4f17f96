// The glossary as the background serves it to content scripts: every key of the matcher index (indexKeys: its
// aliases, derived forms and swallowed names) filed under its head (heads.ts), and each term's category. The
// content script's first pass sends a frame's text, and gets the keys of the heads it holds (screen,
// head-screen.ts); the highlighter gets the heads' Bloom filter and asks for the keys of the heads its text holds
// (lookup). Neither ever carries or builds the whole glossary (PagedMatcher, paged-matcher.ts).
import type { Category } from './categories.ts';
import { buildHeadFilter, keyHead, type HeadFilterData } from './heads.ts';
import { HeadScreen } from './head-screen.ts';
import { indexKeys, type MatcherIndex } from './matcher.ts';
import { ShippedGlossaryError, loadShippedGlossary } from './shipped-glossary.ts';

/** One key as it travels: [normalised key, cased form or null, term id or null (a swallowed name), rank]. */
export type HeadKey = [key: string, cased: string | null, id: string | null, rank: number];

/** The answer to "glossary-filter": the heads' filter, and the keys no head can find (keys without a word). */
export interface FilterResponse {
  filter: HeadFilterData;
  always: HeadKey[];
}

/** The answer to "glossary-heads": the keys of each head asked for that exists, and the categories of their terms. */
export interface HeadsResponse {
  heads: Record<string, HeadKey[]>;
  categories: Record<string, Category>;
}

export { MAX_HEAD_LENGTH, MAX_HEADS_PER_MESSAGE } from './heads.ts';

export class HeadIndex {
  private readonly byHead = new Map<string, HeadKey[]>();
  private readonly always: HeadKey[] = [];
  private readonly filterData: HeadFilterData;
  private readonly headScreen: HeadScreen;

  /** Files the index's keys by head. Throws on an index the matcher cannot read (readIndex). */
  constructor(
    index: MatcherIndex,
    private readonly categories: Record<string, Category>,
  ) {
    for (const { key, id, cased, rank } of indexKeys(index)) {
      const entry: HeadKey = [key, cased, id, rank];
      const head = keyHead(key);
      if (head === null) {
        this.always.push(entry);
        continue;
      }
      const list = this.byHead.get(head);
      if (list) list.push(entry);
      else this.byHead.set(head, [entry]);
    }
    this.filterData = buildHeadFilter(this.byHead.keys());
    this.headScreen = new HeadScreen(this.byHead.keys());
  }

  /** How many heads the glossary has. */
  get size(): number {
    return this.byHead.size;
  }

  filter(): FilterResponse {
    return { filter: this.filterData, always: this.always };
  }

  /** The keys of the heads a frame's `text` may hold (head-screen.ts), with their terms' categories. */
  screen(text: string): HeadsResponse {
    return this.lookup(this.headScreen.heads(text));
  }

  /** The keys of those of `heads` that exist (the rest are left out), with their terms' categories. */
  lookup(heads: readonly string[]): HeadsResponse {
    const found: [string, HeadKey[]][] = [];
    const categories: Record<string, Category> = {};
    for (const head of heads) {
      const keys = this.byHead.get(head);
      if (!keys) continue;
      found.push([head, keys]);
      for (const [, , id] of keys) if (id !== null && this.categories[id]) categories[id] = this.categories[id];
    }
    return { heads: Object.fromEntries(found), categories };
  }
}

/**
 * The shipped glossary (virtual:glossary/matcher-index) → its HeadIndex. Never throws or rejects: on an
 * unreadable glossary, or an index the matcher cannot read, it calls `report` (by default a console error
 * naming Legal Lens) once and resolves to null, so content scripts get nothing and stay inert.
 */
export async function loadHeadIndex(
  shipped: string,
  report: (error: Error) => void = (error) => console.error(`Legal Lens: highlighting is off: ${error.message}`),
): Promise<HeadIndex | null> {
  const loaded = await loadShippedGlossary(shipped, report);
  if (!loaded) return null;
  try {
    return new HeadIndex(loaded.index, loaded.categories);
  } catch (e) {
    try {
      report(new ShippedGlossaryError((e as Error)?.message ?? String(e), { cause: e }));
    } catch {
      // a failing report must not make the background throw either
    }
    return null;
  }
}
