// The term matcher: pure, no DOM. A trie over folded characters, built from the whole matcher index
// (compileMatcher) or filled key by key as a page needs them (createTermTrie, paged-matcher.ts); `find(text)`
// scans a block's text in one pass for every alias at once, walked from each word start while folding the text
// on the fly (no copy of the text is made), keeping the longest alias that ends on a word boundary
// (leftmost-longest). What it finds for a text depends only on the aliases that can match there: a trie that
// holds those answers as the whole one does.
import { ASCII_FOLD, ASCII_WORD, OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from './normalize.ts';
import { lineVariants, readIndex, type MatcherIndex } from './matcher-index.ts';
import { isCiteKey, SUBSECTION } from './variants.ts';
import { NOT_ASCII, lazyRegExp } from './unicode-classes.ts';

export { aliasForms, packIndex, unpackIndex, type MatcherEntry, type MatcherIndex } from './matcher-index.ts';

export interface Match {
  /** index in the input string of the first character */
  start: number;
  /** index in the input string just after the last character (plural "s"/"es" included) */
  end: number;
  id: string;
}

export interface Matcher {
  find(text: string): Match[];
  /** how many distinct aliases the matcher knows, derived ones included */
  readonly size: number;
  /** how many trie nodes hold them */
  readonly nodes: number;
}

interface Terminal {
  /** the term id, or null for a swallowed name */
  id: string | null;
  cased: string | null;
  /** whether the alias ends with a letter or digit, so a word boundary must follow */
  wordEnd: boolean;
  /** a statute or rule cite: the match extends over trailing subsection groups, "(1)(A)" */
  cite: boolean;
}

/**
 * The trie's edges in one open-addressing hash table: (node, folded char) → child node. The node and the
 * character are stored apart (an Int32 and a Uint16), so any number of nodes is exact; flat typed arrays
 * make building it at start-up and walking it per character cheap. It doubles when half full.
 */
class EdgeTable {
  /** parent node + 1 per slot; 0 marks an empty slot */
  private parents: Int32Array;
  private codes: Uint16Array;
  private children: Int32Array;
  private mask: number;
  private shift: number;
  private count = 0;

  /** `capacity`: how many edges it holds before it first grows */
  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.parents = new Int32Array(1 << bits);
    this.codes = new Uint16Array(1 << bits);
    this.children = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private slot(parent: number, code: number): number {
    // Fibonacci hashing of node and character: the high bits of the product mix every bit of both
    let i = Math.imul((Math.imul(parent, 0x10001) + code) | 0, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const p = this.parents[i];
      if (p === 0 || (p === parent && this.codes[i] === code)) return i;
      i = (i + 1) & this.mask;
    }
  }

  get(node: number, code: number): number {
    const i = this.slot(node + 1, code);
    return this.parents[i] === 0 ? -1 : this.children[i];
  }

  /** Adds a new edge (the caller knows it is not there yet). */
  add(node: number, code: number, child: number): void {
    if (++this.count * 2 > this.parents.length) this.grow();
    const i = this.slot(node + 1, code);
    this.parents[i] = node + 1;
    this.codes[i] = code;
    this.children[i] = child;
  }

  private grow(): void {
    const { parents, codes, children } = this;
    const size = parents.length * 2;
    this.parents = new Int32Array(size);
    this.codes = new Uint16Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
    this.shift--;
    for (let k = 0; k < parents.length; k++) {
      if (parents[k] === 0) continue;
      const i = this.slot(parents[k], codes[k]);
      this.parents[i] = parents[k];
      this.codes[i] = codes[k];
      this.children[i] = children[k];
    }
  }
}

const NOT_LETTER = lazyRegExp('[^\\p{L}]', 'gu');

/** Capitals-only aliases such as "ICE" or "I-485" are exact by default; everything else matches in any case. */
export function isAcronymLike(alias: string): boolean {
  const letters = alias.replace(NOT_LETTER(), '');
  const longEnough = letters.length >= 2 || (letters.length === 1 && /\d/.test(alias)); // "ICE", "I-485"
  return longEnough && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const ALL_CAPS_BEFORE = lazyRegExp('\\p{Lu}{3,}[\\s\\u00a0]+$', 'u');
const ALL_CAPS_AFTER = lazyRegExp('^[\\s\\u00a0]+\\p{Lu}{3,}', 'u');
/** The same in text with no character past ASCII, where the capitals are A-Z and the spaces ASCII's. */
const ASCII_ALL_CAPS_BEFORE = /[A-Z]{3,}\s+$/;
const ASCII_ALL_CAPS_AFTER = /^\s+[A-Z]{3,}/;

/** Whether an all-caps run of three letters or more, then spaces, ends `before`; or spaces, then one, starts `after`. */
function shoutsAround(before: string, after: string): boolean {
  const ascii = !NOT_ASCII.test(before) && !NOT_ASCII.test(after);
  return ascii
    ? ASCII_ALL_CAPS_BEFORE.test(before) || ASCII_ALL_CAPS_AFTER.test(after)
    : ALL_CAPS_BEFORE().test(before) || ALL_CAPS_AFTER().test(after);
}

/** One alias for a TermTrie: its normalised key, its term (null: a swallowed name), its case and its rank. */
export interface TrieKey {
  key: string;
  /** the term id, or null for a swallowed name (matched and consumed, never shown) */
  id: string | null;
  /** the alias normalised with its case kept; set only for exact-case aliases */
  cased: string | null;
  /**
   * the order of the alias in the whole index (lines, then derived forms): where two aliases end on the same
   * node, the lower rank is tried first, so a trie built from part of the index answers as the whole one does
   */
  rank: number;
}

/** A matcher that takes more aliases while in use (the content script adds them as a page needs them). */
export interface TermTrie extends Matcher {
  add(key: TrieKey): void;
}

/**
 * An empty trie over folded characters, ready to take aliases (add) and to match (find); `capacity` is how many
 * characters it expects (it grows past that). Each end node holds its terminals, ordered as the whole index
 * orders them (aliases before swallowed names, then by rank).
 */
export function createTermTrie(capacity = 64): TermTrie {
  const edges = new EdgeTable(capacity);
  // per node: the index of its list of terminals, or -1
  let terminalAt = new Int32Array(capacity + 1).fill(-1);
  // per node: which edges a plural ending can stand before (SPACE_NEXT, Y_NEXT, Z_NEXT), so the scan
  // looks for one only where an alias allows it
  let gaps = new Uint8Array(capacity + 1);
  const lists: (Terminal & { rank: number })[][] = [];
  let nodes = 1; // node 0 is the root
  let size = 0;
  // which two-character ASCII starts lead anywhere: most word starts stop here without a walk
  const pairs = new Uint8Array(128 * 128);
  // the first step of a walk, for ASCII characters
  const rootAscii = new Int32Array(128).fill(-1);

  const newNode = (): number => {
    if (nodes >= terminalAt.length) {
      const more = new Int32Array(terminalAt.length * 2).fill(-1);
      more.set(terminalAt);
      terminalAt = more;
      const g = new Uint8Array(gaps.length * 2);
      g.set(gaps);
      gaps = g;
    }
    return nodes++;
  };
  const link = (node: number, code: number): number => {
    const child = newNode();
    edges.add(node, code, child);
    gaps[node] |= code === SPACE ? SPACE_NEXT : code === 121 ? Y_NEXT : code === 122 ? Z_NEXT : 0;
    if (node === 0) for (let c = 0; c < 128; c++) if (ASCII_FOLD[c] === code) rootAscii[c] = child;
    return child;
  };

  function add({ key, id, cased, rank }: TrieKey): void {
    let node = 0;
    for (let k = 0; k < key.length; k++) {
      const code = key.charCodeAt(k);
      const child = edges.get(node, code);
      node = child >= 0 ? child : link(node, code);
    }
    let at = terminalAt[node];
    if (at < 0) {
      terminalAt[node] = at = lists.length;
      lists.push([]);
    }
    const list = lists[at];
    for (const t of list) if (t.id === id && t.cased === cased) return;
    const t = { id, cased, wordEnd: isWordCode(key.charCodeAt(key.length - 1)), cite: isCiteKey(key), rank };
    // aliases before swallowed names (an alias beats a name with the same key), each in the index's order
    let i = list.length;
    while (i > 0 && ranksAfter(list[i - 1], t)) i--;
    list.splice(i, 0, t);
    size++;
    const a = key.charCodeAt(0);
    if (a >= 128) return;
    const b = key.charCodeAt(1);
    // a key of one letter can take a plural ending: any second character may follow
    if (key.length < 2) pairs.fill(1, a * 128, a * 128 + 128);
    else if (b < 128) {
      pairs[a * 128 + b] = 1;
      if (b === 121 || b === 122) pairs[a * 128 + (b === 121 ? 105 : 99)] = 1; // "by" → "bies"
    }
  }

  /** the term of the last walk's match: an id, or null for a swallowed name */
  let lastId: string | null = null;

  function find(input: string): Match[] {
    const matches: Match[] = [];
    const n = input.length;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const raw = input.charCodeAt(i);
      let first: number;
      if (raw < 128) {
        const word = ASCII_WORD[raw] === 1;
        // a word-character alias may only start at a word start ("iceberg", "1287(g)")
        if (word && prevWord) continue;
        prevWord = word;
        first = rootAscii[raw];
        if (first < 0) continue;
        const next = i + 1 < n ? input.charCodeAt(i + 1) : 0;
        // a plain ASCII second character that no alias has there: no walk needed
        if (next < 128 && next !== 46 && ASCII_FOLD[next] !== SPACE && pairs[ASCII_FOLD[raw] * 128 + ASCII_FOLD[next]] === 0) continue;
      } else {
        const word = isWordCode(raw);
        if (word && prevWord) continue;
        prevWord = word;
        first = edges.get(0, foldCode(raw));
      }
      if (first < 0) continue;
      // "www.ice.gov", "help@uscis": not a term but part of an address
      if (i > 1 && isJoiner(input.charCodeAt(i - 1)) && isWordCode(input.charCodeAt(i - 2))) continue;
      const end = walk(input, i, first, foldCode(raw));
      if (end < 0) continue;
      // a swallowed name is consumed without a match: "Immigration and Naturalization Service"
      if (lastId !== null) matches.push({ start: i, end, id: lastId });
      i = end - 1;
      prevWord = isWordCode(input.charCodeAt(end - 1));
    }
    return matches;
  }

  /** Walks that wait their turn, 4 numbers each: node, text offset, last code, depth. */
  const pending = new Int32Array(64);

  /**
   * Walks the trie from `start`; returns where the best accepted alias ends (and sets lastId), or -1. The best
   * ends last; among those, the longest alias (the deepest node); then the smaller id. Where the text adds a
   * plural ending to a word inside an alias ("orders of removal", "jueces de inmigración", "perfiles
   * raciales"), the walk also goes on as if the ending were not there.
   */
  function walk(input: string, start: number, firstNode: number, firstCode: number): number {
    const n = input.length;
    let node = firstNode;
    let last = firstCode;
    let j = start + 1;
    let depth = 1;
    let best = -1;
    let bestDepth = 0;
    let cite = false;
    let bestId: string | null = null;
    let waiting = 0;
    /** a walk taken from `pending`: it resumes after a plural ending inside an alias, so a space must come next */
    let resumed = false;
    for (;;) {
      const at = terminalAt[node];
      // an alias that ends here takes a plural ending only right after its last character (acceptEnd): a
      // resumed walk skipped one after a dot ("EE. UU.es") or another character the fold drops
      if (at >= 0 && !resumed) {
        const here = lists[at];
        const end = acceptEnd(input, j, here[0].wordEnd);
        if (end >= best && end >= 0) {
          const hit = pickTerminal(here, input, start, j);
          if (hit && beats(end, depth, hit.id, best, bestDepth, bestId)) {
            best = end;
            bestDepth = depth;
            bestId = hit.id;
            cite = hit.cite && end === j;
          }
        }
      }
      // a plural ending inside an alias stands before a space of the alias: no "(" may take its place
      const spaceOnly = resumed;
      resumed = false;
      // the next character that counts, with the same rules as normalizeText
      let code = -1;
      while (j < n) {
        const r = input.charCodeAt(j);
        const c = r < 128 ? ASCII_FOLD[r] : foldCode(r);
        if (c === SKIP || c === SECTION_SIGN) {
          j++;
          continue;
        }
        if (c === SPACE) {
          if (last === SPACE || last === SECTION_SIGN) {
            j++;
            continue;
          }
          let k = j + 1;
          while (k < n && (foldCode(input.charCodeAt(k)) === SPACE || foldCode(input.charCodeAt(k)) === SKIP)) k++;
          if (!spaceOnly && k < n && foldCode(input.charCodeAt(k)) === OPEN_PAREN) {
            j = k; // "287 (g)" = "287(g)"
            code = OPEN_PAREN;
            break;
          }
        }
        code = c;
        break;
      }
      // after a plural ending inside an alias only the alias's space may follow: "Informacións (FOIA)" is not
      // "Información(FOIA)" with an ending, since the fold drops the space before "("
      if (spaceOnly && code !== SPACE) code = -1;
      if (code >= 0) {
        // a plural that changes the last letter: "sanctuary cities", "jueces de inmigración"
        const gap = gaps[node];
        if (gap !== 0 && (code === 105 ? gap & Y_NEXT : code === 99 ? gap & Z_NEXT : 0) && changedPlural(input, j)) {
          const alt = edges.get(node, code === 105 ? 121 : 122);
          if (alt >= 0) {
            const list = terminalAt[alt] >= 0 ? lists[terminalAt[alt]] : null;
            const end = list ? changedPluralEnd(input, j) : -1;
            const hit = end >= 0 ? list!.find((t) => t.cased === null) : undefined;
            if (hit && beats(end, depth + 1, hit.id, best, bestDepth, bestId)) {
              best = end;
              bestDepth = depth + 1;
              bestId = hit.id;
              cite = false;
            }
            if (waiting < 64 && gaps[alt] & SPACE_NEXT && spaceAt(input, j + 3)) {
              pending[waiting++] = alt;
              pending[waiting++] = j + 3;
              pending[waiting++] = 115;
              pending[waiting++] = depth + 1;
            }
          }
        }
        // a word inside an alias with -s or -es: "writs of mandamus", "órdenes de deportación"
        if (gap & SPACE_NEXT && (code === 115 || code === 101) && waiting < 64 && depth > 1) {
          const skip = code === 115 ? 1 : foldCode(input.charCodeAt(j + 1)) === 115 ? 2 : 0;
          if (skip && spaceAt(input, j + skip) && isWordCode(last)) {
            pending[waiting++] = node;
            pending[waiting++] = j + skip;
            pending[waiting++] = 115;
            pending[waiting++] = depth;
          }
        }
        const child = edges.get(node, code);
        if (child >= 0) {
          node = child;
          last = code;
          j++;
          depth++;
          continue;
        }
      }
      if (waiting === 0) break;
      resumed = true;
      waiting -= 4;
      node = pending[waiting];
      j = pending[waiting + 1];
      last = pending[waiting + 2];
      depth = pending[waiting + 3];
    }
    lastId = bestId;
    return cite ? extendOverSubsections(input, best) : best;
  }

  return {
    add,
    find,
    get size() {
      return size;
    },
    get nodes() {
      return nodes;
    },
  };
}

/** The keys of a packed index in the order the whole matcher ranks them: its lines, then their derived forms. */
export function indexKeys(index: MatcherIndex): TrieKey[] {
  const lines = readIndex(index);
  const ids = index.ids;
  const id = (term: number) => (term < ids.length ? ids[term] : null);
  const out: TrieKey[] = lines.map((l, rank) => ({ key: l.key, id: id(l.term), cased: l.cased, rank }));
  lines.forEach((l) => {
    for (const v of lineVariants(l)) out.push({ key: v.key, id: id(l.term), cased: v.cased, rank: out.length });
  });
  return out;
}

/**
 * Builds the matcher from a packed index: one trie over folded characters holding every alias and the
 * variants derived from it (lineVariants), each end node with its terminals. Throws only on an index of an
 * unknown format.
 */
export function compileMatcher(index: MatcherIndex): Matcher {
  const keys = indexKeys(index);
  let capacity = 0;
  for (const k of keys) capacity += k.key.length;
  const trie = createTermTrie(capacity);
  for (const k of keys) trie.add(k);
  return trie;
}

/** Whether terminal `a` is tried after `b`: a swallowed name after every alias, and otherwise the higher rank. */
function ranksAfter(a: { id: string | null; rank: number }, b: { id: string | null; rank: number }): boolean {
  if ((a.id === null) !== (b.id === null)) return a.id === null;
  return a.rank > b.rank;
}

/** Whether the text has "ies" or "ces" at `at` (the first letter already read), as a plural ending. */
function changedPlural(text: string, at: number): boolean {
  return foldCode(text.charCodeAt(at + 1)) === 101 && foldCode(text.charCodeAt(at + 2)) === 115;
}

/** Where a plural ending in "ies"/"ces" that starts at `at` ends, if a word boundary follows; else -1. */
function changedPluralEnd(text: string, at: number): number {
  const end = at + 3;
  if (end < text.length && isWordCode(text.charCodeAt(end))) return -1;
  return acceptEnd(text, end, false);
}

/**
 * Whether a match that ends at `end` with an alias of `depth` characters and term `id` beats the best so far:
 * it ends later, or as late with a longer alias, or as long with a smaller id (null, a swallowed name, first).
 */
function beats(end: number, depth: number, id: string | null, best: number, bestDepth: number, bestId: string | null): boolean {
  return end > best || (end === best && (depth > bestDepth || (depth === bestDepth && (id ?? '') < (bestId ?? ''))));
}

/** Whether the character at `at` reads as a space (white space, hyphen or dash). */
const spaceAt = (text: string, at: number) => at < text.length && foldCode(text.charCodeAt(at)) === SPACE;

/** A cite's match runs on over subsection groups written after it: "§ 706" + "(1)(A)". */
function extendOverSubsections(text: string, end: number): number {
  for (;;) {
    let k = end;
    while (k < text.length && foldCode(text.charCodeAt(k)) === SPACE) k++;
    if (text.charCodeAt(k) !== OPEN_PAREN) return end;
    const group = SUBSECTION.exec(text.slice(k, k + 6));
    if (!group) return end;
    end = k + group[0].length;
  }
}

const SPACE_NEXT = 1;
const Y_NEXT = 2;
const Z_NEXT = 4;
const isHyphen = (code: number) => code === 45 || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isLetterCode = (code: number) => isWordCode(code) && !isDigitCode(code);

/** Characters that join words into domains, addresses and paths: ".", "@", "/". */
const isJoiner = (code: number) => code === 46 || code === 64 || code === 47;

/**
 * Where a match that ends at `end` really ends, or -1 if it stops inside a word.
 * Plurals are part of the match ("detainers"); possessives end before the apostrophe.
 */
function acceptEnd(text: string, end: number, wordEnd: boolean): number {
  if (end < text.length && isJoiner(text.charCodeAt(end)) && end + 1 < text.length && isWordCode(text.charCodeAt(end + 1))) {
    return -1; // "mandamus.com", "ICE.gov": part of a domain or an address
  }
  if (isHyphen(text.charCodeAt(end)) && isDigitCode(text.charCodeAt(end + 1)) && isLetterCode(text.charCodeAt(end - 1))) {
    return -1; // "EOIR-33", "DHS-2025-0001": the letters of a form or docket number
  }
  if (!wordEnd || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const s = text.charCodeAt(end) | 32; // "DETAINERS" as well as "detainers"
  const after = (k: number) => k >= text.length || !isWordCode(text.charCodeAt(k));
  if (s === 115 /* s */ && after(end + 1)) return end + 1;
  if (s === 101 /* e */ && (text.charCodeAt(end + 1) | 32) === 115 && after(end + 2)) return end + 2;
  return -1;
}

/** The first terminal the text at [from, to) satisfies: a case-free one, or an exact one written in its case. */
function pickTerminal(terminals: Terminal[], input: string, from: number, to: number): Terminal | null {
  for (const t of terminals) {
    if (t.cased === null) return t;
    if (normalizeText(input.slice(from, to), true) !== t.cased) continue;
    // "ICE CREAM SOCIAL": an all-caps run of words is a shout, not an acronym
    if (shoutsAround(input.slice(Math.max(0, from - 24), from), input.slice(to, to + 24))) continue;
    return t;
  }
  return null;
}
