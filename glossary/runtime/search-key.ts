// Search keys (run time and build time): the one way a query, a title, an alias, a summary or an article's words
// are folded before they are compared. It starts from the matcher's own normalisation (normalize.ts: case,
// accents, quotes, dashes, dots, "287 (g)" = "287(g)"), then drops what people leave out when they type a legal
// token: "I-485" = "i485" = "I 485", "287(g)" = "287g", "§ 1983" = "1983", "8 U.S.C. § 1357(g)" = "8 usc 1357g".
import { normalizeText } from './normalize.ts';

/** A form prefix glued to its number: "I-485", "EOIR-26", "N 400" → "I485", "EOIR26", "N400". */
const FORM_NUMBER = /(?<![\p{L}\p{N}])(\p{L}{1,4})[-‐‑–\s](?=\p{N})/gu;

/** A citation's bracketed parts: "287(g)", "1447(b)", "1231(a)(5)". */
const CITATION = /\p{N}+(?:\([\p{L}\p{N}]{1,4}\))+/gu;

/** The folded form of `text` for search: lower case, no accents, words separated by single spaces. */
export function searchKey(text: string): string {
  const glued = text
    .replace(FORM_NUMBER, (m, prefix: string) => (FORM_PREFIXES.has(prefix.toLowerCase()) ? prefix : m))
    .replace(/(?<=\p{N})-(?=\p{L}(?![\p{L}\p{N}]))/gu, ''); // "287-g" = "287g"
  return normalizeText(glued) // "287 (g)" → "287(g)"
    .replace(CITATION, (m) => m.replace(/[()]/g, ''))
    .replace(/'s(?![\p{L}\p{N}])/gu, '') // "ICE's" = "ICE"
    .replace(/['"§]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a search key (a key is already folded; "" has none). */
export function keyWords(key: string): string[] {
  return key ? key.split(' ') : [];
}

// prefixes of USCIS, EOIR and State Department form numbers (I-485, N-400, G-28, AR-11, DS-160, EOIR-26)
const FORM_PREFIXES = new Set(['i', 'n', 'g', 'ar', 'ds', 'eoir']);
