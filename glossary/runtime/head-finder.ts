// head-finder: which heads (heads.ts) a page's text may hold, tested against the heads' Bloom filter, and what
// is known of each head so far (wanted, being fetched, in the glossary, not in it). It is the whole test a page
// with no terms pays for, so it is written for the two ways it is used: a frame's whole text at once (the first
// pass), where the work per word is done natively, and a paragraph at a time (the highlighter), word by word;
// either way hashing and the filter are paid once per distinct word (a cache of words). It carries no glossary
// and imports nothing that does: the content script's first pass (entrypoints/first-pass/scout.ts) holds one, and
// hands it to the paged matcher (paged-matcher.ts) when the page turns out to need the glossary.
import { HeadFilter, firstKey, hashWord, pairKey, prefixKey, singleKey, skipCanSplit, spacedWords, textSlots, textWords, tripleKey, wordStems } from './heads.ts';

/** What the filter says of one distinct word of a page (cached per word). */
interface WordInfo {
  /** the word as the text has it (folded) */
  word: string;
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
/** Distinct words remembered at most; past that the cache starts again (a page that never stops growing). */
const MAX_CACHED_WORDS = 100_000;
/**
 * From this many characters a text is tested natively: a frame's text, read at once by the first pass, is
 * (measured in Chromium on a 9,000-word article: 14 ms of the first pass's CPU against 21 ms word by word); a
 * paragraph, as the highlighter tests them one by one, is cheaper word by word (a search per start word and per
 * paragraph grew with the glossary).
 */
export const NATIVE_FROM_CHARS = 8000;
/** Compiled searches for a start word (or two) and the word after, remembered at most. */
const MAX_SEARCHES = 2000;

const WANTED = 0;
const LOADING = 1;
const PRESENT = 2;
const ABSENT = 3;
type HeadState = typeof WANTED | typeof LOADING | typeof PRESENT | typeof ABSENT;

export class HeadFinder {
  private readonly words = new Map<string, WordInfo>();
  private readonly heads = new Map<string, HeadState>();
  private wanted: string[] = [];
  private readonly searches = new Map<string, RegExp>();

  /**
   * `filter`: the glossary's heads (HeadFilter); `alwaysCandidate`: the glossary has keys without a word
   * (head-index.ts, FilterResponse.always), so any text with words may hold one.
   */
  constructor(
    readonly filter: HeadFilter,
    private readonly alwaysCandidate = false,
    /** texts this long or longer are tested natively (mayMatchNatively), shorter ones word by word */
    private readonly nativeFrom = NATIVE_FROM_CHARS,
  ) {}

  /**
   * Whether `text` may hold an alias: its words hold a head that is in the glossary or has not been asked
   * about yet (those are queued: takeWanted). False means the whole glossary's matcher finds nothing in it.
   */
  mayMatch(text: string): boolean {
    if (skipCanSplit(text)) return this.slotsMayMatch(text) || this.alwaysCandidate;
    return text.length >= this.nativeFrom ? this.mayMatchNatively(text) : this.mayMatchWordByWord(text);
  }

  /**
   * For a short text (a paragraph): one pass, one cache lookup per word, and the heads of two or three words
   * that start two words back looked at with the word before and this one.
   */
  private mayMatchWordByWord(text: string): boolean {
    const words = textWords(text);
    if (!words) return this.alwaysCandidate;
    let found = this.alwaysCandidate;
    // one pass, one cache lookup per word: the word's one-word heads, and the heads of two or three words that
    // start two words back (the word before and this one follow it). Most words start no head, and a pair of
    // words seen before that starts none is settled by one more lookup.
    const cache = this.words;
    let back2: WordInfo | undefined;
    let back1: WordInfo | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const info = cache.get(word) ?? this.addWord(word);
      if (info.singles !== 0 && this.singles(info)) found = true;
      if (back2 !== undefined && back2.firsts !== 0 && back2.next?.get(back1!) !== NO_FOLLOW && this.pairs(back2, back1!, info)) found = true;
      back2 = back1;
      back1 = info;
    }
    if (back2 !== undefined && back2.firsts !== 0 && this.pairs(back2, back1!, null)) found = true;
    return found;
  }

  /**
   * For a long text (a frame's text, read at once by the first pass): the work per word done natively (the
   * browser's string and regular expression code): the words split and deduplicated, each distinct word looked
   * up once; then, for each distinct word that may start a head of two or three words, the distinct words after
   * it found by one search, so a word as common as "the" costs one search, not a lookup at each of its places.
   */
  private mayMatchNatively(text: string): boolean {
    const spaced = spacedWords(text);
    if (spaced.length === 1) return this.alwaysCandidate;
    let found = this.alwaysCandidate;
    // each distinct word once (split and deduplicated natively): its one-word heads, and whether it may start a
    // head of two or three words. Most texts hold none of the latter, and are done here.
    let starts: WordInfo[] | null = null;
    for (const word of new Set(spaced.split(' '))) {
      if (word === '') continue;
      const info = this.wordInfo(word);
      if (info.singles !== 0 && this.singles(info)) found = true;
      if (info.firsts !== 0) (starts ??= []).push(info);
    }
    if (starts === null) return found;
    // the words that follow each start word, found and deduplicated natively: a word as common as "the" is
    // looked at once per distinct word after it, not once per place
    for (const first of starts) if (this.followersMayMatch(spaced, first)) found = true;
    return found;
  }

