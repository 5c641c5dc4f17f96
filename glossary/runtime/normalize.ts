// Text normalisation shared by the matcher (run time) and the compiler (alias collisions).
// It folds what authors write differently but readers take as the same: case, accents, hyphen vs. space,
// curly quotes, any run of white space, "U.S.C." vs "USC", "287 (g)" vs "287(g)", "§ 1983" vs "§1983", and
// "8 U.S.C. § 1357" vs "8 U.S.C. 1357" (a "§" counts only as the first character).
// Every character folds to one character (or to nothing), so the matcher can fold while it scans.

import { lazyRegExp } from './unicode-classes.ts';

/** A folded code of 0 means the character vanishes (dots, soft hyphens, zero-width characters). */
export const SKIP = 0;
/** Every kind of white space, hyphen and dash folds to a plain space. */
export const SPACE = 32;
export const SECTION_SIGN = 0xa7;
export const OPEN_PAREN = 40;

const LETTER_OR_DIGIT = lazyRegExp('[\\p{L}\\p{N}]', 'u');
const MARKS = lazyRegExp('\\p{M}', 'gu');
const wordCache = new Map<number, boolean>();
const foldCache = new Map<number, number>();
const casedCache = new Map<number, number>();

/** ASCII folds, by code: lower case, with the space, dash and dot rules applied. */
export const ASCII_FOLD = new Uint8Array(128);
const ASCII_CASED = new Uint8Array(128);
/** 1 for ASCII letters and digits. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  let f = c;
  if (c === 9 || c === 10 || c === 12 || c === 13 || c === 32 || c === 45) f = SPACE;
  else if (c === 46) f = SKIP;
  ASCII_CASED[c] = f;
  ASCII_FOLD[c] = f >= 65 && f <= 90 ? f + 32 : f;
}

/** True for Unicode letters and digits: the characters a word boundary separates. */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let known = wordCache.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT().test(String.fromCharCode(code));
    wordCache.set(code, known);
  }
  return known;
}

function foldWide(code: number, keepCase: boolean): number {
  // white space, including no-break, narrow and ideographic spaces and line separators
  if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
      code === 0x202f || code === 0x205f || code === 0x3000) return SPACE;
  // hyphens, dashes and minus signs count as a space: "civil‑rights" = "civil rights"
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return SPACE;
  // soft hyphens and zero-width characters vanish
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return SKIP;
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032 || code === 0x02bc) return 39; // '
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) return 34; // "
  const cache = keepCase ? casedCache : foldCache;
  let out = cache.get(code);
  if (out === undefined) {
    // strip accents: "ó" → "o"; a character that decomposes to several letters keeps its first one
    let base = String.fromCharCode(code).normalize('NFD').replace(MARKS(), '');
    if (!keepCase) base = base.toLowerCase();
    out = base.length ? base.charCodeAt(0) : SKIP;
    cache.set(code, out);
  }
  return out;
}

/** The folded form of one UTF-16 code unit: lower case, no accent (0 = vanishes, 32 = space). */
export function foldCode(code: number): number {
  return code < 128 ? ASCII_FOLD[code] : foldWide(code, false);
}

/** Like foldCode, but keeps upper and lower case apart (for acronyms). */
export function foldCodeCased(code: number): number {
  return code < 128 ? ASCII_CASED[code] : foldWide(code, true);
}

/**
 * The normalised form of a whole string: folded characters, runs of space collapsed, no space after "§"
 * or before "(", no "§" but a first one, no space at either end. The matcher applies the same rules while
 * it scans from the start of a possible match.
 */
export function normalizeText(input: string, keepCase = false): string {
  const fold = keepCase ? foldCodeCased : foldCode;
  const codes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = fold(input.charCodeAt(i));
    // "§" names a section only at the start: "8 U.S.C. § 1357" = "8 U.S.C. 1357", but "§ 1983" ≠ "1983"
    if (c === SKIP || (c === SECTION_SIGN && codes.length)) continue;
    const last = codes.length ? codes[codes.length - 1] : SPACE;
    if (c === SPACE) {
      if (last !== SPACE && last !== SECTION_SIGN) codes.push(SPACE);
      continue;
    }
    if (c === OPEN_PAREN && codes.length && last === SPACE) codes.pop();
    codes.push(c);
  }
  while (codes.length && codes[codes.length - 1] === SPACE) codes.pop();
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The key two aliases collide on: what the matcher would treat as the same words. */
export function aliasKey(alias: string): string {
  return normalizeText(alias);
}
