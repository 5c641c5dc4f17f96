// The term matcher: pure, no DOM. Compiled once from the matcher index, then `find(text)` scans a block's
// text in one pass for every alias at once: a trie over folded characters, walked from each word start while
// folding the text on the fly (no copy of the text is made), keeping the longest alias that ends on a word
// boundary (leftmost-longest).
import { ASCII_FOLD, ASCII_WORD, OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from './normalize.ts';
import { applyCiteSignEdit, citeSignEdit, derivedKeys, isCiteKey, phrasePlural, SUBSECTION, type PluralRule } from './variants.ts';

export type { PluralRule };

/**
 * One alias for packIndex: [alias as written, term id, 1 if it matches only in the case written (acronyms),
 * the language whose phrase plural the matcher derives ("notices to appear", "órdenes de deportación"; the
 * build chooses it, see glossary/build/matcher-entries.ts; omit for none)].
 */
export type MatcherEntry = [alias: string, id: string, exact: 0 | 1, plural?: PluralRule];

/**
 * The matcher index as shipped in the content script (so its size counts per alias): the term ids, and one
 * string of lines separated by "|", sorted by normalised alias and front-coded: each line is one character
 * for the length of the prefix it shares with the line before, a fixed number of base-90 digits for
 * (term number × 9 + case × 3 + plural), then the rest of the normalised alias. Case: 0 any, 1 capitals only
 * (the alias is its key in upper case), 2 mixed (the next field holds the alias with its case kept).
 * Plural: 0 none, 1 English, 2 Spanish phrase plurals (glossary/runtime/variants.ts). Term number
 * `ids.length` marks a swallowed name: matched, consumed, never shown. The first two characters give the
 * digit count and a format version. Aliases the matcher derives at start-up from another alias of the same
 * term (variants.ts, plurals, subsection groups) are left out.
 */
export interface MatcherIndex {
  ids: string[];
  aliases: string;
}

const SEPARATOR = '|';
const FORMAT = 'b';
/** Base-90 digits: printable ASCII without `"`, `'`, `\`, `` ` `` and the separator, so nothing needs escaping. */
const DIGITS = ' !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{}~';
const BASE = 90;
const DIGIT_VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < BASE; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
const CASE_ANY = 0;
const CASE_UPPER = 1;
const CASE_MIXED = 2;
const PLURAL_CODE: Record<PluralRule, number> = { en: 1, es: 2 };
const PLURAL_RULE: (PluralRule | null)[] = [null, 'en', 'es'];

function digitsFor(max: number): number {
  let width = 1;
  for (let top = BASE; top <= max; top *= BASE) width++;
  return width;
}

/** A line of the index before it is written: what the matcher needs to know about one alias. */
interface IndexLine {
  key: string;
  /** term number; `ids.length` for a swallowed name */
  term: number;
  /** the alias normalised with its case kept; set only for exact-case aliases */
  cased: string | null;
  plural: PluralRule | null;
  /** how many leading characters the line shares with the line before it in the index */
  shared: number;
}

/**
 * The forms the matcher derives from a line at start-up, the line's own excluded: for a case-free alias,
 * derivedKeys (plurals, "EE. UU.", "§"); for an exact-case alias only the "§" form, in the same case.
 */
function lineVariants(line: IndexLine): { key: string; cased: string | null }[] {
  if (line.cased === null) return derivedKeys(line.key, line.plural).map((key) => ({ key, cased: null }));
  const edit = citeSignEdit(line.key);
  return edit ? [{ key: applyCiteSignEdit(line.key, edit), cased: applyCiteSignEdit(line.cased, edit) }] : [];
}

/** Every key the matcher reads an alias as: its normalised key and the forms derived from it at start-up. */
export function aliasForms(alias: string, exact: 0 | 1, plural: PluralRule | null = null): string[] {
  const key = normalizeText(alias);
  if (!key) return [];
  const line: IndexLine = { key, term: 0, cased: exact ? normalizeText(alias, true) : null, plural: exact ? null : plural, shared: 0 };
  return [key, ...lineVariants(line).map((v) => v.key)];
}

const GROUPS = /^(\((?:[a-z]{1,4}|\d{1,3})\))+$/;

/** Whether the matcher, given `line`, already finds `other` (and every form of it) with the same term. */
function covers(line: IndexLine, other: IndexLine): boolean {
  if (line.term !== other.term) return false;
  const forms = [{ key: line.key, cased: line.cased }, ...lineVariants(line)];
  const accepted = (key: string, cased: string | null): boolean =>
    forms.some((f) => {
      if (f.cased !== null) return cased === f.cased && key === f.key;
      if (key === f.key) return true;
      // what the scan accepts past a key: plurals, -ies and -ces, subsection groups of a cite
      if (isWordCode(f.key.charCodeAt(f.key.length - 1)) && (key === `${f.key}s` || key === `${f.key}es`)) return true;
      if ((f.key.endsWith('y') && key === `${f.key.slice(0, -1)}ies`) || (f.key.endsWith('z') && key === `${f.key.slice(0, -1)}ces`)) return true;
      return isCiteKey(f.key) && key.startsWith(f.key) && GROUPS.test(key.slice(f.key.length));
    });
  return accepted(other.key, other.cased) && lineVariants(other).every((v) => accepted(v.key, v.cased));
}

/**
 * Packs aliases (and names to swallow) into the shipped index. An alias with the same key as a swallowed
 * name wins over it. Aliases that another alias of the same term already yields at start-up are dropped.
 */
export function packIndex(entries: MatcherEntry[], names: [text: string, exact: 0 | 1][] = []): MatcherIndex {
  const ids: string[] = [];
  const number = new Map<string, number>();
  const lines = new Map<string, IndexLine>();
  const add = (text: string, term: number, exact: 0 | 1, plural: PluralRule | null) => {
    const key = normalizeText(text);
    if (!key) return;
    const cased = exact ? normalizeText(text, true) : null;
    const at = `${key}\u0000${cased}`;
    const known = lines.get(at);
    if (known && known.term < term) return; // a term's alias beats a swallowed name
    const rule = plural && !exact && phrasePlural(key, plural) ? plural : null;
    lines.set(at, { key, term, cased, plural: rule ?? (known?.term === term ? known.plural : null), shared: 0 });
  };
  for (const [alias, id] of entries) {
    if (!number.has(id)) {
      number.set(id, ids.length);
      ids.push(id);
    }
  }
  for (const [alias, id, exact, plural] of entries) add(alias, number.get(id)!, exact, plural ?? null);
  for (const [text, exact] of names) add(text, ids.length, exact, null);

  // drop what another line of the same term yields; shortest first, so a base is kept and its forms dropped
  const all = [...lines.values()].sort((a, b) => a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byTerm = new Map<number, IndexLine[]>();
  const kept: IndexLine[] = [];
  for (const line of all) {
    const same = byTerm.get(line.term) ?? [];
    if (same.some((k) => covers(k, line))) continue;
    same.push(line);
    byTerm.set(line.term, same);
    kept.push(line);
  }
  kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.term - b.term));

  const width = digitsFor((ids.length + 1) * 9);
  const fields: string[] = [];
  let previous = '';
  for (const line of kept) {
    let shared = 0;
    while (shared < BASE - 1 && shared < line.key.length && shared < previous.length && line.key[shared] === previous[shared]) shared++;
    previous = line.key;
    const mode = line.cased === null ? CASE_ANY : line.cased === line.key.toUpperCase() && line.cased.toLowerCase() === line.key ? CASE_UPPER : CASE_MIXED;
    let code = line.term * 9 + mode * 3 + (line.plural ? PLURAL_CODE[line.plural] : 0);
    let digits = '';
    for (let d = 0; d < width; d++, code = Math.floor(code / BASE)) digits = DIGITS[code % BASE] + digits;
    fields.push(DIGITS[shared] + digits + line.key.slice(shared));
    if (mode === CASE_MIXED) fields.push(line.cased!);
  }
  return { ids, aliases: DIGITS[width] + FORMAT + fields.join(SEPARATOR) };
}

