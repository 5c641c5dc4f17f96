// A simple reference matcher for the property test: the matching rules of DESIGN.md and
// glossary/FORMAT.md ("Aliases") implemented the slow, obvious way — normalise the whole text once with a
// map back to the original offsets, then at every word start look up every substring length in a Map of
// keys — with no trie, no packed index, no front coding, no dropped aliases and no shortcuts. Derived alias
// forms come from glossary/runtime/variants.ts (tested on their own by tables); everything else is
// written again here.
import type { MatcherEntry } from '@/glossary/runtime/matcher';
import { OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from '@/glossary/runtime/normalize';
import { citeSignEdit, applyCiteSignEdit, derivedKeys, isCiteKey } from '@/glossary/runtime/variants';

export interface RefMatch {
  start: number;
  end: number;
  id: string;
}

interface RefTerminal {
  id: string | null;
  cased: string | null;
  cite: boolean;
  wordEnd: boolean;
}

const isJoiner = (c: number) => c === 46 || c === 64 || c === 47;
const SHOUT_BEFORE = /\p{Lu}{3,}[\s\u00a0]+$/u;
const SHOUT_AFTER = /^[\s\u00a0]+\p{Lu}{3,}/u;
const GROUP = /^\((?:[a-z]{1,4}|\d{1,3})\)/i;

/** The normalised text (normalizeText's rules) with, for each of its characters, the offset it came from. */
function normaliseWithMap(text: string): { norm: string; from: number[]; at: Int32Array } {
  const out: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c === SKIP) continue;
    const last = out.length ? out[out.length - 1] : SPACE;
    if (c === SPACE) {
      if (last !== SPACE && last !== SECTION_SIGN) {
        out.push(SPACE);
        from.push(i);
      }
      continue;
    }
    if (c === OPEN_PAREN && out.length && last === SPACE) {
      out.pop();
      from.pop();
    }
    out.push(c);
    from.push(i);
  }
  const at = new Int32Array(text.length + 1).fill(-1);
  from.forEach((raw, p) => (at[raw] = p));
  return { norm: String.fromCharCode(...out), from, at };
}

export class ReferenceMatcher {
  private keys = new Map<string, RefTerminal[]>();
  /** keys ending in "y" or "z" by their stem, for "cities" and "jueces" */
  private stems = new Map<string, { letter: string; terminals: RefTerminal[] }[]>();
  private lengths: number[] = [];

  constructor(entries: MatcherEntry[], names: [text: string, exact: 0 | 1][] = []) {
    const add = (key: string, t: RefTerminal) => {
      const list = this.keys.get(key) ?? [];
      if (list.some((x) => x.id === t.id && x.cased === t.cased)) return;
      // an alias beats a swallowed name with the same key
      if (t.id === null) list.push(t);
      else list.unshift(t);
      this.keys.set(key, list);
    };
    const all: [string, string | null, 0 | 1, MatcherEntry[3]][] = [
      ...entries.map(([a, id, exact, plural]) => [a, id, exact, plural] as [string, string, 0 | 1, MatcherEntry[3]]),
      ...names.map(([a, exact]) => [a, null, exact, undefined] as [string, null, 0 | 1, undefined]),
    ];
    for (const [alias, id, exact, plural] of all) {
      const key = normalizeText(alias);
      if (!key) continue;
      const cased = exact ? normalizeText(alias, true) : null;
      const forms: [string, string | null][] = [[key, cased]];
      if (cased === null) for (const k of derivedKeys(key, plural ?? null)) forms.push([k, null]);
      else {
        const edit = citeSignEdit(key);
        if (edit) forms.push([applyCiteSignEdit(key, edit), applyCiteSignEdit(cased, edit)]);
      }
      for (const [k, c] of forms) add(k, { id, cased: c, cite: isCiteKey(k), wordEnd: isWordCode(k.charCodeAt(k.length - 1)) });
    }
    for (const [key, list] of this.keys) {
      const letter = key[key.length - 1];
      if (letter !== 'y' && letter !== 'z') continue;
      const free = list.filter((t) => t.cased === null);
      if (!free.length) continue;
      const stem = key.slice(0, -1);
      this.stems.set(stem, [...(this.stems.get(stem) ?? []), { letter, terminals: free }]);
    }
    const lengths = new Set<number>();
    for (const k of this.keys.keys()) lengths.add(k.length);
    for (const k of this.stems.keys()) lengths.add(k.length);
    this.lengths = [...lengths].sort((a, b) => b - a);
  }

