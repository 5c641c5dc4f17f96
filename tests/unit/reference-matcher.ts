// A simple reference matcher for the property test: the matching rules of DESIGN.md and
// glossary/FORMAT.md ("Aliases") implemented the slow, obvious way — at every word start, try every alias
// that starts with the same character, one character at a time, following every way it can line up with
// the text (a plural ending after a word inside the alias, or none) — with no trie, no packed index, no
// front coding and no shortcuts. Normalisation (foldCode) and the derived alias forms
// (glossary/runtime/variants.ts) are shared and tested on their own by tables; everything else is written
// again here.
import { OPEN_PAREN, SECTION_SIGN, SKIP, SPACE, foldCode, isWordCode, normalizeText } from '@/glossary/runtime/normalize';
import { derivedKeys, formKeys, isCiteKey } from '@/glossary/runtime/variants';

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

interface RefKey {
  key: string;
  terminals: RefTerminal[];
}

const isJoiner = (c: number) => c === 46 || c === 64 || c === 47;
const SHOUT_BEFORE = /\p{Lu}{3,}[\s\u00a0]+$/u;
const SHOUT_AFTER = /^[\s\u00a0]+\p{Lu}{3,}/u;
const GROUP = /^\((?:[a-z]{1,4}|\d{1,3})\)/i;
const S = 115;

export class ReferenceMatcher {
  private keys = new Map<string, RefTerminal[]>();
  /** keys by their first two characters (code × 65536 + code, the second -1 for a key of one) */
  private byStart = new Map<number, RefKey[]>();

  /** `aliases`: [normalised key, term id or null for a swallowed name, the key with its case kept or null]. */
  constructor(aliases: [key: string, id: string | null, cased: string | null][]) {
    const add = (key: string, t: RefTerminal) => {
      const list = this.keys.get(key) ?? [];
      if (list.some((x) => x.id === t.id && x.cased === t.cased)) return;
      // an alias beats a swallowed name with the same key
      if (t.id === null) list.push(t);
      else list.unshift(t);
      this.keys.set(key, list);
    };
    for (const [key, id, cased] of aliases) {
      const forms: [string, string | null][] = [[key, cased], ...(cased === null ? derivedKeys(key) : formKeys(key)).map((k): [string, null] => [k, null])];
      for (const [k, c] of forms) add(k, { id, cased: c, cite: isCiteKey(k), wordEnd: isWordCode(k.charCodeAt(k.length - 1)) });
    }
    for (const [key, terminals] of this.keys) {
      const start = key.charCodeAt(0) * 65536 + (key.length > 1 ? key.charCodeAt(1) : -1);
      const list = this.byStart.get(start) ?? [];
      list.push({ key, terminals });
      this.byStart.set(start, list);
    }
  }

  find(text: string): RefMatch[] {
    const word = (k: number) => k >= 0 && k < text.length && isWordCode(text.charCodeAt(k));
    const out: RefMatch[] = [];
    let i = 0;
    while (i < text.length) {
      const eligible = !(word(i) && word(i - 1)) && !(i > 1 && isJoiner(text.charCodeAt(i - 1)) && word(i - 2));
      const best = eligible ? this.bestAt(text, i) : null;
      if (!best) {
        i++;
        continue;
      }
      if (best.id !== null) out.push({ start: i, end: best.end, id: best.id });
      i = best.end;
    }
    return out;
  }

