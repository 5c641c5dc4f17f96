// The matcher index: what the content script carries per alias, so every byte counts. packIndex writes it at
// build time, readIndex reads it at start-up. Aliases the matcher derives at start-up from another alias of
// the same term (variants.ts, plurals, subsection groups) are left out, and the rest is front-coded, with
// frequent words replaced by one character each.
import { isWordCode, normalizeText } from './normalize.ts';
import { derivedKeys, formKeys, isCiteKey } from './variants.ts';

/** One alias for packIndex: [alias as written, term id, 1 if it matches only in the case written (acronyms)]. */
export type MatcherEntry = [alias: string, id: string, exact: 0 | 1];

/**
 * The shipped index. `aliases` is one string: a format letter, the digit alphabet (its length as one
 * character, code 32 + length, then the characters: printable ASCII other than letters, digits and space
 * that no alias uses, so a digit always starts a line and no separator is needed), the number of digits of a line's code, then the lines, sorted
 * by normalised alias and front-coded. A line is one digit for the length of the prefix it shares with the
 * line before, the code's digits — term number × 3 + case — and the rest of the alias. Case: 0 any;
 * 1 capitals only (the alias is its key in upper case); 2 mixed (the next entry of `cased`). Term number
 * `ids.length` marks a swallowed name: matched and consumed, never shown. In `aliases`, the character at code `words[0]` + 1 + i
 * stands for the i-th space-separated word after `words[0]`.
 */
export interface MatcherIndex {
  ids: string[];
  aliases: string;
  words: string;
  cased: string[];
}

const FORMAT = 'c';
/** Printable ASCII that never needs an escape in a JavaScript string, letters, digits and space left out. */
const PRINTABLE = [...'!#$%&()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_{|}~'];
const CASE_UPPER = 1;
const CASE_MIXED = 2;
/** Dictionary words are runs of 4+ letters; each is worth a code only if it saves bytes. */
const WORD = /[a-z]{4,}/g;

/** One alias of the index: what the matcher needs to know about it. */
export interface IndexLine {
  key: string;
  /** term number; `ids.length` for a swallowed name */
  term: number;
  /** the alias normalised with its case kept; set only for exact-case aliases */
  cased: string | null;
  /** how many leading characters the line shares with the line before it in the index */
  shared: number;
}

const NO_VARIANTS: { key: string; cased: string | null }[] = [];

/**
 * The forms the matcher derives from a line at start-up, the line's own excluded: for a case-free alias,
 * derivedKeys ("EE. UU."); for an exact-case form number ("I-485"), "Form I-485", "Formulario I-485" and
 * "Forma I-485" in any case.
 */
export function lineVariants(line: IndexLine): { key: string; cased: string | null }[] {
  const keys = line.cased === null ? derivedKeys(line.key) : formKeys(line.key);
  return keys.length ? keys.map((key) => ({ key, cased: null })) : NO_VARIANTS;
}

/** Every key the matcher reads an alias as: its normalised key and the forms derived from it at start-up. */
export function aliasForms(alias: string, exact: 0 | 1): string[] {
  const key = normalizeText(alias);
  if (!key) return [];
  const line: IndexLine = { key, term: 0, cased: exact ? normalizeText(alias, true) : null, shared: 0 };
  return [key, ...lineVariants(line).map((v) => v.key)];
}

const GROUPS = /^(\((?:[a-z]{1,4}|\d{1,3})\))+$/;

/** Whether `word` is `base` or a plural the scan accepts for it: -s, -es, -y → -ies, -z → -ces. */
function pluralOf(word: string, base: string): boolean {
  if (word === base) return true;
  if (!isWordCode(base.charCodeAt(base.length - 1))) return false;
  if (word === `${base}s` || word === `${base}es`) return true;
  const stem = base.slice(0, -1);
  return (base.endsWith('y') && word === `${stem}ies`) || (base.endsWith('z') && word === `${stem}ces`);
}

/** Whether `key` reads as `base` to the scan: the same words, any of them in a plural form. */
function inflectionOf(key: string, base: string): boolean {
  const a = key.split(' ');
  const b = base.split(' ');
  return a.length === b.length && a.every((w, i) => pluralOf(w, b[i]));
}

/** Whether the matcher, given `line`, already finds `other` (and every form of it) with the same term. */
function covers(line: IndexLine, other: IndexLine): boolean {
  if (line.term !== other.term) return false;
  const forms = [{ key: line.key, cased: line.cased }, ...lineVariants(line)];
  const accepted = (key: string, cased: string | null): boolean =>
    forms.some((f) => {
      if (f.cased !== null) return cased === f.cased && key === f.key;
      // what the scan accepts for a key: plurals at any word, subsection groups after a cite
      return inflectionOf(key, f.key) || (isCiteKey(f.key) && key.startsWith(f.key) && GROUPS.test(key.slice(f.key.length)));
    });
  return accepted(other.key, other.cased) && lineVariants(other).every((v) => accepted(v.key, v.cased));
}

/**
 * The lines an index of these aliases (and names to swallow) holds, sorted by key, with the term ids: each
 * normalised alias once, an alias beating a swallowed name with the same key, and without the aliases that
 * another alias of the same term already yields at start-up or in the scan (covers).
 */
