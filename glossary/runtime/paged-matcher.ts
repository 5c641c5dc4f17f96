// The matcher a content script uses: it holds only the aliases its page needs. The heads' Bloom filter
// (heads.ts) comes from the background when a frame first has words to scan; each block's words are tested
// against it (mayMatch), and the keys of the heads found are asked for in one message per batch of blocks
// (load) and added to a trie (matcher.ts, createTermTrie) that then finds exactly what the whole glossary's
// matcher would find in those blocks: every alias that can match there has its head among the block's words.
// A page with no terms costs a hash per distinct word and a few bit tests per word; a frame with no words
// asks for nothing at all.
import type { Category } from './categories.ts';
import type { FilterResponse, HeadKey, HeadsResponse } from './head-index.ts';
import { HeadFilter, MAX_HEADS_PER_MESSAGE, SKIP_CAN_SPLIT, firstKey, hashWord, pairKey, prefixKey, singleKey, textSlots, textWords, tripleKey, wordStems } from './heads.ts';
import { createTermTrie, type Match, type Matcher, type TermTrie } from './matcher.ts';

/** Where the glossary's parts come from (the background, over the extension's messaging). */
export interface HeadSource {
  filter(): Promise<FilterResponse>;
  heads(heads: string[]): Promise<HeadsResponse>;
}

/** What the filter says of one distinct word of a page (cached per word). */
interface WordInfo {
  /** the word and its stems without a plural ending (wordStems) */
  stems: string[];
  /** hashWord of each stem */
  hashes: number[];
  /** bit i: stems[i] may be a one-word head */
  singles: number;
  /** bit i: stems[i] may start a head of two or three words */
  firsts: number;
  /** what the filter said of this word followed by another (by the other's info), once asked */
  next: Map<WordInfo, Follow> | null;
}

/** What the filter says of two words in a row: the two-word heads they may be, and which stems may start a three-word one. */
interface Follow {
  heads: string[];
  /** [stem of the first, stem of the second] pairs that may start a three-word head */
  prefixes: [number, number][];
}

const NO_FOLLOW: Follow = { heads: [], prefixes: [] };
/** Words in a row remembered per word at most. */
const MAX_FOLLOWS = 512;

const WANTED = 0;
const LOADING = 1;
const PRESENT = 2;
const ABSENT = 3;
type HeadState = typeof WANTED | typeof LOADING | typeof PRESENT | typeof ABSENT;

/** Distinct words remembered at most; past that the cache starts again (a page that never stops growing). */
const MAX_CACHED_WORDS = 100_000;

export class PagedMatcher implements Matcher {
  /** the categories of the terms loaded so far, by id */
  readonly categories: Record<string, Category> = {};
  private filter: HeadFilter | null = null;
  private filterLoad: Promise<boolean> | null = null;
  /** every key without a word is in the trie from the start, and any text with words may hold one */
  private alwaysCandidate = false;
  private readonly trie: TermTrie = createTermTrie(1024);
  private readonly words = new Map<string, WordInfo>();
  private readonly heads = new Map<string, HeadState>();
  private wanted: string[] = [];
  private loading: Promise<void> | null = null;
  /** for the benchmark and tests: heads asked for, keys received, messages sent */
  readonly counts = { heads: 0, keys: 0, messages: 0 };

  constructor(
    private readonly source: HeadSource,
    private readonly report: (error: unknown) => void = () => {},
  ) {}

  /** Whether the filter is here (mayMatch may be called). */
  get isReady(): boolean {
    return this.filter !== null;
  }

