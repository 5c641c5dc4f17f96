// Readability formulas used by the glossary tests: Flesch–Kincaid grade (English) and
// Fernández-Huerta readability (Spanish), with the syllable counters they need.

export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const SENTENCE_END = /([\p{L}\p{N}]*)[)"”’]*([.!?;:]+)[)"”’]*(?=\s+[¿¡"“(\p{Lu}\p{N}]|\s*$)/gu;
const ABBREVIATION = /^(?:\p{Lu}{1,2}|v|vs|etc|Sr|Sra|Dr|Dra|No|núm|art|Inc|Co|St|Jr)$/u;

/**
 * Sentences end at . ! ? ; : before a capital (or the end); a period after an abbreviation
 * ("EE. UU.", "U.S.", "v.") does not end one. A text without any end still has one sentence.
 */
export function countSentences(text: string): number {
  let n = 0;
  for (const m of text.trim().matchAll(SENTENCE_END)) {
    if (m[2] === '.' && ABBREVIATION.test(m[1]) && m.index + m[0].length < text.trim().length) continue;
    n++;
  }
  return Math.max(1, n);
}

export function words(text: string): string[] {
  return text.replace(/(\p{L})\.(?=\p{L}\.)/gu, '$1').match(WORD) ?? [];
}

/** English syllables by vowel groups, with the usual silent-e and -ed/-es corrections. */
export function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return /\d/.test(word) ? Math.max(1, Math.ceil(word.replace(/\D/g, '').length / 2)) : 0;
  if (w.length <= 3) return 1;
  // silent endings: "makes", "used", "rate" (but "judges", "boxes", "started" keep their extra syllable)
  if (/[^aeiouy]es$/.test(w) && !/(?:[sxzcg]|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^aeiouytd]ed$/.test(w)) w = w.slice(0, -2);
  else w = w.replace(/[^laeiouy]e$/, (m) => m[0]);
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]+/g);
  let n = groups ? groups.length : 1;
  // "-ia" and "-ua" usually split (media, actual), but not in "-cial", "-tial", "-sia", "-gia"
  n += (w.match(/[^aeiouctsg]ia|[^aeiouqg]u[ao]/g) ?? []).length;
  return Math.max(1, n);
}

const STRONG = new Set([...'aeoáéóíú']);
const VOWEL = new Set([...'aeiouáéíóúü']);

/** Spanish syllables: one per vowel nucleus; diphthongs (weak + any vowel) are one, hiatus (two strong) two. */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '');
  if (!w) return /\d/.test(word) ? Math.max(1, Math.ceil(word.replace(/\D/g, '').length / 2)) : 0;
  let n = 0;
  let prevVowel = '';
  for (let i = 0; i < w.length; i++) {
    let c = w[i];
    // the u of "que, qui, gue, gui" is silent
    if (c === 'u' && (w[i - 1] === 'q' || w[i - 1] === 'g') && (w[i + 1] === 'e' || w[i + 1] === 'i' || w[i + 1] === 'é' || w[i + 1] === 'í')) {
      prevVowel = '';
      continue;
    }
    // final y after a vowel ("hoy", "ley") belongs to that vowel's syllable
    if (c === 'y' && !VOWEL.has(w[i + 1] ?? '')) {
      if (!prevVowel && i === w.length - 1) n++; // "y" on its own
      prevVowel = '';
      continue;
    }
    if (!VOWEL.has(c)) {
      prevVowel = '';
      continue;
    }
    if (!prevVowel) n++;
    else if (STRONG.has(c) && STRONG.has(prevVowel)) n++; // hiatus: le-er, po-e-ta, dí-a
    c = c === 'ü' ? 'u' : c;
    prevVowel = c;
  }
  return Math.max(1, n);
}

export function countText(text: string, syllables: (w: string) => number): TextCounts {
  const ws = words(text);
  return {
    words: ws.length,
    sentences: countSentences(text),
    syllables: ws.reduce((sum, w) => sum + syllables(w), 0),
  };
}

/** Flesch–Kincaid grade level (Kincaid et al., 1975): 0.39·words/sentence + 11.8·syllables/word − 15.59. */
export function fleschKincaidGrade({ words, sentences, syllables }: TextCounts): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Flesch reading ease (1948), for cross-checking the counts against published examples. */
export function fleschReadingEase({ words, sentences, syllables }: TextCounts): number {
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

/**
 * Fernández-Huerta readability (1959) in its corrected form (Gwillim Law, 2011; legible.es):
 * 206.84 − 0.60·P − 1.02·F, with P = syllables per 100 words and F = words per sentence.
 */
export function fernandezHuerta({ words, sentences, syllables }: TextCounts): number {
  return 206.84 - 0.6 * ((syllables / words) * 100) - 1.02 * (words / sentences);
}

export const gradeEnglish = (text: string) => fleschKincaidGrade(countText(text, englishSyllables));
export const scoreSpanish = (text: string) => fernandezHuerta(countText(text, spanishSyllables));
