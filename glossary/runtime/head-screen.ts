// head-screen: which of the glossary's heads (heads.ts) a frame's text may hold, answered by the background for
// the content script's first pass (entrypoints/first-pass/scout.ts), so that a page with no term pays only for
// reading its text: the test of its words runs in the extension's own process, not on the page's main thread.
// The work per word is left to the engine's own code: the words are split, deduplicated and stemmed by native
// string and regular-expression calls, and met with the glossary's words by set lookups.
//
// A one-word head is found when a word of the text is it (or a plural the matcher accepts: wordStems). A head of
// two or three words is filed under one of its words, its anchor (the least common one, as far as a short list of
// everyday words and the word's length tell: "mandamus" for "writ of mandamus"); it is looked at only when the
// text holds its anchor, and found when the text holds all its words in a row. So the cost of a text grows with
// its words, and with the heads filed under the anchors it holds, not with the glossary.
//
// It may find a head the matcher will not (a head's words in a row across two blocks, a line with characters the
// matcher may read two ways: SKIP_CAN_SPLIT); it never misses one the matcher can find.
import { skipCanSplit, spacedWords, textSlots, wordStems } from './heads.ts';

/**
 * Everyday English and Spanish words ("the", "of", "de", "orden"…): never a head's anchor while the head has
 * another word. The list only steers which word files a head; a word left off it costs a look at the heads
 * filed under it on pages that hold it, never a missed term.
 */
const EVERYDAY = new Set(
  (
    'a an the of in on at to for from by with and or not no nor is are be was were been as it its this that these those ' +
    'his her their your our my we you they he she i me us them who whom what which when where how why all any some ' +
    'can may will shall must should would could under over into onto out up down off than then there here so if but ' +
    'about after before between through during without against within upon per via other new first last one two three ' +
    'el la los las lo un una unos unas de del al en y o u e ni que por para con sin sobre bajo entre hasta desde su sus ' +
    'mi mis tu tus se es son ser fue como mas muy ya este esta estos estas ese esa eso le les si nuevo nueva ' +
    'order orden case caso law ley court corte act state estado states public publico right rights derecho derechos ' +
    'federal people person persona status estatus'
  ).split(' '),
);

/**
 * The anchor of a head of two or more words (`words`, folded): its least common word, as far as EVERYDAY and
 * length tell (a word off the list before one on it, then the longer, then the later).
 */
export function headAnchor(words: readonly string[]): string {
  let best = words[0];
  let bestScore = -1;
  for (const word of words) {
    const score = (EVERYDAY.has(word) ? 0 : 1000) + word.length;
    if (score >= bestScore) {
      best = word;
      bestScore = score;
    }
  }
  return best;
}

/** A text's words as the screen reads them. */
interface TextWords {
  /** its folded words (spacedWords), each between single spaces */
  spaced: string;
  /** each word and each stem it has without a plural ending (wordStems), and every form of `split` */
  words: Set<string>;
  /**
   * the stems of the words of its lines with characters the matcher may read two ways (SKIP_CAN_SPLIT), in
   * every way it may read them (textSlots); null when it has none
   */
  split: Set<string> | null;
}

const WORD_START_PLURALS = /(?<= )[^ ]+s(?= )/g;
const FINAL_S = /s /g;
const FINAL_ES = /(?<=[^ ])es /g;
const FINAL_IES = /ies /g;
const FINAL_CES = /ces /g;
const LINE = /[^\n]+/g;

/** The plural endings the matcher accepts on `word`, as a pattern (wordStems, inverted): "writ" → "(?:writ(?:e?s)?)". */
function formsPattern(word: string): string {
  const stem = word.slice(0, -1);
  const last = word[word.length - 1];
  const extra = last === 'y' ? `|${stem}ies` : last === 'z' ? `|${stem}ces` : '';
  return `(?:${word}(?:e?s)?${extra})`;
}

/** The glossary's heads, for finding those a text may hold (heads). */
export class HeadScreen {
  private readonly singles = new Set<string>();
  /** heads of two or three words by anchor */
  private readonly anchored = new Map<string, string[]>();
  /** the search for a head of two or three words in a spaced text, compiled when first needed */
  private readonly searches = new Map<string, RegExp>();

  /** `heads`: the glossary's heads, each one to three folded words between single spaces (keyHead). */
  constructor(heads: Iterable<string>) {
    for (const head of heads) {
      const words = head.split(' ');
      if (words.length === 1) {
        this.singles.add(head);
        continue;
      }
      const anchor = headAnchor(words);
      const list = this.anchored.get(anchor);
      if (list) list.push(head);
      else this.anchored.set(anchor, [head]);
    }
  }

  /** The heads `text` may hold: every head the matcher can find an alias of in it, and a few it cannot. */
  heads(text: string): string[] {
    const words = readWords(text);
    if (words === null) return [];
    const out: string[] = [];
    for (const word of words.words) {
      if (this.singles.has(word)) out.push(word);
      const heads = this.anchored.get(word);
      if (heads !== undefined) for (const head of heads) if (this.holds(words, head)) out.push(head);
    }
    return out;
  }

  /** Whether `words` hold `head`, of two or three words: all its words, in a row (or one of them in a line read two ways). */
  private holds(words: TextWords, head: string): boolean {
    const parts = head.split(' ');
    for (const part of parts) if (!words.words.has(part)) return false;
    if (words.split !== null && parts.some((part) => words.split!.has(part))) return true;
    let search = this.searches.get(head);
    if (search === undefined) {
      search = new RegExp(` ${parts.map(formsPattern).join(' ')} `);
      this.searches.set(head, search);
    }
    return search.test(words.spaced);
  }
}

/** `text`'s words and their stems, or null when it has none. */
function readWords(text: string): TextWords | null {
  const spaced = spacedWords(text);
  if (spaced.length === 1) return null;
  const words = new Set(spaced.split(' '));
  // the stems without plural endings, made natively from the distinct words that end in "s"
  const plurals = ` ${Array.from(words).join(' ')} `.match(WORD_START_PLURALS);
  if (plurals !== null) {
    const p = ` ${plurals.join(' ')} `;
    for (const stem of `${p.replace(FINAL_S, ' ')}${p.replace(FINAL_ES, ' ')}${p.replace(FINAL_IES, 'y ')}${p.replace(FINAL_CES, 'z ')}`.split(' ')) words.add(stem);
  }
  let split: Set<string> | null = null;
  if (skipCanSplit(text)) {
    // the rare line the matcher may read two ways ("x\u00adICE", "warnings.com"): every form of its words
    split = new Set();
    for (const [line] of text.matchAll(LINE)) {
      if (!skipCanSplit(line)) continue;
      for (const slot of textSlots(line)) for (const form of slot.all) for (const stem of wordStems(form)) split.add(stem);
    }
    for (const stem of split) words.add(stem);
  }
  words.delete('');
  return { spaced, words, split };
}
