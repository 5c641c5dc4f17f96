// The term matcher: pure, no DOM. Compiled once from the matcher index, then `find(text)` scans a block's
// text in one pass for every alias at once: a trie over folded characters, walked from each word start while
// folding the text on the fly (no copy of the text is made), keeping the longest alias that ends on a word
// boundary (leftmost-longest).
import { ASCII_FOLD, ASCII_WORD, OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from './normalize.ts';

/** [alias as written, term id, 1 if the alias matches only in the case written (acronyms)] */
export type MatcherEntry = [alias: string, id: string, exact: 0 | 1];

/**
 * The matcher index as shipped in the content script, kept compact and ready to load: term ids once, then one
 * line per alias in sorted order, front-coded against the line before (`<shared prefix length>,` then the
 * rest): `<shared>,<id number>[!]<tab><rest of the normalised alias>[<tab><alias with its case kept>]`, where
 * `!` marks an exact-case alias. Aliases are normalised at build time so that start-up does no text work.
 */
export interface MatcherIndex {
  ids: string[];
  aliases: string;
}

export function packIndex(entries: MatcherEntry[]): MatcherIndex {
  const ids: string[] = [];
  const number = new Map<string, number>();
  const rows = new Map<string, { key: string; head: string; cased: string | null }>();
  for (const [alias, id, exact] of entries) {
    const key = normalizeText(alias);
    if (!key) continue;
    if (!number.has(id)) {
      number.set(id, ids.length);
      ids.push(id);
    }
    const cased = exact ? normalizeText(alias, true) : null;
    const head = `${number.get(id)}${exact ? '!' : ''}`;
    rows.set(`${key}\u0000${head}\u0000${cased}`, { key, head, cased });
  }
  const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let previous = '';
  const lines = sorted.map(({ key, head, cased }) => {
    let shared = 0;
    while (shared < key.length && shared < previous.length && key[shared] === previous[shared]) shared++;
    previous = key;
    return `${shared},${head}\t${key.slice(shared)}${cased === null ? '' : `\t${cased}`}`;
  });
  return { ids, aliases: lines.join('\n') };
}

interface IndexLine {
  key: string;
  id: string;
  /** the alias normalised with its case kept; set only for exact-case aliases */
  cased: string | null;
}

function readIndex(index: MatcherIndex): IndexLine[] {
  if (!index.aliases) return [];
  let previous = '';
  return index.aliases.split('\n').map((line) => {
    const comma = line.indexOf(',');
    const [head, rest, cased] = line.slice(comma + 1).split('\t');
    const key = previous.slice(0, parseInt(line.slice(0, comma), 10)) + rest;
    previous = key;
    return { key, id: index.ids[parseInt(head, 10)], cased: head.endsWith('!') ? cased : null };
  });
}

/** The (normalised) aliases of an index with their ids, e.g. for tests and tools. */
export function unpackIndex(index: MatcherIndex): [key: string, id: string, exact: 0 | 1][] {
  return readIndex(index).map((l) => [l.key, l.id, l.cased === null ? 0 : 1]);
}

export interface Match {
  /** index in the input string of the first character */
  start: number;
  /** index in the input string just after the last character (plural "s"/"es" included) */
  end: number;
  id: string;
}

export interface Matcher {
  find(text: string): Match[];
  /** how many distinct aliases the matcher knows */
  readonly size: number;
}

interface Terminal {
  id: string;
  cased: string | null;
  /** whether the alias ends with a letter or digit, so a word boundary must follow */
  wordEnd: boolean;
}

/**
 * The trie's edges in one open-addressing hash table: key (node << 16 | folded char) + 1 → child node.
 * Flat typed arrays make building it at start-up and walking it per character cheap.
 */
class EdgeTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private shift: number;

  constructor(capacityHint: number) {
    let bits = 4;
    while (1 << bits < capacityHint * 2) bits++;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  private slot(key: number): number {
    // Fibonacci hashing: the high bits of the product mix every bit of the key
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const i = h & this.mask;
      const k = this.keys[i];
      if (k === 0 || k === key) return i;
      h = i + 1;
    }
  }

  get(node: number, code: number): number {
    const key = ((node << 16) | code) + 1;
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : -1;
  }

  set(node: number, code: number, child: number): void {
    const key = ((node << 16) | code) + 1;
    const i = this.slot(key);
    this.keys[i] = key;
    this.values[i] = child;
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

export function compileMatcher(index: MatcherIndex): Matcher {
  const lines = readIndex(index);
  const edges = new EdgeTable(lines.reduce((n, l) => n + l.key.length, 0));
  const lists: Terminal[][] = [];
  const listOf = new Map<number, number>();
  let nodes = 1; // node 0 is the root
  let size = 0;
  for (const { key, id, cased } of lines) {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = edges.get(node, code);
      if (child < 0) edges.set(node, code, (child = nodes++));
      node = child;
    }
    let at = listOf.get(node);
    if (at === undefined) {
      listOf.set(node, (at = lists.length));
      lists.push([]);
    }
    const list = lists[at];
    if (!list.some((t) => t.id === id && t.cased === cased)) {
      list.push({ id, cased, wordEnd: isWordCode(key.charCodeAt(key.length - 1)) });
      size++;
    }
  }
  // per node: the index of its list of terminals, or -1
  const terminalAt = new Int32Array(nodes).fill(-1);
  for (const [node, at] of listOf) terminalAt[node] = at;
  // the first step of a walk, for ASCII characters
  const rootAscii = new Int32Array(128);
  for (let c = 0; c < 128; c++) rootAscii[c] = edges.get(0, ASCII_FOLD[c]);
  // which two-character ASCII starts lead anywhere: most word starts stop here without a walk
  const pairs = new Uint8Array(128 * 128);
  for (const { key } of lines) {
    const a = key.charCodeAt(0);
    const b = key.charCodeAt(1);
    if (a < 128 && b < 128) pairs[a * 128 + b] = 1;
  }

  let lastId = '';

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
      matches.push({ start: i, end, id: lastId });
      i = end - 1;
      prevWord = isWordCode(input.charCodeAt(end - 1));
    }
    return matches;
  }

  /** Walks the trie from `start`; returns where the longest accepted alias ends (and sets lastId), or -1. */
  function walk(input: string, start: number, firstNode: number, firstCode: number): number {
    const n = input.length;
    let node = firstNode;
    let last = firstCode;
    let j = start + 1;
    let best = -1;
    for (;;) {
      const at = terminalAt[node];
      if (at >= 0) {
        const here = lists[at];
        const end = acceptEnd(input, j, here[0].wordEnd);
        if (end >= 0) {
          const hit = pickTerminal(here, input, start, j);
          if (hit) {
            best = end;
            lastId = hit.id;
          }
        }
      }
      // the next character that counts, with the same rules as normalizeText
      let code = -1;
      while (j < n) {
        const r = input.charCodeAt(j);
        const c = r < 128 ? ASCII_FOLD[r] : foldCode(r);
        if (c === SKIP) {
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
      if (code < 0) break;
      const child = edges.get(node, code);
      if (child < 0) break;
      node = child;
      last = code;
      j++;
    }
    return best;
  }

  return { find, size };
}

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
  if (!wordEnd || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const s = text.charCodeAt(end);
  const after = (k: number) => k >= text.length || !isWordCode(text.charCodeAt(k));
  if (s === 115 /* s */ && after(end + 1)) return end + 1;
  if (s === 101 /* e */ && text.charCodeAt(end + 1) === 115 && after(end + 2)) return end + 2;
  return -1;
}

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
