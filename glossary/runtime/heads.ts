// Heads: the words an alias starts with, and the test a page's text passes before the matcher is needed there.
// An alias's head is its first three words, or all of them if it has fewer, words being runs of letters and
// digits ("8 U.S.C. § 1357(g)" → "8 usc 1357", "287(g)" → "287 g", "ICE" → "ice"; "take the Fifth" → "take
// the fifth", so everyday text with "take the" needs no key). The matcher can find an alias
// in a text only where the text's words hold its head, word by word, each word as written or in a plural the
// matcher accepts ("writs of" for "writ of", "cities" for "city", "jueces" for "juez"). So a text whose words
// hold no head needs no matcher at all, and one that holds a few needs only the aliases of those heads.
//
// The heads of a glossary are kept in a Bloom filter (HeadFilter): bits set by a few hashes of each head, so
// the content script tests a word with arithmetic on a string it never has to build into a table, whatever
// the glossary's size. A false positive (about 1 test in 8,000) only costs a question to the background, which
// answers "no such head"; a false negative cannot happen.
import { NOT_ASCII, lazyRegExp } from './unicode-classes.ts';

/** The most heads one "glossary-heads" message asks for (utils/messages.ts checks it). */
export const MAX_HEADS_PER_MESSAGE = 1000;
/** The longest head a message may name, in characters. */
export const MAX_HEAD_LENGTH = 200;

/** A word of folded text: letters and digits, as the matcher's word boundaries count them (isWordCode). */
export const WORD = lazyRegExp('[\\p{L}\\p{N}]+', 'gu');

/**
 * Characters the matcher skips while it follows an alias (normalize.ts: SKIP): dots, combining marks, soft
 * hyphens, zero-width characters. Inside a word they vanish ("U.S.C." = "USC", "inmigraci\u00f3n" written
 * with a combining accent).
 */
const SKIPPED = lazyRegExp('[\\p{M}.\\u00ad\\u200b-\\u200d\\u2060\\ufeff]', 'gu');

/** `text` folded as the matcher folds it, for its words: no accents, no skipped characters, lower case. */
export function foldForWords(text: string): string {
  return text.normalize('NFD').replace(SKIPPED(), '').toLowerCase();
}

const DOTS = /\./g;
const ASCII_WORD = /[a-z0-9]+/g;

/**
 * The folded words of `text` (foldForWords, WORD), or null when it has none. Plain ASCII text, most of what
 * pages hold, takes a shorter way to the same words: nothing to decompose, and only dots to skip.
 */
export function textWords(text: string): string[] | null {
  if (NOT_ASCII.test(text)) return foldForWords(text).match(WORD());
  return (text.includes('.') ? text.replace(DOTS, '') : text).toLowerCase().match(ASCII_WORD);
}

const NOT_ASCII_WORD_RUN = /[^a-z0-9]+/g;
const NOT_WORD_RUN = lazyRegExp('[^\\p{L}\\p{N}]+', 'gu');

/**
 * The folded words of `text` (textWords) as one string, each word between single spaces (" writ of mandamus "),
 * so that native string search can find a word and the words after it; " " when it has none.
 */
export function spacedWords(text: string): string {
  if (NOT_ASCII.test(text)) return ` ${foldForWords(text).replace(NOT_WORD_RUN(), ' ')} `.replace(DOUBLE_SPACES, ' ');
  return ` ${(text.includes('.') ? text.replace(DOTS, '') : text).toLowerCase().replace(NOT_ASCII_WORD_RUN, ' ')} `.replace(DOUBLE_SPACES, ' ');
}
const DOUBLE_SPACES = /^ {2}| {2}$/g;

/**
 * Where a skipped character can also stand between two words to the matcher, which starts an alias after any
 * character that is no letter or digit (but after a dot that follows one: "www.ice.gov") and ends one before
 * it (but before a dot and a letter, unless a plural "s" comes first: "warnings.com"). A text with none of
 * these reads as its folded words (foldForWords, WORD); one with any is read by textSlots.
 */