function readIndex(index: MatcherIndex): IndexLine[] {
  const text = index.aliases;
  if (text.length < 3) return [];
  if (text[1] !== FORMAT) throw new Error(`matcher index: unknown format "${text[1]}"`);
  const width = DIGIT_VALUE[text.charCodeAt(0)];
  const out: IndexLine[] = [];
  let previous = '';
  let at = 2;
  while (at < text.length) {
    let end = text.indexOf(SEPARATOR, at);
    if (end < 0) end = text.length;
    let code = 0;
    for (let d = 1; d <= width; d++) code = code * BASE + DIGIT_VALUE[text.charCodeAt(at + d)];
    const shared = DIGIT_VALUE[text.charCodeAt(at)];
    const key = previous.slice(0, shared) + text.slice(at + 1 + width, end);
    previous = key;
    at = end + 1;
    const mode = Math.floor(code / 3) % 3;
    let cased: string | null = null;
    if (mode === CASE_UPPER) cased = key.toUpperCase();
    else if (mode === CASE_MIXED) {
      let next = text.indexOf(SEPARATOR, at);
      if (next < 0) next = text.length;
      cased = text.slice(at, next);
      at = next + 1;
    }
    out.push({ key, term: Math.floor(code / 9), cased, plural: PLURAL_RULE[code % 3], shared });
  }
  return out;
}

