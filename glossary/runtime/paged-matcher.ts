// The matcher the highlighter uses: it holds only the aliases its page needs. The heads' Bloom filter (heads.ts)
// comes from the background with the answer that loaded the highlighter (HeadStart), with the keys of the heads
// the first pass's text held; each block's words are tested against it (mayMatch, head-finder.ts), and the keys
// of further heads found are asked for in one message per batch of blocks (load) and added to a trie
// (matcher.ts, createTermTrie) that then finds exactly what the whole glossary's matcher would find in those
// blocks: every alias that can match there has its head among the block's words.
import type { Category } from './categories.ts';
import type { FilterResponse, HeadKey, HeadsResponse } from './head-index.ts';
import { HeadFinder } from './head-finder.ts';
import { HeadFilter, MAX_HEADS_PER_MESSAGE } from './heads.ts';
import { createTermTrie, type Match, type Matcher, type TermTrie } from './matcher.ts';

/** Where the glossary's parts come from (the background, over the extension's messaging). */
export interface HeadSource {
  filter(): Promise<FilterResponse>;
  heads(heads: string[]): Promise<HeadsResponse>;
}

/**
 * What a first pass over a page (the content script's scout) already has: the filter and the keys of the heads
 * its text holds (both sent with the answer that loaded the highlighter).
 */
export interface HeadStart {
  filter: FilterResponse;
  found: HeadsResponse;
  /**
   * Set when `found` holds every head of the frame's document text (its shadow roots aside) as the first pass
   * read it: asked once, when the highlighter starts watching the page, it says whether the page is unchanged
   * since. While it is, the highlighter's first scan of the document needs no filter (coversDocument).
   */
  unchanged?: () => boolean;
}

/** A head finder over the filter the background sent. Throws on data that is not a filter (HeadFilter). */
const finderOf = (response: FilterResponse): HeadFinder => new HeadFinder(new HeadFilter(response.filter), (response.always ?? []).length > 0);

export class PagedMatcher implements Matcher {
  /** the categories of the terms loaded so far, by id */
  readonly categories: Record<string, Category> = {};
  private finder: HeadFinder | null = null;
  private filterLoad: Promise<boolean> | null = null;
  private readonly trie: TermTrie = createTermTrie(1024);
  private loading: Promise<void> | null = null;
  private unchanged: (() => boolean) | undefined;
  /** for the benchmark and tests: heads asked for, keys received, messages sent */
  readonly counts = { heads: 0, keys: 0, messages: 0 };

  /** `start`: what a first pass over the page found, taken over rather than asked for again. */
  constructor(
    private readonly source: HeadSource,
    private readonly report: (error: unknown) => void = () => {},
    start?: HeadStart,
  ) {
    if (start) {
      this.unchanged = start.unchanged;
      const finder = finderOf(start.filter);
      for (const head of Object.keys(start.found.heads)) finder.settle(head, true);
      this.useFilter(start.filter, finder);
      this.addHeads(start.found);
    }
  }

  /**
   * Whether every head of the frame's document text (apart from its shadow roots) is among the keys loaded, the
   * page unchanged since the first pass read it (HeadStart.unchanged): then a block of the document that holds a
   * term holds it in those keys, and a first scan may match without the filter. Answers once; false after.
   */
  coversDocument(): boolean {
    const unchanged = this.unchanged;
    this.unchanged = undefined;
    return unchanged?.() ?? false;
  }

  /** Whether the filter is here (mayMatch may be called). */
  get isReady(): boolean {
    return this.finder !== null;
  }

  /**
   * Loads the filter, once: resolves true when it is here, false when it could not be had (reported; the next
   * call asks again). Never rejects.
   */
  ready(): Promise<boolean> {
    if (this.finder) return Promise.resolve(true);
    this.filterLoad ??= (async () => {
      try {
        const response = await this.source.filter();
        this.counts.messages++;
        this.useFilter(response, finderOf(response));
        return true;
      } catch (e) {
        this.filterLoad = null;
        this.report(e);
        return false;
      }
    })();
    return this.filterLoad;
  }

  /**
   * Whether `text` may hold an alias: its words hold a head that exists or has not been asked about yet (those
   * are queued for load). False means the whole glossary's matcher finds nothing in it. Call after ready().
   */
  mayMatch(text: string): boolean {
    if (!this.finder) throw new Error('PagedMatcher.mayMatch before ready()');
    return this.finder.mayMatch(text);
  }

  /** Whether keys are wanted (queued by mayMatch) or on their way. */
  get pending(): boolean {
    return (this.finder?.hasWanted ?? false) || this.loading !== null;
  }

  /**
   * Asks for the keys of the heads mayMatch queued, in as few messages as it can: a promise that settles when
   * they are in the trie (heads the glossary has not are noted, never asked again), or null when nothing is
   * queued. Never rejects: on a failed message its heads are forgotten (asked again later) and it is reported.
   */
  load(): Promise<void> | null {
    const finder = this.finder;
    if (!finder?.hasWanted) return this.loading;
    const batch = finder.takeWanted();
    const before = this.loading ?? Promise.resolve();
    const fetching = (async () => {
      for (let i = 0; i < batch.length; i += MAX_HEADS_PER_MESSAGE) {
        const part = batch.slice(i, i + MAX_HEADS_PER_MESSAGE);
        try {
          const response = await this.source.heads(part);
          this.counts.messages++;
          this.counts.heads += part.length;
          for (const head of part) finder.settle(head, Object.hasOwn(response.heads, head));
          this.addHeads(response);
        } catch (e) {
          for (const head of part) finder.forget(head);
          this.report(e);
        }
      }
    })();
    const all = Promise.all([before, fetching]).then(() => {
      if (this.loading === all) this.loading = null;
    });
    this.loading = all;
    return all;
  }

  find(text: string): Match[] {
    return this.trie.find(text);
  }

  get size(): number {
    return this.trie.size;
  }

  get nodes(): number {
    return this.trie.nodes;
  }

  private useFilter(response: FilterResponse, finder: HeadFinder): void {
    for (const key of response.always ?? []) this.addKey(key);
    this.finder = finder;
  }

  /** Adds the keys of fetched heads and their terms' categories. */
  private addHeads(response: HeadsResponse): void {
    Object.assign(this.categories, response.categories);
    for (const keys of Object.values(response.heads)) for (const key of keys) this.addKey(key);
  }

  private addKey(entry: HeadKey): void {
    const [key, cased, id, rank] = entry;
    this.counts.keys++;
    this.trie.add({ key, cased, id, rank });
  }
}
