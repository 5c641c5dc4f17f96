// The matcher index: what the content script carries per alias, so every byte counts. packIndex writes it at
// build time, readIndex reads it at start-up. Aliases the matcher derives at start-up from another alias of
// the same term (variants.ts, plurals, subsection groups) are left out; the rest is plain text grouped by term
// and front-coded, a layout that deflate (glossary/build/shipped-glossary.ts) shrinks well.
import { isWordCode, normalizeText } from './normalize.ts';
import { derivedKeys, formKeys, isCiteKey } from './variants.ts';

/** One alias for packIndex: [alias as written, term id, 1 if it matches only in the case written (acronyms)]. */
export type MatcherEntry = [alias: string, id: string, exact: 0 | 1];

/**
 * The matcher index. `lines` is a format letter, then one group of lines per term in the order of `ids`,
 * then one group for the swallowed names (matched and consumed, never shown); each group ends with "\0". A
 * line is a marker, a control character from \x01 to \x1e that says how many leading characters (0–29)
 * the line shares with the line before it in its group, then the rest of the alias. A line with capitals is
 * an exact-case alias written in its case (its key is its lower case); a line without capitals is a
 * case-free alias, unless \x1f comes before its marker (an exact-case alias with no capitals, "§ 1983").
 * Keys are normalised (normalizeText), so they never hold a control character.
 */
export interface MatcherIndex {
  ids: string[];
  lines: string;
}

const FORMAT = 'd';
/** A line's marker is MARKER + the characters it shares with the line before (at most MAX_SHARED). */
const MARKER = 1;
const MAX_SHARED = 29;
/** Before a marker: the line is an exact-case alias although it has no capitals. */
const EXACT = '\x1f';
const GROUP_END = '\0';

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
 * Packs aliases (and names to swallow) into a matcher index (see MatcherIndex and selectLines). Throws if an
 * exact-case alias's key is not its cased form in lower case (a character whose case changes its length).
 */
export function packIndex(entries: MatcherEntry[], names: [text: string, exact: 0 | 1][] = []): MatcherIndex {
  const { ids, lines } = selectLines(entries, names);
  const groups: string[][] = Array.from({ length: ids.length + 1 }, () => []);
  for (const line of lines) {
    const text = line.cased ?? line.key;
    if (text.toLowerCase() !== line.key) throw new Error(`matcher index: "${text}" cannot be written in its case (its key is "${line.key}")`);
    groups[line.term].push((line.cased !== null && line.cased === line.key ? EXACT : '') + text);
  }
  let out = FORMAT;
  for (const group of groups) {
    let previous = '';
    let previousKey = '';
    for (const line of group.sort(byText)) {
      const exact = line[0] === EXACT;
      const text = exact ? line.slice(1) : line;
      // shared as written and as keys (readIndex lower-cases a line whole; the trie follows keys)
      const key = text.toLowerCase();
      let shared = 0;
      while (shared < MAX_SHARED && shared < text.length && shared < previous.length && text[shared] === previous[shared] && key[shared] === previousKey[shared]) shared++;
      out += `${exact ? EXACT : ''}${String.fromCharCode(MARKER + shared)}${text.slice(shared)}`;
      previous = text;
      previousKey = key;
    }
    out += GROUP_END;
  }
  return { ids, lines: out };
}

/** Lines of a group in the order of their text (an exact mark left out), so neighbours share a prefix. */
function byText(a: string, b: string): number {
  const x = a[0] === EXACT ? a.slice(1) : a;
  const y = b[0] === EXACT ? b.slice(1) : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

const LINE = /(\x1f?)([\x01-\x1e])([^\0-\x1f]*)|\0/g;

/**
 * The lines of an index, in order. Throws on an index of an unknown format, a line that shares more than the
 * line before it has, or a group count that does not fit the ids.
 */
export function readIndex(index: MatcherIndex): IndexLine[] {
  const text = index.lines;
  if (!text) return [];
  if (text[0] !== FORMAT) throw new Error(`matcher index: unknown format "${text[0]}"`);
  const out: IndexLine[] = [];
  let term = 0;
  let previous = '';
  LINE.lastIndex = 1;
  let read = 1;
  for (let m; (m = LINE.exec(text)) !== null; read = LINE.lastIndex) {
    if (m.index !== read) break;
    if (m[0] === GROUP_END) {
      term++;
      previous = '';
      continue;
    }
    const shared = m[2].charCodeAt(0) - MARKER;
    if (shared > previous.length) throw new Error(`matcher index: line ${out.length + 1} shares ${shared} characters with a line of ${previous.length}`);
    const written = previous.slice(0, shared) + m[3];
    previous = written;
    const key = written.toLowerCase();
    out.push({ key, term, cased: m[1] || key !== written ? written : null, shared });
  }
  if (read !== text.length) throw new Error(`matcher index: unreadable at character ${read}`);
  if (term !== index.ids.length + 1) throw new Error(`matcher index: ${term} groups for ${index.ids.length} terms and the names`);
  return out;
}

/** The (normalised) aliases of an index with their ids, swallowed names left out, e.g. for tests and tools. */
export function unpackIndex(index: MatcherIndex): [key: string, id: string, exact: 0 | 1][] {
  return readIndex(index)
    .filter((l) => l.term < index.ids.length)
    .map((l) => [l.key, index.ids[l.term], l.cased === null ? 0 : 1]);
}