  find(text: string): RefMatch[] {
    const { norm, from, at } = normaliseWithMap(text);
    const word = (k: number) => k >= 0 && k < text.length && isWordCode(text.charCodeAt(k));
    const out: RefMatch[] = [];
    let i = 0;
    while (i < text.length) {
      const p = at[i];
      const eligible = p >= 0 && !(word(i) && word(i - 1)) && !(i > 1 && isJoiner(text.charCodeAt(i - 1)) && word(i - 2));
      const best = eligible ? this.longestAt(text, norm, from, p, i) : null;
      if (!best) {
        i++;
        continue;
      }
      if (best.id !== null) out.push({ start: i, end: best.end, id: best.id });
      i = best.end;
    }
    return out;
  }

  /** The longest accepted match starting at normalised offset p (raw offset i): greatest end, then deepest key. */
  private longestAt(text: string, norm: string, from: number[], p: number, i: number): { end: number; id: string | null } | null {
    const word = (k: number) => k >= 0 && k < text.length && isWordCode(text.charCodeAt(k));
    let best: { end: number; depth: number; rank: number; id: string | null; cite: boolean } | null = null;
    const better = (end: number, depth: number, rank: number) =>
      !best || end > best.end || (end === best.end && (depth > best.depth || (depth === best.depth && rank > best.rank)));
    for (const len of this.lengths) {
      if (p + len > norm.length) continue;
      const piece = norm.slice(p, p + len);
      const rawEnd = from[p + len - 1] + 1;
      const list = this.keys.get(piece);
      if (list) {
        const end = acceptEnd(text, rawEnd, list[0].wordEnd);
        const t = end >= 0 ? pick(list, text, i, rawEnd) : null;
        if (t && better(end, len, 0)) best = { end, depth: len, rank: 0, id: t.id, cite: t.cite && end === rawEnd };
      }
      // "cit|ies" for "city", "jue|ces" for "juez": the changed letters as written, then a word boundary
      const stems = this.stems.get(piece);
      if (stems && p + len < norm.length) {
        const next = norm[p + len];
        for (const s of stems) {
          if ((s.letter === 'y' ? 'i' : 'c') !== next) continue;
          const r = from[p + len];
          if (r + 2 >= text.length || foldCode(text.charCodeAt(r + 1)) !== 101 || foldCode(text.charCodeAt(r + 2)) !== 115) continue;
          if (word(r + 3)) continue;
          const end = acceptEnd(text, r + 3, false);
          if (end >= 0 && better(end, len, 1)) best = { end, depth: len, rank: 1, id: s.terminals[0].id, cite: false };
        }
      }
    }
    if (!best) return null;
    let end = best.end;
    if (best.cite) {
      // a cite runs on over subsection groups: "(1)(A)"
      for (;;) {
        let k = end;
        while (k < text.length && foldCode(text.charCodeAt(k)) === SPACE) k++;
        const g = GROUP.exec(text.slice(k, k + 6));
        if (!g) break;
        end = k + g[0].length;
      }
    }
    return { end, id: best.id };
  }
}

function acceptEnd(text: string, end: number, wordEnd: boolean): number {
  const word = (k: number) => k < text.length && isWordCode(text.charCodeAt(k));
  if (end < text.length && isJoiner(text.charCodeAt(end)) && word(end + 1)) return -1;
  if (!wordEnd || !word(end)) return end;
  const c = text[end].toLowerCase();
  if (c === 's' && !word(end + 1)) return end + 1;
  if (c === 'e' && text[end + 1]?.toLowerCase() === 's' && !word(end + 2)) return end + 2;
  return -1;
}

function pick(list: RefTerminal[], text: string, from: number, to: number): RefTerminal | null {
  for (const t of list) {
    if (t.cased === null) return t;
    if (normalizeText(text.slice(from, to), true) !== t.cased) continue;
    if (SHOUT_BEFORE.test(text.slice(Math.max(0, from - 24), from)) || SHOUT_AFTER.test(text.slice(to, to + 24))) continue;
    return t;
  }
  return null;
}