  /**
   * Loads the filter, once: resolves true when it is here, false when it could not be had (reported; the next
   * call asks again). Never rejects.
   */
  ready(): Promise<boolean> {
    if (this.filter) return Promise.resolve(true);
    this.filterLoad ??= (async () => {
      try {
        const response = await this.source.filter();
        this.counts.messages++;
        const filter = new HeadFilter(response.filter);
        for (const key of response.always ?? []) this.addKey(key);
        this.alwaysCandidate = (response.always ?? []).length > 0;
        this.filter = filter;
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
    const filter = this.filter;
    if (!filter) throw new Error('PagedMatcher.mayMatch before ready()');
    let found = this.alwaysCandidate;
    if (SKIP_CAN_SPLIT.test(text)) {
      // the rare text where a skipped character may also split a word: every way of reading it
      const slots = textSlots(text);
      const infos = (forms: string[]) => forms.map((w) => this.wordInfo(w, filter));
      for (let i = 0; i < slots.length; i++) {
        for (const word of slots[i].all) if (this.singles(this.wordInfo(word, filter))) found = true;
        if (i + 1 >= slots.length) continue;
        const firsts = infos(slots[i].firsts).filter((f) => f.firsts !== 0);
        if (!firsts.length) continue;
        const seconds = infos(slots[i + 1].seconds);
        const middles = infos(slots[i + 1].middles);
        const thirds = i + 2 < slots.length ? infos(slots[i + 2].seconds) : [];
        for (const first of firsts) {
          for (const second of seconds) if (this.pairs(first, second, null, filter)) found = true;
          for (const middle of middles) for (const third of thirds) if (this.pairs(first, middle, third, filter)) found = true;
        }
      }
      return found;
    }
    const words = textWords(text);
    if (!words) return found;
    // each word looked up once: the word, the next and the one after move along together
    const n = words.length;
    let info = this.wordInfo(words[0], filter);
    let next = n > 1 ? this.wordInfo(words[1], filter) : null;
    for (let i = 0; i < n; i++) {
      const after = i + 2 < n ? this.wordInfo(words[i + 2], filter) : null;
      if (info.singles !== 0 && this.singles(info)) found = true;
      if (info.firsts !== 0 && next !== null && this.pairs(info, next, after, filter)) found = true;
      if (next === null) break;
      info = next;
      next = after;
    }
    return found;
  }

  /** Queues the one-word heads `word` may be; true when one exists or may. */
  private singles(info: WordInfo): boolean {
    let found = false;
    for (let k = 0; k < info.stems.length; k++) if (info.singles & (1 << k) && this.want(info.stems[k])) found = true;
    return found;
  }

  /**
   * Queues the heads of two words (`first`, `second`) and, with `third`, of three words, these words may be;
   * true when one exists or may.
   */
  private pairs(first: WordInfo, second: WordInfo, third: WordInfo | null, filter: HeadFilter): boolean {
    let follow = first.next?.get(second);
    if (follow === undefined) {
      follow = this.follow(first, second, filter);
      first.next ??= new Map();
      if (first.next.size >= MAX_FOLLOWS) first.next.clear();
      first.next.set(second, follow);
    }
    let found = false;
    for (const head of follow.heads) if (this.want(head)) found = true;
    if (third === null) return found;
    for (const [a, b] of follow.prefixes) {
      for (let c = 0; c < third.stems.length; c++) {
        if (filter.has(tripleKey(first.hashes[a], second.hashes[b], third.hashes[c])) && this.want(`${first.stems[a]} ${second.stems[b]} ${third.stems[c]}`)) found = true;
      }
    }
    return found;
  }

  private follow(first: WordInfo, second: WordInfo, filter: HeadFilter): Follow {
    let heads: string[] | null = null;
    let prefixes: [number, number][] | null = null;
    for (let a = 0; a < first.stems.length; a++) {
      if (!(first.firsts & (1 << a))) continue;
      for (let b = 0; b < second.stems.length; b++) {
        if (filter.has(pairKey(first.hashes[a], second.hashes[b]))) (heads ??= []).push(`${first.stems[a]} ${second.stems[b]}`);
        if (filter.has(prefixKey(first.hashes[a], second.hashes[b]))) (prefixes ??= []).push([a, b]);
      }
    }
    return heads || prefixes ? { heads: heads ?? [], prefixes: prefixes ?? [] } : NO_FOLLOW;
  }

  /** Whether keys are wanted (queued by mayMatch) or on their way. */
  get pending(): boolean {
    return this.wanted.length > 0 || this.loading !== null;
  }

  /**
   * Asks for the keys of the heads mayMatch queued, in as few messages as it can: a promise that settles when
   * they are in the trie (heads the glossary has not are noted, never asked again), or null when nothing is
   * queued. Never rejects: on a failed message its heads are forgotten (asked again later) and it is reported.
   */
  load(): Promise<void> | null {
    if (!this.wanted.length) return this.loading;
    const batch = this.wanted;
    this.wanted = [];
    for (const head of batch) this.heads.set(head, LOADING);
    const before = this.loading ?? Promise.resolve();
    const fetching = (async () => {
      for (let i = 0; i < batch.length; i += MAX_HEADS_PER_MESSAGE) {
        const part = batch.slice(i, i + MAX_HEADS_PER_MESSAGE);
        try {
          const response = await this.source.heads(part);
          this.counts.messages++;
          this.counts.heads += part.length;
          Object.assign(this.categories, response.categories);
          for (const head of part) {
            const keys = Object.hasOwn(response.heads, head) ? response.heads[head] : undefined;
            this.heads.set(head, keys ? PRESENT : ABSENT);
            for (const key of keys ?? []) this.addKey(key);
          }
        } catch (e) {
          for (const head of part) this.heads.delete(head);
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

  /** Queues `head` if it is new; true when it exists or may (asked for or about to be). */
  private want(head: string): boolean {
    const state = this.heads.get(head);
    if (state === undefined) {
      this.heads.set(head, WANTED);
      this.wanted.push(head);
      return true;
    }
    return state !== ABSENT;
  }

  private wordInfo(word: string, filter: HeadFilter): WordInfo {
    let info = this.words.get(word);
    if (info) return info;
    const stems = wordStems(word);
    const hashes = stems.map(hashWord);
    let singles = 0;
    let firsts = 0;
    for (let k = 0; k < stems.length; k++) {
      if (filter.has(singleKey(hashes[k]))) singles |= 1 << k;
      if (filter.has(firstKey(hashes[k]))) firsts |= 1 << k;
    }
    info = { stems, hashes, singles, firsts, next: null };
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    this.words.set(word, info);
    return info;
  }

  private addKey(entry: HeadKey): void {
    const [key, cased, id, rank] = entry;
    this.counts.keys++;
    this.trie.add({ key, cased, id, rank });
  }
}
