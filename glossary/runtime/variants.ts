// Alias variants the matcher derives at start-up, so the glossary and the shipped index need not list them:
// phrase plurals (English "notices to appear", Spanish "jurisdicciones no cooperantes"), "Estados Unidos" and
// its abbreviations ("EE. UU.", "EE.UU.", "EEUU"), and "U.S.C. § 1983" with or without "§". Every function
// here works on normalised keys (normalizeText: lower case, no accents, one space between words, no space
// after "§" or before "("), and each variant has the same length-preserving relation to its cased form
// that the key has, so exact-case aliases can follow the same edits.

/** The language rule for a phrase plural, chosen at build time from the alias's language. */
export type PluralRule = 'en' | 'es';

/** English words after which a noun phrase's head is followed by its complement: "notice to appear". */
const EN_PREPOSITIONS = new Set(['of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'under', 'against', 'into', 'about', 'before']);
/** Spanish words that end the inflected part of a phrase: "órdenes de deportación", not "órdenes de deportaciones". */
const ES_STOPS = new Set([
  'de', 'del', 'para', 'por', 'en', 'a', 'al', 'con', 'sin', 'sobre', 'contra', 'bajo', 'ante', 'entre', 'hasta',
  'desde', 'segun', 'hacia', 'que', 'v',
]);
/** Spanish words inside the inflected part that do not change: "no cooperante", "razonable y articulable". */
const ES_KEEP = new Set(['no', 'y', 'e', 'o', 'u', 'muy', 'mas', 'el', 'la', 'los', 'las']);
/** Nouns used in apposition, which stay singular in the plural: "ciudades santuario", "palabras clave". */
const ES_APPOSITION = new Set(['santuario', 'clave', 'piloto', 'modelo', 'tipo', 'limite', 'marco']);

const LETTERS = /^[a-z]+$/;

function englishPlural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** The Spanish plural of a folded word (accents are folded, so "jurisdicción" → "jurisdicciones" needs none). */
function spanishPlural(word: string): string | null {
  if (/[sx]$/.test(word)) return null; // already plural or invariable: "derechos", "estatus", "crisis"
  if (word.endsWith('z')) return `${word.slice(0, -1)}ces`; // "juez" → "jueces"
  if (/[aeiou]$/.test(word)) return `${word}s`;
  return `${word}es`; // "orden" → "órdenes", "perfil" → "perfiles", "ley" → "leyes"
}

/**
 * The plural of a multi-word phrase where a word other than the last changes, with the indexes of the words
 * that change; null for a single word or a phrase whose only change is its last word (the matcher's -s/-es
 * and -z → -ces rule covers those). Words with digits end the phrase's inflected part.
 * English: the word before the first preposition ("writs of mandamus", "final orders of removal").
 * Spanish: every word up to the first preposition, nouns and adjectives alike ("perfiles raciales",
 * "jurisdicciones no cooperantes", "órdenes de deportación"), except nouns in apposition that stay singular
 * ("ciudades santuario"); phrases that open with a verb ("agotar la vía…", "pedir asilo") have none.
 */
export function phrasePlural(key: string, rule: PluralRule): { text: string; changed: number[] } | null {
  const words = key.split(' ');
  if (words.length < 2) return null;
  if (rule === 'en') {
    const at = words.findIndex((w, i) => i > 0 && EN_PREPOSITIONS.has(w));
    if (at < 1) return null;
    const head = words[at - 1];
    if (!LETTERS.test(head) || head.length < 3 || /(s|ed|ing)$/.test(head)) return null;
    words[at - 1] = englishPlural(head);
    return { text: words.join(' '), changed: [at - 1] };
  }
  if (/(ar|er|ir)$/.test(words[0])) return null;
  const changed: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (ES_STOPS.has(w) || !LETTERS.test(w)) break;
    if (ES_KEEP.has(w) || ES_APPOSITION.has(w) || w.length < 3) continue;
    const plural = spanishPlural(w);
    if (plural === null) continue;
    words[i] = plural;
    changed.push(i);
  }
  if (!changed.length || changed[0] === words.length - 1) return null;
  return { text: words.join(' '), changed };
}

const US_TOKEN = /(^| )(los )?(estados unidos|ee uu|eeuu)(?= |$)/;
const US_FORMS = ['estados unidos', 'ee uu', 'eeuu'];

/**
 * "Estados Unidos" and its abbreviations, both ways: "tribunal supremo de los estados unidos" also gives
 * "tribunal supremo de ee uu" ("EE. UU."), "... de eeuu" ("EE.UU.", "EEUU"), with and without "los".
 */
export function abbreviationVariants(key: string): string[] {
  const m = US_TOKEN.exec(key);
  if (!m) return [];
  const before = key.slice(0, m.index + m[1].length);
  const after = key.slice(m.index + m[0].length);
  const out: string[] = [];
  for (const article of ['', 'los ']) {
    for (const form of US_FORMS) {
      const v = `${before}${article}${form}${after}`;
      if (v !== key) out.push(v);
    }
  }
  return out;
}

const CITE_SIGN = /(^| )(usc|cfr|ina) (§?)(?=\d)/;

/**
 * "8 U.S.C. § 1357(g)" and "8 U.S.C. 1357(g)" name the same section: the same key with "§" added or
 * removed after "usc", "cfr" or "ina". Returns [position, inserted?] so a cased form can follow the edit.
 */
export function citeSignEdit(key: string): { at: number; insert: boolean } | null {
  const m = CITE_SIGN.exec(key);
  if (!m) return null;
  const at = m.index + m[0].length - m[3].length;
  return { at, insert: m[3] === '' };
}

/** Applies a citeSignEdit to the key or to its cased form (same length, same positions). */
export function applyCiteSignEdit(text: string, edit: { at: number; insert: boolean }): string {
  return edit.insert ? `${text.slice(0, edit.at)}§${text.slice(edit.at)}` : text.slice(0, edit.at) + text.slice(edit.at + 1);
}

/** Keys that may have a variant besides a plural: one test per alias at start-up, most answer no. */
const VARIANT_HINT = /estados unidos|ee ?uu|(?:usc|cfr|ina) /;
const NONE: string[] = [];

/**
 * Every key the matcher derives from one alias key, the key itself excluded: the phrase plurals (when the
 * build chose a rule), then "Estados Unidos" forms of each, then the "§" form of each.
 */
export function derivedKeys(key: string, plural: PluralRule | null): string[] {
  if (!plural && !VARIANT_HINT.test(key)) return NONE;
  const p = plural ? phrasePlural(key, plural) : null;
  const base = p ? [key, p.text] : [key];
  const withUs = [...base];
  for (const k of base) withUs.push(...abbreviationVariants(k));
  const out = [...withUs];
  for (const k of withUs) {
    const edit = citeSignEdit(k);
    if (edit) out.push(applyCiteSignEdit(k, edit));
  }
  return [...new Set(out)].filter((k) => k !== key);
}

/** A subsection group a cite may carry after its section number: "(1)", "(g)", "(A)", "(iii)". */
export const SUBSECTION = /^\((?:[a-z]{1,4}|\d{1,3})\)/i;

/**
 * Whether an alias key is a statute or rule cite whose match extends over trailing subsection groups
 * ("5 U.S.C. § 706" also covers "5 U.S.C. § 706(1)"): it ends in a section number (with any groups), and
 * names a section ("§", "U.S.C.", "CFR", "INA", "section", "sección", "rule", "regla") or is a bare
 * number with a group ("287(g)"). Case-reporter cites ("392 U.S. 1") are not: "(1968)" is a year.
 */
export function isCiteKey(key: string): boolean {
  const last = key.charCodeAt(key.length - 1);
  const digit = (c: number) => c >= 48 && c <= 57;
  // ends in a digit, a ")" or a digit and a letter ("1229a"): anything else is no cite, without a regex
  if (!(digit(last) || last === 41 || (last >= 97 && last <= 122 && digit(key.charCodeAt(key.length - 2))))) return false;
  const m = /(?:^| )(?:(usc|cfr|ina|section|sec|seccion|rule|regla) )?(§?)(\d+[a-z]?)((?:\((?:[a-z]{1,4}|\d{1,3})\))*)$/.exec(key);
  if (!m) return false;
  return Boolean(m[1] || m[2] || m[4]);
}
