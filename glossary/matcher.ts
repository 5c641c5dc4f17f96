// The term matcher: pure, no DOM. Compiled once from the matcher index, then `find(text)` scans a block's
// text in one pass for every alias at once: a trie over normalised characters, walked from each word start,
// keeping the longest alias that ends on a word boundary (leftmost-longest).
import { isWordCode, normalizeText } from './normalize.ts';

/** [alias as written, term id, 1 if the alias matches only in the case written (acronyms)] */
export type MatcherEntry = [alias: string, id: string, exact: 0 | 1];

/**
 * The matcher index as shipped in the content script, kept compact: term ids once, then one line per alias,
 * `<id number>[!]<tab><alias>`, where `!` marks an exact-case alias.
 */
export interface MatcherIndex {
  ids: string[];
  aliases: string;
}

export function packIndex(entries: MatcherEntry[]): MatcherIndex {
  const ids: string[] = [];
  const number = new Map<string, number>();
  const lines = new Set<string>();
  for (const [alias, id, exact] of entries) {
    if (!number.has(id)) {
      number.set(id, ids.length);
      ids.push(id);
    }
    lines.add(`${number.get(id)}${exact ? '!' : ''}\t${alias}`);
  }
  return { ids, aliases: [...lines].join('\n') };
}

export function unpackIndex(index: MatcherIndex): MatcherEntry[] {
  if (!index.aliases) return [];
  return index.aliases.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    const head = line.slice(0, tab);
    const exact = head.endsWith('!');
    return [line.slice(tab + 1), index.ids[parseInt(head, 10)], exact ? 1 : 0];
  });
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
  /** the alias normalised with its case kept; set only for exact-case aliases */
  cased: string | null;
  /** whether the alias ends with a letter or digit, so a word boundary must follow */
  wordEnd: boolean;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  terminals: Terminal[] | null;
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: null });

/** Capitals-only aliases such as "ICE" or "I-485" are exact by default; everything else matches in any case. */
export function isAcronymLike(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  const longEnough = letters.length >= 2 || (letters.length === 1 && /\d/.test(alias)); // "ICE", "I-485"
  return longEnough && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const ALL_CAPS_BEFORE = /\p{Lu}{3,}[\s\u00a0]+$/u;
const ALL_CAPS_AFTER = /^[\s\u00a0]+\p{Lu}{3,}/u;

export function compileMatcher(index: MatcherIndex): Matcher {
  const root = newNode();
  let size = 0;
  for (const [alias, id, exact] of unpackIndex(index)) {
    const key = normalizeText(alias).text.trim();
    if (!key) continue;
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = newNode()));
      node = child;
    }
    const cased = exact ? normalizeText(alias, true).text.trim() : null;
    const terminals = (node.terminals ??= []);
    if (!terminals.some((t) => t.id === id && t.cased === cased)) {
      terminals.push({ id, cased, wordEnd: isWordCode(key.charCodeAt(key.length - 1)) });
      size++;
    }
  }

  function find(input: string): Match[] {
    const matches: Match[] = [];
    const { text, map } = normalizeText(input);
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const first = text.charCodeAt(i);
      let node = root.next.get(first);
      if (!node) continue;
      // a word-character alias may only start at a word start ("iceberg", "1287(g)")
      if (i > 0 && isWordCode(first) && isWordCode(text.charCodeAt(i - 1))) continue;
      let bestEnd = -1;
      let bestId = '';
      for (let j = i + 1; ; j++) {
        if (node.terminals) {
          const end = acceptEnd(text, j, node.terminals[0].wordEnd);
          if (end >= 0) {
            const hit = pickTerminal(node.terminals, input, map, i, j);
            if (hit) {
              bestEnd = end;
              bestId = hit.id;
            }
          }
        }
        if (j >= n) break;
        const child: TrieNode | undefined = node.next.get(text.charCodeAt(j));
        if (!child) break;
        node = child;
      }
      if (bestEnd >= 0) {
        matches.push({ start: map[i], end: map[bestEnd - 1] + 1, id: bestId });
        i = bestEnd - 1;
      }
    }
    return matches;
  }

  return { find, size };
}

/**
 * Where a match that ends at `end` really ends, or -1 if it stops inside a word.
 * Plurals are part of the match ("detainers", "jueces" aside); possessives end before the apostrophe.
 */
function acceptEnd(text: string, end: number, wordEnd: boolean): number {
  if (!wordEnd || end >= text.length || !isWordCode(text.charCodeAt(end))) return end;
  const s = text.charCodeAt(end);
  if (s === 115 /* s */ && (end + 1 >= text.length || !isWordCode(text.charCodeAt(end + 1)))) return end + 1;
  if (s === 101 /* e */ && text.charCodeAt(end + 1) === 115 && (end + 2 >= text.length || !isWordCode(text.charCodeAt(end + 2)))) {
    return end + 2;
  }
  return -1;
}

function pickTerminal(terminals: Terminal[], input: string, map: Int32Array, start: number, end: number): Terminal | null {
  for (const t of terminals) {
    if (t.cased === null) return t;
    const from = map[start];
    const to = map[end - 1] + 1;
    if (normalizeText(input.slice(from, to), true).text !== t.cased) continue;
    // "ICE CREAM SOCIAL": an all-caps run of words is a shout, not an acronym
    if (ALL_CAPS_BEFORE.test(input.slice(Math.max(0, from - 24), from)) || ALL_CAPS_AFTER.test(input.slice(to, to + 24))) continue;
    return t;
  }
  return null;
}