const SKIP_CAN_SPLIT = lazyRegExp('[\\p{M}\\u00ad\\u200b-\\u200d\\u2060\\ufeff]|\\.\\.|[sS]\\.[\\p{L}\\p{N}]', 'u');
/** SKIP_CAN_SPLIT in text with no character past ASCII, where the marks and zero-width characters cannot be. */
const ASCII_SKIP_CAN_SPLIT = /\.\.|[sS]\.[A-Za-z0-9]/;

/** Whether a skipped character in `text` may also split a word (SKIP_CAN_SPLIT): then textSlots reads it. */
export function skipCanSplit(text: string): boolean {
  return NOT_ASCII.test(text) ? SKIP_CAN_SPLIT().test(text) : ASCII_SKIP_CAN_SPLIT.test(text);
}
/** A run of letters and digits with the skipped characters among them, as written. */
const GLUED = lazyRegExp('[\\p{L}\\p{N}\\p{M}.\\u00ad\\u200b-\\u200d\\u2060\\ufeff]+', 'gu');
const SKIP_RUN = lazyRegExp('([\\p{M}.\\u00ad\\u200b-\\u200d\\u2060\\ufeff]+)', 'u');

/** One word of a text read by textSlots: the folded forms it can take, whole or cut where a skipped character may split it. */
export interface WordSlot {
  /** every form: each may be a one-word head */
  all: string[];
  /** forms that end where the run ends: each may start a two-word head */
  firsts: string[];
  /** forms that start where the run starts: each may follow the word before in a head */
  seconds: string[];
  /** forms that are the whole run: each may stand between two words of a head */
  middles: string[];
}

/**
 * The words of `text` with every way the matcher may cut them where skipped characters stand (SKIP_CAN_SPLIT),
 * in order: a run "x\u00adICE" gives "xice" and "ice", "warnings.com" gives "warningscom" and "warnings".
 */
export function textSlots(text: string): WordSlot[] {
  const out: WordSlot[] = [];
  for (const [run] of text.matchAll(GLUED())) {
    const parts = run.split(SKIP_RUN());
    const words = parts.filter((_, i) => i % 2 === 0).map(foldForWords);
    const skips = parts.filter((_, i) => i % 2 === 1);
    const last = words.length - 1;
    // a form may start after a run of skipped characters that is not one dot after a letter, and end before
    // one that is not one dot before a letter (or is, after an "s")
    const canStart = (k: number) => k === 0 || skips[k - 1] !== '.' || words[k - 1] === '';
    const canEnd = (k: number) => k === last || skips[k] !== '.' || words[k + 1] === '' || words[k].endsWith('s');
    const slot: WordSlot = { all: [], firsts: [], seconds: [], middles: [] };
    for (let a = 0; a <= last; a++) {
      if (!canStart(a)) continue;
      let form = '';
      for (let b = a; b <= last; b++) {
        form += words[b];
        if (!form || !canEnd(b)) continue;
        if (!slot.all.includes(form)) slot.all.push(form);
        if (b === last && !slot.firsts.includes(form)) slot.firsts.push(form);
        if (a === 0 && !slot.seconds.includes(form)) slot.seconds.push(form);
        if (a === 0 && b === last && !slot.middles.includes(form)) slot.middles.push(form);
      }
    }
    if (slot.all.length) out.push(slot);
  }
  return out;
}

/** The most words a head has. */
export const HEAD_WORDS = 3;

/** The head of a normalised alias key (normalizeText): its first three words, or fewer; null without a word. */
export function keyHead(key: string): string | null {
  const words = foldForWords(key).match(WORD());
  return words ? words.slice(0, HEAD_WORDS).join(' ') : null;
}

/**
 * The words `word` can stand for in an alias: itself, and without a plural ending the matcher accepts
 * ("-s", "-es", "-ies" for "-y", "-ces" for "-z"). `word` is folded (lower case).
 */
