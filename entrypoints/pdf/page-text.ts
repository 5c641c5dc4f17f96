// page-text: a PDF page's text as a reader reads it, and where each of its characters sits in pdf.js's text items
// (one text-layer <span> per item). Pure, no DOM, no pdf.js: the matcher runs on `PageText.text`, and a match's
// string offsets are mapped back to (item, offset) pairs from which the text layer's ranges are made.
//
// How a page reads: items in content-stream order; an item that ends a line (`hasEOL`) is followed by a line
// break, so "writ of" / "mandamus" on two lines reads "writ of\nmandamus" (the matcher folds any white space);
// a word broken by a hyphen at a line end ("manda-" / "mus") reads "mandamus", as a reader joins it.
import type { Matcher } from '@/glossary/runtime/matcher';

/** The part of a pdf.js TextItem this needs (`getTextContent().items` without marked content). */
export interface TextRun {
  str: string;
  hasEOL: boolean;
}

/** A place in the text items: `offset` is a UTF-16 offset into `items[item].str`. */
export interface ItemPosition {
  item: number;
  offset: number;
}

/**
 * A page's text. The k-th copied run of characters begins at `segStart[k]` in `text` and is `segLength[k]` long,
 * taken from `items[segItem[k]].str` at `segOffset[k]`; characters between runs (line breaks) come from no item.
 */
export interface PageText {
  text: string;
  segStart: number[];
  segLength: number[];
  segItem: number[];
  segOffset: number[];
}

/** One term on a page, in item positions (`end` is just after the last character). */
export interface PageTerm {
  id: string;
  start: ItemPosition;
  end: ItemPosition;
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const HYPHENS = new Set(['-', '\u2010', '\u00ad']);

/** Builds the text of a page from its items. */
export function pageText(items: readonly TextRun[]): PageText {
  const out: PageText = { text: '', segStart: [], segLength: [], segItem: [], segOffset: [] };
  const parts: string[] = [];
  let length = 0;
  const copy = (item: number, from: number, to: number) => {
    if (to <= from) return;
    out.segStart.push(length);
    out.segLength.push(to - from);
    out.segItem.push(item);
    out.segOffset.push(from);
    parts.push(items[item].str.slice(from, to));
    length += to - from;
  };
  for (let i = 0; i < items.length; i++) {
    const { str, hasEOL } = items[i];
    let end = str.length;
    let joinNext = false;
    if (hasEOL && end >= 2 && HYPHENS.has(str[end - 1]) && LETTER.test(str[end - 2])) {
      const next = nextText(items, i);
      if (next && LOWER.test(next[0])) {
        end -= 1; // "manda-" + "mus": drop the hyphen and the line break
        joinNext = true;
      }
    }
    copy(i, 0, end);
    if (hasEOL && !joinNext) {
      parts.push('\n');
      length += 1;
    }
  }
  out.text = parts.join('');
  return out;
}

/** The first non-empty text after item `i`. */
function nextText(items: readonly TextRun[], i: number): string | null {
  for (let j = i + 1; j < items.length; j++) if (items[j].str) return items[j].str;
  return null;
}

/** The run holding text position `pos` (a character copied from an item), or the first run after it. */
function segmentAt(page: PageText, pos: number): number {
  const starts = page.segStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function runLength(page: PageText, k: number): number {
  return page.segLength[k];
}

/** Where the character at text position `pos` comes from (a position between runs moves to the next run). */
export function positionOf(page: PageText, pos: number): ItemPosition {
  let k = segmentAt(page, pos);
  const within = pos - page.segStart[k];
  if (within >= runLength(page, k) && k + 1 < page.segStart.length) k += 1;
  const offset = Math.max(0, pos - page.segStart[k]);
  return { item: page.segItem[k], offset: page.segOffset[k] + Math.min(offset, runLength(page, k)) };
}

/** Where the text ending just before `end` ends: just after the character at `end - 1`. */
export function endPositionOf(page: PageText, end: number): ItemPosition {
  const last = positionOf(page, Math.max(0, end - 1));
  return { item: last.item, offset: last.offset + 1 };
}

/** The terms on one page, mapped to item positions, in order. */
export function findPageTerms(page: PageText, matcher: Matcher): PageTerm[] {
  if (!page.segStart.length) return [];
  return matcher.find(page.text).map((m) => ({ id: m.id, start: positionOf(page, m.start), end: endPositionOf(page, m.end) }));
}

/** A term that starts at the end of one page and ends at the top of the next: one piece on each. */
export interface PageBreakTerm {
  id: string;
  /** from the term's start to the end of the earlier page's text */
  before: PageTerm;
  /** from the start of the later page's text to the term's end */
  after: PageTerm;
}

/** How much of each page's text around a page break is matched: more than any alias is long. */
const BREAK_WINDOW = 160;

/**
 * The term, if any, that runs over the break between `earlier` and `later` ("writ of" at the foot of one page,
 * "mandamus" at the top of the next). Only terms that cross the break are returned.
 */
export function findPageBreakTerm(earlier: PageText, later: PageText, matcher: Matcher): PageBreakTerm | null {
  if (!earlier.segStart.length || !later.segStart.length) return null;
  const tailFrom = Math.max(0, earlier.text.length - BREAK_WINDOW);
  const tail = earlier.text.slice(tailFrom).replace(/\n$/, '');
  const head = later.text.slice(0, BREAK_WINDOW);
  for (const m of matcher.find(`${tail}\n${head}`)) {
    if (m.start >= tail.length || m.end <= tail.length + 1) continue;
    const start = tailFrom + m.start;
    const lastRun = earlier.segStart.length - 1;
    const earlierEnd = { item: earlier.segItem[lastRun], offset: earlier.segOffset[lastRun] + runLength(earlier, lastRun) };
    return {
      id: m.id,
      before: { id: m.id, start: positionOf(earlier, start), end: earlierEnd },
      after: { id: m.id, start: positionOf(later, 0), end: endPositionOf(later, m.end - tail.length - 1) },
    };
  }
  return null;
}

/** True when item position `a` comes before `b` (or at it, when `orAt`). */
function before(a: ItemPosition, b: ItemPosition, orAt: boolean): boolean {
  return a.item < b.item || (a.item === b.item && (orAt ? a.offset <= b.offset : a.offset < b.offset));
}

/**
 * The terms of two pages without those inside a term over the break between them: the longer term wins, as
 * everywhere ("writ of | mandamus" is one term, not also "mandamus" on the later page).
 */
export function withoutBreakOverlap(earlier: readonly PageTerm[], later: readonly PageTerm[], overBreak: PageBreakTerm | null): { earlier: PageTerm[]; later: PageTerm[] } {
  if (!overBreak) return { earlier: [...earlier], later: [...later] };
  return {
    earlier: earlier.filter((t) => before(t.end, overBreak.before.start, true)),
    later: later.filter((t) => !before(t.start, overBreak.after.end, false)),
  };
}