  /** The best match starting at i: the greatest end, then the longest alias, then the smaller id (null first). */
  private bestAt(text: string, i: number): { end: number; id: string | null } | null {
    const fold = (k: number) => (k < text.length ? foldCode(text.charCodeAt(k)) : -1);
    const word = (k: number) => k < text.length && isWordCode(text.charCodeAt(k));
    const space = (k: number) => fold(k) === SPACE;
    /** The next character that counts from raw offset r, after `last` (normalizeText's rules): [code, offset]. */
    const next = (r: number, last: number): [number, number] | null => {
      for (; r < text.length; r++) {
        const c = fold(r);
        if (c === SKIP || c === SECTION_SIGN) continue; // "§" counts only as the first character
        if (c === SPACE) {
          if (last === SPACE || last === SECTION_SIGN) continue;
          let k = r + 1;
          while (k < text.length && (fold(k) === SPACE || fold(k) === SKIP)) k++;
          if (fold(k) === OPEN_PAREN) return [OPEN_PAREN, k];
        }
        return [c, r];
      }
      return null;
    };
    let best: { end: number; depth: number; id: string | null; cite: boolean } | null = null;
    const offer = (end: number, depth: number, t: RefTerminal, cite: boolean) => {
      if (end < 0) return;
      if (!best || end > best.end || (end === best.end && (depth > best.depth || (depth === best.depth && (t.id ?? '') < (best.id ?? ''))))) {
        best = { end, depth, id: t.id, cite };
      }
    };
    const first = fold(i);
    // the keys that can start here: by the first two characters, the second as written, or "y"/"z" for
    // "ies"/"ces", or none (a key of one character)
    const second = next(i + 1, first)?.[0] ?? -2;
    const seconds = [second, -1, ...(second === 105 ? [121] : second === 99 ? [122] : [])];
    const candidates = seconds.flatMap((c) => this.byStart.get(first * 65536 + c) ?? []);
    for (const { key, terminals } of candidates) {
      // [characters of the key matched, text offset to read from, last character read]
      const ways: [number, number, number][] = [[1, i + 1, first]];
      while (ways.length) {
        const [k, r, last] = ways.pop()!;
        if (k === key.length) {
          const end = acceptEnd(text, r, terminals[0].wordEnd);
          const t = end >= 0 ? pick(terminals, text, i, r) : null;
          if (t) offer(end, key.length, t, t.cite && end === r);
        }
        const read = next(r, last);
        if (!read) continue;
        const [c, at] = read;
        if (k < key.length && c === key.charCodeAt(k)) ways.push([k + 1, at + 1, c]);
        // a word inside the key written with -s or -es, then a space: "writs of mandamus"
        if (key[k] === ' ' && k > 1 && isWordCode(last)) {
          if (c === S && space(at + 1)) ways.push([k, at + 1, S]);
          if (c === 101 && fold(at + 1) === S && space(at + 2)) ways.push([k, at + 2, S]);
        }
        // a last letter changed: "cit|ies", "jue|ces"
        const changed = (key[k] === 'y' && c === 105) || (key[k] === 'z' && c === 99);
        if (changed && fold(at + 1) === 101 && fold(at + 2) === S) {
          if (k === key.length - 1 && !word(at + 3)) {
            const t = terminals.find((x) => x.cased === null);
            if (t) offer(acceptEnd(text, at + 3, false), key.length, t, false);
          }
          if (key[k + 1] === ' ' && space(at + 3)) ways.push([k + 1, at + 3, S]);
        }
      }
    }
    if (!best) return null;
    const found = best as { end: number; id: string | null; cite: boolean };
    let end = found.end;
    if (found.cite) {
      // a cite runs on over subsection groups: "(1)(A)"
      for (;;) {
        let k = end;
        while (k < text.length && foldCode(text.charCodeAt(k)) === SPACE) k++;
        const g = GROUP.exec(text.slice(k, k + 6));
        if (!g) break;
        end = k + g[0].length;
      }
    }
    return { end, id: found.id };
  }
}

function acceptEnd(text: string, end: number, wordEnd: boolean): number {
  const word = (k: number) => k < text.length && isWordCode(text.charCodeAt(k));
  if (end < text.length && isJoiner(text.charCodeAt(end)) && word(end + 1)) return -1;
  // a form or docket number: letters, a hyphen, a digit ("EOIR-33")
  if (/^[-\u2010-\u2015\u2212]\d/.test(text.slice(end, end + 2)) && /[\p{L}]/u.test(text[end - 1] ?? '')) return -1;
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