/** The (normalised) aliases of an index with their ids, swallowed names left out, e.g. for tests and tools. */
export function unpackIndex(index: MatcherIndex): [key: string, id: string, exact: 0 | 1][] {
  return readIndex(index)
    .filter((l) => l.term < index.ids.length)
    .map((l) => [l.key, index.ids[l.term], l.cased === null ? 0 : 1]);
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
 * make building it at start-up and walking it per character cheap.
 */
class EdgeTable {
  /** parent node + 1 per slot; 0 marks an empty slot */
  private parents: Int32Array;
  private codes: Uint16Array;
  private children: Int32Array;
  private mask = 0;
  private shift = 0;
  private count = 0;

  constructor(capacityHint: number) {
    let bits = 4;
    while (1 << bits < capacityHint * 2) bits++;
    this.parents = new Int32Array(1 << bits);
    this.codes = new Uint16Array(1 << bits);
    this.children = new Int32Array(1 << bits);
    this.resize(bits);
  }

  private resize(bits: number): void {
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
    if ((this.count + 1) * 2 > this.parents.length) this.grow();
    const i = this.slot(node + 1, code);
    if (this.parents[i] === 0) this.count++;
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
    this.resize(31 - Math.clz32(size));
    for (let i = 0; i < parents.length; i++) {
      if (parents[i] === 0) continue;
      const j = this.slot(parents[i], codes[i]);
      this.parents[j] = parents[i];
      this.codes[j] = codes[i];
      this.children[j] = children[i];
    }
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
  const edges = new EdgeTable(lines.reduce((n, l) => n + l.key.length - l.shared, 0) * 1.25);
  const lists: Terminal[][] = [];
  const listOf = new Map<number, number>();
  let nodes = 1; // node 0 is the root
  let size = 0;
  // which two-character ASCII starts lead anywhere: most word starts stop here without a walk
  const pairs = new Uint8Array(128 * 128);

  const terminal = (node: number, key: string, term: number, cased: string | null) => {
    let at = listOf.get(node);
    if (at === undefined) {
      listOf.set(node, (at = lists.length));
      lists.push([]);
    }
    const list = lists[at];
    const id = term < ids.length ? ids[term] : null;
    if (list.some((t) => t.id === id && t.cased === cased)) return;
    const t: Terminal = { id, cased, wordEnd: isWordCode(key.charCodeAt(key.length - 1)), cite: isCiteKey(key) };
    // an alias beats a swallowed name with the same key
    if (id === null) list.push(t);
    else list.unshift(t);
    size++;
    const a = key.charCodeAt(0);
    if (a >= 128) return;
    const b = key.charCodeAt(1);
    if (key.length < 3) pairs.fill(1, a * 128, a * 128 + 128); // short keys: plurals and -ies start anywhere
    else if (b < 128) pairs[a * 128 + b] = 1;
  };
  const insert = (key: string, from: number, node: number, path: Int32Array | null): number => {
    for (let i = from; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = edges.get(node, code);
      if (child < 0) edges.set(node, code, (child = nodes++));
      node = child;
      if (path) path[i + 1] = node;
    }
    return node;
  };

  // the index is sorted and front-coded: a line's shared prefix is a path the line before already made
  const path = new Int32Array(lines.reduce((n, l) => Math.max(n, l.key.length), 0) + 1);
  for (const line of lines) {
    terminal(insert(line.key, line.shared, path[line.shared], path), line.key, line.term, line.cased);
  }
  for (const line of lines) {
    for (const v of lineVariants(line)) terminal(insert(v.key, 0, 0, null), v.key, line.term, v.cased);
  }
  // per node: the index of its list of terminals, or -1
  const terminalAt = new Int32Array(nodes).fill(-1);
  for (const [node, at] of listOf) terminalAt[node] = at;
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

  /** Walks the trie from `start`; returns where the longest accepted alias ends (and sets lastId), or -1. */
  function walk(input: string, start: number, firstNode: number, firstCode: number): number {
    const n = input.length;
    let node = firstNode;
    let last = firstCode;
    let j = start + 1;
    let best = -1;
    let cite = false;
    for (;;) {
      const at = terminalAt[node];
      if (at >= 0) {
        const here = lists[at];
        const end = acceptEnd(input, j, here[0].wordEnd);
        if (end >= best) {
          const hit = pickTerminal(here, input, start, j);
          if (hit) {
            best = end;
            lastId = hit.id;
            cite = hit.cite && end === j;
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
      // "sanctuary cities" for "sanctuary city", "jueces" for "juez": a plural that changes the last letter
      if (code === 105 || code === 99) {
        const alt = edges.get(node, code === 105 ? 121 : 122);
        if (alt >= 0 && terminalAt[alt] >= 0) {
          const end = changedPluralEnd(input, j);
          if (end >= best) {
            const hit = lists[terminalAt[alt]].find((t) => t.cased === null);
            if (hit) {
              best = end;
              lastId = hit.id;
              cite = false;
            }
          }
        }
      }
      const child = edges.get(node, code);
      if (child < 0) break;
      node = child;
      last = code;
      j++;
    }
    return cite ? extendOverSubsections(input, best) : best;
  }

  return { find, size, nodes };
}

/**
 * Where a plural whose last letter changed ("cit|ies", "jue|ces") ends, given the index of its first changed
 * letter, or -1: the letters must be "ies" or "ces" as written, followed by a word boundary.
 */
function changedPluralEnd(text: string, at: number): number {
  if (at + 2 >= text.length) return -1;
  if (foldCode(text.charCodeAt(at + 1)) !== 101 || foldCode(text.charCodeAt(at + 2)) !== 115) return -1;
  const end = at + 3;
  if (end < text.length && isWordCode(text.charCodeAt(end))) return -1;
  return acceptEnd(text, end, false);
}

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