export function selectLines(entries: MatcherEntry[], names: [text: string, exact: 0 | 1][] = []): { ids: string[]; lines: IndexLine[] } {
  const ids: string[] = [];
  const number = new Map<string, number>();
  const lines = new Map<string, IndexLine>();
  const add = (text: string, term: number, exact: 0 | 1) => {
    const key = normalizeText(text);
    if (!key) return;
    const cased = exact ? normalizeText(text, true) : null;
    const at = `${key}\u0000${cased}`;
    const known = lines.get(at);
    if (known && known.term < term) return; // a term's alias beats a swallowed name
    lines.set(at, { key, term, cased, shared: 0 });
  };
  for (const [, id] of entries) {
    if (!number.has(id)) {
      number.set(id, ids.length);
      ids.push(id);
    }
  }
  for (const [alias, id, exact] of entries) add(alias, number.get(id)!, exact);
  for (const [text, exact] of names) add(text, ids.length, exact);

  // shortest first, so a base is kept and its forms dropped
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
  return { ids, lines: kept };
}

/**
 * Packs aliases (and names to swallow) into the shipped index (see MatcherIndex and selectLines). Throws if
 * the aliases use so many characters that fewer than 16 are left for digits.
 */
export function packIndex(entries: MatcherEntry[], names: [text: string, exact: 0 | 1][] = []): MatcherIndex {
  const { ids, lines: kept } = selectLines(entries, names);

  // digits: printable ASCII that no key uses
  const used = new Set(kept.flatMap((l) => [...l.key]));
  const digits = PRINTABLE.filter((c) => !used.has(c));
  if (digits.length < 16) throw new Error(`matcher index: the aliases leave only ${digits.length} characters for digits`);
  const base = digits.length;
  let width = 1;
  for (let top = base; top <= (ids.length + 1) * 3; top *= base) width++;

  const cased: string[] = [];
  let body = '';
  let previous = '';
  for (const line of kept) {
    let shared = 0;
    while (shared < base - 1 && shared < line.key.length && shared < previous.length && line.key[shared] === previous[shared]) shared++;
    previous = line.key;
    const mode = line.cased === null ? 0 : line.cased === line.key.toUpperCase() && line.cased.toLowerCase() === line.key ? CASE_UPPER : CASE_MIXED;
    if (mode === CASE_MIXED) cased.push(line.cased!);
    let code = line.term * 3 + mode;
    let head = '';
    for (let d = 0; d < width; d++, code = Math.floor(code / base)) head = digits[code % base] + head;
    body += digits[shared] + head + line.key.slice(shared);
  }

  // frequent words: one character each, from the first code above every character the keys use
  const counts = new Map<string, number>();
  for (const w of body.match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  const first = Math.max(0xff, ...[...used].map((c) => c.charCodeAt(0))) + 1;
  const words = [...counts]
    .map(([w, n]) => [w, n * (w.length - 2) - w.length - 1] as const)
    .filter(([, gain]) => gain > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 0x800 - first > 0 ? 0x800 - first : 0)
    .map(([w]) => w);
  const code = new Map(words.map((w, i) => [w, String.fromCharCode(first + i)]));
  body = body.replace(WORD, (w) => code.get(w) ?? w);
  return {
    ids,
    aliases: `${FORMAT}${String.fromCharCode(32 + base)}${digits.join('')}${digits[width]}${body}`,
    words: `${String.fromCharCode(first)}${words.join(' ')}`,
    cased,
  };
}

/** The lines of an index, in order. Throws on an index of an unknown format. */
export function readIndex(index: MatcherIndex): IndexLine[] {
  let text = index.aliases;
  if (!text) return [];
  if (text[0] !== FORMAT) throw new Error(`matcher index: unknown format "${text[0]}"`);
  const base = text.charCodeAt(1) - 32;
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < base; i++) value[text.charCodeAt(2 + i)] = i;
  const width = value[text.charCodeAt(2 + base)];
  const first = index.words.charCodeAt(0);
  const words = index.words.slice(1).split(' ');
  text = text.slice(3 + base).replace(/[^\0-\xff]/g, (c) => words[c.charCodeAt(0) - first] ?? c);
  // a line: its digits, then characters that are not digits
  const digits = text.length ? index.aliases.slice(2, 2 + base).replace(/[\\\]^-]/g, '\\$&') : '';
  const out: IndexLine[] = [];
  let previous = '';
  let mixed = 0;
  for (const line of text.match(new RegExp(`[${digits}]{${1 + width}}[^${digits}]*`, 'g')) ?? []) {
    const shared = value[line.charCodeAt(0)];
    let code = 0;
    for (let d = 1; d <= width; d++) code = code * base + value[line.charCodeAt(d)];
    const key = previous.slice(0, shared) + line.slice(1 + width);
    previous = key;
    const mode = code % 3;
    const cased = mode === CASE_UPPER ? key.toUpperCase() : mode === CASE_MIXED ? index.cased[mixed++] : null;
    out.push({ key, term: (code - mode) / 3, cased, shared });
  }
  return out;
}

/** The (normalised) aliases of an index with their ids, swallowed names left out, e.g. for tests and tools. */
export function unpackIndex(index: MatcherIndex): [key: string, id: string, exact: 0 | 1][] {
  return readIndex(index)
    .filter((l) => l.term < index.ids.length)
    .map((l) => [l.key, index.ids[l.term], l.cased === null ? 0 : 1]);
}