export function wordStems(word: string): string[] {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115 /* s */) return [word];
  const out = [word, word.slice(0, -1)];
  if (word.charCodeAt(n - 2) === 101 /* e */ && n > 2) {
    out.push(word.slice(0, -2));
    const before = word.charCodeAt(n - 3);
    // "ies" itself stands for "y" (the Spanish "y" inside an alias: "Aduanas ies Protección" to the matcher)
    if (before === 105 /* i */) out.push(`${word.slice(0, -3)}y`);
    if (before === 99 /* c */) out.push(`${word.slice(0, -3)}z`);
  }
  return out;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** A 32-bit finaliser (MurmurHash3's fmix32): every input bit moves every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** What the filter holds for a one-word head, by the word's hashWord. */
export const singleKey = (word: number): number => mix(word);
/** What the filter holds for a word that starts a head of two or three words. */
export const firstKey = (word: number): number => mix(word ^ 0x2f6b1a39);
const twoWords = (first: number, second: number) => (Math.imul(first, 0x9e3779b1) + second) | 0;
/** What the filter holds for a two-word head, by its words' hashWord. */
export const pairKey = (first: number, second: number): number => mix(twoWords(first, second));
/** What the filter holds for two words that start a three-word head. */
export const prefixKey = (first: number, second: number): number => mix(twoWords(first, second) ^ 0x6a09e667);
/** What the filter holds for a three-word head. */
export const tripleKey = (first: number, second: number, third: number): number => mix((Math.imul(twoWords(first, second), 0x85ebca6b) + third) | 0);

/** What a HeadFilter is made of, as it travels (JSON): the bits in base64 and how many bits each key sets. */
export interface HeadFilterData {
  /** the bit array, base64; its length in bits is a power of two */
  bits: string;
  hashes: number;
}

/**
 * Bits per key, and bits each key sets: about one false positive in 8,000 tests (a false positive costs a page a
 * question to the background, so the larger the glossary, the more of them a rate of 1 in 400 made).
 */
const BITS_PER_KEY = 24;
const HASHES = 6;

/** The step between the bit positions of `key` (double hashing: the first is key's low bits). */
const stepOf = (key: number, mask: number) => (mix(key ^ 0x5bd1e995) | 1) & mask;

/** Builds the filter data of a glossary's heads (each word hashed with hashWord). */
export function buildHeadFilter(heads: Iterable<string>): HeadFilterData {
  const keys: number[] = [];
  for (const head of heads) {
    const [a, b, c] = head.split(' ').map(hashWord);
    if (b === undefined) keys.push(singleKey(a));
    else if (c === undefined) keys.push(firstKey(a), pairKey(a, b));
    else keys.push(firstKey(a), prefixKey(a, b), tripleKey(a, b, c));
  }
  let log = 10;
  while (1 << log < keys.length * BITS_PER_KEY) log++;
  const bytes = new Uint8Array((1 << log) >> 3);
  const mask = (1 << log) - 1;
  for (const key of keys) {
    const step = stepOf(key, mask);
    for (let i = 0, bit = key & mask; i < HASHES; i++, bit = (bit + step) & mask) bytes[bit >> 3] |= 1 << (bit & 7);
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return { bits: btoa(binary), hashes: HASHES };
}

/** A Bloom filter of heads, read straight from its data. Throws on data that is not a filter. */
export class HeadFilter {
  private readonly bytes: string;
  private readonly mask: number;
  private readonly hashes: number;

  constructor(data: HeadFilterData) {
    if (!data || typeof data.bits !== 'string' || !Number.isInteger(data.hashes) || data.hashes < 1 || data.hashes > 16) {
      throw new Error('head filter: not a filter');
    }
    this.bytes = atob(data.bits);
    const log = Math.log2(this.bytes.length * 8);
    if (!Number.isInteger(log) || log < 3 || log > 30) throw new Error(`head filter: ${this.bytes.length} bytes is not a power of two`);
    this.mask = (1 << log) - 1;
    this.hashes = data.hashes;
  }

  /** Whether `key` (singleKey, firstKey or pairKey) may be in the filter. */
  has(key: number): boolean {
    const { bytes, mask } = this;
    const step = stepOf(key, mask);
    for (let i = 0, bit = key & mask; i < this.hashes; i++, bit = (bit + step) & mask) {
      if (((bytes.charCodeAt(bit >> 3) >> (bit & 7)) & 1) === 0) return false;
    }
    return true;
  }
}
