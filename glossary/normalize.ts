// Text normalisation shared by the matcher (run time) and the compiler (alias collisions).
// It folds what authors write differently but readers take as the same: case, accents, hyphen vs. space,
// curly quotes, any run of white space, "U.S.C." vs "USC", "287 (g)" vs "287(g)", "§ 1983" vs "§1983".
// `map[i]` is the index in the input of normalised character i, so matches map back to the page's text.

export interface Normalized {
  text: string;
  map: Int32Array;
}

const SPACE = 32;
const SKIP = -1;
const foldCache = new Map<number, string>();
const casedCache = new Map<number, string>();
const wordCache = new Map<number, boolean>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for Unicode letters and digits: the characters a word boundary separates. */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  let known = wordCache.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    wordCache.set(code, known);
  }
  return known;
}

function classify(code: number): number {
  // white space, including no-break and narrow spaces and line separators
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0 || code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
      code === 0x205f || code === 0x3000) return SPACE;
  // hyphens and dashes count as a space: "civil-rights" = "civil rights", "I-485" = "I 485"
  if (code === 45 || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return SPACE;
  // dots vanish ("U.S.C." = "USC"); zero-width characters and soft hyphens vanish
  if (code === 46 || code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0xfeff) return SKIP;
  return code;
}

function fold(code: number, keepCase: boolean): string {
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032 || code === 0x02bc) return "'";
  if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) return '"';
  const cache = keepCase ? casedCache : foldCache;
  let out = cache.get(code);
  if (out === undefined) {
    const stripped = String.fromCharCode(code).normalize('NFD').replace(/\p{M}/gu, '');
    out = keepCase ? stripped : stripped.toLowerCase();
    cache.set(code, out);
  }
  return out;
}

export function normalizeText(input: string, keepCase = false): Normalized {
  const codes: number[] = [];
  const map: number[] = [];
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const code = classify(input.charCodeAt(i));
    if (code === SKIP) continue;
    const last = codes.length ? codes[codes.length - 1] : SPACE;
    if (code === SPACE) {
      // collapse runs; no space right after "§"
      if (last === SPACE || last === 0xa7) continue;
      codes.push(SPACE);
      map.push(i);
      continue;
    }
    if (code === 40 /* ( */ && codes.length && last === SPACE) {
      // "287 (g)" = "287(g)"
      codes.pop();
      map.pop();
    }
    if (code < 128) {
      codes.push(!keepCase && code >= 65 && code <= 90 ? code + 32 : code);
      map.push(i);
      continue;
    }
    const folded = fold(code, keepCase);
    for (let k = 0; k < folded.length; k++) {
      codes.push(folded.charCodeAt(k));
      map.push(i);
    }
  }
  const out = new Int32Array(map.length + 1);
  out.set(map);
  out[map.length] = n;
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return { text, map: out };
}

/** The key two aliases collide on: what the matcher would treat as the same words. */
export function aliasKey(alias: string): string {
  return normalizeText(alias).text.trim();
}