  /** The heads of two or three words that `first` starts in `spaced` (spacedWords): queued; true when one exists or may. */
  private followersMayMatch(spaced: string, first: WordInfo): boolean {
    const word = first.word;
    const after = this.following(spaced, ` ${word} `);
    if (after === null) return false;
    let found = false;
    for (const next of after) {
      const second = this.wordInfo(next);
      const follow = this.followOf(first, second);
      if (follow === NO_FOLLOW) continue;
      for (const head of follow.heads) if (this.want(head)) found = true;
      if (!follow.prefixes.length) continue;
      for (const last of this.following(spaced, ` ${word} ${next} `) ?? []) if (this.triples(first, second, this.wordInfo(last), follow)) found = true;
    }
    return found;
  }

  /**
   * The distinct words right after each place of `phrase` (" a " or " a b ") in `spaced`, or null where there is
   * none. A search goes on after the word it found, so repeats (" a a b", " a b a b c") are matched as one run
   * (" (?:a )+b"): the run's last word follows the phrase, and the phrase's first word follows it inside the run.
   */
  private following(spaced: string, phrase: string): Set<string> | null {
    const runs = spaced.match(this.search(phrase));
    if (runs === null) return null;
    const step = phrase.length - 1;
    const out = new Set<string>();
    for (const run of new Set(runs)) {
      const last = run.lastIndexOf(' ');
      out.add(run.slice(last + 1));
      if (last >= 2 * step) out.add(phrase.slice(1, phrase.indexOf(' ', 1)));
    }
    return out;
  }

  /** The search for runs of `phrase` and the word after them, compiled once per phrase. */
  private search(phrase: string): RegExp {
    let search = this.searches.get(phrase);
    if (search === undefined) {
      // the phrase itself first, so the search can skip ahead to it (a literal), then its repeats
      search = new RegExp(`${phrase}(?:${phrase.slice(1)})*[^ ]+`, 'g');
      if (this.searches.size >= MAX_SEARCHES) this.searches.clear();
      this.searches.set(phrase, search);
    }
    search.lastIndex = 0;
    return search;
  }

  /** Whether heads are queued (mayMatch found heads nobody asked about yet). */
  get hasWanted(): boolean {
    return this.wanted.length > 0;
  }

  /** The queued heads, now counted as being fetched; the queue is emptied. */
  takeWanted(): string[] {
    const batch = this.wanted;
    this.wanted = [];
    for (const head of batch) this.heads.set(head, LOADING);
    return batch;
  }

  /** What the glossary said of a head that was fetched: in it (its keys are the caller's), or not (never asked again). */
  settle(head: string, present: boolean): void {
    this.heads.set(head, present ? PRESENT : ABSENT);
  }

  /** A head whose fetch failed: forgotten, so the next text that holds it asks again. */
  forget(head: string): void {
    this.heads.delete(head);
  }

  /** The rare text where a skipped character may also split a word (SKIP_CAN_SPLIT): every way of reading it. */
  private slotsMayMatch(text: string): boolean {
    const slots = textSlots(text);
    const infos = (forms: string[]) => forms.map((w) => this.wordInfo(w));
    let found = false;
    for (let i = 0; i < slots.length; i++) {
      for (const word of slots[i].all) if (this.singles(this.wordInfo(word))) found = true;
      if (i + 1 >= slots.length) continue;
      const firsts = infos(slots[i].firsts).filter((f) => f.firsts !== 0);
      if (!firsts.length) continue;
      const seconds = infos(slots[i + 1].seconds);
      const middles = infos(slots[i + 1].middles);
      const thirds = i + 2 < slots.length ? infos(slots[i + 2].seconds) : [];
      for (const first of firsts) {
        for (const second of seconds) if (this.pairs(first, second, null)) found = true;
        for (const middle of middles) for (const third of thirds) if (this.pairs(first, middle, third)) found = true;
      }
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
  private pairs(first: WordInfo, second: WordInfo, third: WordInfo | null): boolean {
    const follow = this.followOf(first, second);
    if (follow === NO_FOLLOW) return false;
    let found = false;
    for (const head of follow.heads) if (this.want(head)) found = true;
    if (third !== null && this.triples(first, second, third, follow)) found = true;
    return found;
  }

  /** What the filter says of `first` followed by `second` (cached). */
  private followOf(first: WordInfo, second: WordInfo): Follow {
    let follow = first.next === null ? undefined : first.next.get(second);
    if (follow === undefined) {
      follow = this.follow(first, second);
      first.next ??= new Map();
      if (first.next.size >= MAX_FOLLOWS) first.next.clear();
      first.next.set(second, follow);
    }
    return follow;
  }

  /** Queues the three-word heads `first second third` may be, given what `first second` start (`follow`); true when one exists or may. */
  private triples(first: WordInfo, second: WordInfo, third: WordInfo, follow: Follow): boolean {
    let found = false;
    for (const [a, b] of follow.prefixes) {
      for (let c = 0; c < third.stems.length; c++) {
        if (this.filter.has(tripleKey(first.hashes[a], second.hashes[b], third.hashes[c])) && this.want(`${first.stems[a]} ${second.stems[b]} ${third.stems[c]}`)) found = true;
      }
    }
    return found;
  }

  private follow(first: WordInfo, second: WordInfo): Follow {
    const filter = this.filter;
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

  private wordInfo(word: string): WordInfo {
    return this.words.get(word) ?? this.addWord(word);
  }

  /** The filter's answers for a word not seen yet, cached. */
  private addWord(word: string): WordInfo {
    const stems = wordStems(word);
    const hashes = stems.map(hashWord);
    let singles = 0;
    let firsts = 0;
    for (let k = 0; k < stems.length; k++) {
      if (this.filter.has(singleKey(hashes[k]))) singles |= 1 << k;
      if (this.filter.has(firstKey(hashes[k]))) firsts |= 1 << k;
    }
    const info: WordInfo = { word, stems, hashes, singles, firsts, next: null };
    if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
    this.words.set(word, info);
    return info;
  }
}
