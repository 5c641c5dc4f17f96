// The term matcher: pure, no DOM. Compiled once from the matcher index, then `find(text)` scans a block's
// text in one pass for every alias at once: a trie over folded characters, walked from each word start while
// folding the text on the fly (no copy of the text is made), keeping the longest alias that ends on a word
// boundary (leftmost-longest).
import { ASCII_FOLD, ASCII_WORD, OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from './normalize.ts';
import { lineVariants, readIndex, type MatcherIndex } from './matcher-index.ts';
import { isCiteKey, SUBSECTION } from './variants.ts';

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
 * make building it at start-up and walking it per character cheap. `capacity` is the most edges it will hold.
 */
class EdgeTable {
  /** parent node + 1 per slot; 0 marks an empty slot */
  private parents: Int32Array;
  private codes: Uint16Array;
  private children: Int32Array;
  private mask: number;
  private shift: number;

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

  set(node: number, code: number, child: number): void {
    const i = this.slot(node + 1, code);
    this.parents[i] = node + 1;
    this.codes[i] = code;
    this.children[i] = child;
  }
}

/** Capitals-only aliases such as "ICE" or "I-485" are exact by default; everything else matches in any case. */
export function isAcronymLike(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  const longEnough = letters.length >= 2 || (letters.length === 1 && /\d/.test(alias)); // "ICE", "I-485"
  return longEnough && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const ALL_CAPS_BEFORE = /\p{Lu}{3,}[\s\u00a0]+$/u;
const ALL_CAPS_AFTER = /^[\s\u00a0]+\p{Lu}{3,}/u;

/**
 * Builds the matcher from a packed index: one trie over folded characters holding every alias and the
 * variants derived from it (lineVariants), each end node with its terminals. Start-up cost grows with the
 * characters the front coding does not share. Throws only on an index of an unknown format.
 */
export function compileMatcher(index: MatcherIndex): Matcher {
  const lines = readIndex(index);
  const ids = index.ids;
  const variants = lines.map(lineVariants);
  // every character inserted makes at most one edge: the rest of each line, and each variant whole
  let capacity = 0;
  for (let i = 0; i < lines.length; i++) {
    capacity += lines[i].key.length - lines[i].shared;
    for (const v of variants[i]) capacity += v.key.length;
  }
  const edges = new EdgeTable(capacity);
  // per node (at most one per edge, and the root): the index of its list of terminals, or -1
  const terminalAt = new Int32Array(capacity + 1).fill(-1);
  // per node: which edges a plural ending can stand before (SPACE_NEXT, Y_NEXT, Z_NEXT), so the scan
  // looks for one only where an alias allows it
  const gaps = new Uint8Array(capacity + 1);
  const link = (node: number, code: number, child: number) => {
    edges.set(node, code, child);
    gaps[node] |= code === SPACE ? SPACE_NEXT : code === 121 ? Y_NEXT : code === 122 ? Z_NEXT : 0;
  };
  const lists: Terminal[][] = [];
  let nodes = 1; // node 0 is the root
  let size = 0;
  // which two-character ASCII starts lead anywhere: most word starts stop here without a walk
  const pairs = new Uint8Array(128 * 128);

  const terminal = (node: number, key: string, term: number, cased: string | null) => {
    let at = terminalAt[node];
    if (at < 0) {
      terminalAt[node] = at = lists.length;
      lists.push([]);
    }
    const list = lists[at];
    const id = term < ids.length ? ids[term] : null;
    for (const t of list) if (t.id === id && t.cased === cased) return;
    const t: Terminal = { id, cased, wordEnd: isWordCode(key.charCodeAt(key.length - 1)), cite: isCiteKey(key) };
    // an alias beats a swallowed name with the same key
    if (id !== null && list.length && list[list.length - 1].id === null) list.splice(list.length - 1, 0, t);
    else list.push(t);
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
  };

  // the index is sorted and front-coded: a line's shared prefix is a path the line before already made, and
  // past the first new character every edge is new
  const path = new Int32Array(lines.reduce((n, l) => Math.max(n, l.key.length), 0) + 1);
  for (const line of lines) {
    const key = line.key;
    let node = path[line.shared];
    let i = line.shared;
    for (let child; i < key.length && (child = edges.get(node, key.charCodeAt(i))) >= 0; i++) node = path[i + 1] = child;
    for (; i < key.length; i++) {
      link(node, key.charCodeAt(i), nodes);
      node = path[i + 1] = nodes++;
    }
    terminal(node, key, line.term, line.cased);
  }
  for (let i = 0; i < lines.length; i++) {
    for (const { key, cased } of variants[i]) {
      let node = 0;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        let child = edges.get(node, code);
        if (child < 0) link(node, code, (child = nodes++));
        node = child;
      }
      terminal(node, key, lines[i].term, cased);
    }
  }
  // the first step of a walk, for ASCII characters
  const rootAscii = new Int32Array(128);
  for (let c = 0; c < 128; c++) rootAscii[c] = edges.get(0, ASCII_FOLD[c]);

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
          if (k < n && foldCode(input.charCodeAt(k)) === OPEN_PAREN) {
            j = k; // "287 (g)" = "287(g)"
            code = OPEN_PAREN;
            break;
          }
        }
        code = c;
        break;
      }
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

  return { find, size, nodes };
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
    if (ALL_CAPS_BEFORE.test(input.slice(Math.max(0, from - 24), from)) || ALL_CAPS_AFTER.test(input.slice(to, to + 24))) continue;
    return t;
  }
  return null;
}
