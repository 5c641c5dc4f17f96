// The readability formulas, each checked against a published worked example, and the syllable counters.
import { describe, expect, it } from 'vitest';
import {
  countSentences, countText, englishSyllables, fernandezHuerta, fleschKincaidGrade, fleschReadingEase, spanishSyllables,
} from '@/glossary/build/readability';

describe('Flesch–Kincaid', () => {
  // Wikipedia, "Flesch–Kincaid readability tests": "The Australian platypus is seemingly a hybrid of a mammal
  // and reptilian creature" has 13 words and 26 syllables: reading ease 24.4, grade level 13.1.
  const platypus = 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';

  it('counts the worked example as published (13 words, 26 syllables, 1 sentence)', () => {
    expect(countText(platypus, englishSyllables)).toEqual({ words: 13, sentences: 1, syllables: 26 });
  });

  it('gives grade 13.1 and reading ease 24.4 for it', () => {
    const counts = countText(platypus, englishSyllables);
    expect(fleschKincaidGrade(counts)).toBeCloseTo(13.1, 1);
    expect(fleschReadingEase(counts)).toBeCloseTo(24.4, 1);
  });

  it.each([
    ['cat', 1], ['table', 2], ['simple', 2], ['creature', 2], ['reptilian', 4], ['Australian', 4],
    ['immigration', 4], ['racial', 2], ['nation', 2], ['media', 3], ['actual', 3], ['court', 1], ['judges', 2], ['makes', 1], ['started', 2], ['used', 1], ['boxes', 2],
  ])('counts %s as %i syllables', (word, n) => {
    expect(englishSyllables(word)).toBe(n);
  });
});

describe('Fernández-Huerta', () => {
  // Corrected formula (Gwillim Law, LINGUIST List 22.2332, 2011; legible.es): 206.84 − 0.60·P − 1.02·F with
  // P = syllables per 100 words and F = words per sentence. Worked example from the FernandezHuerta test of
  // the PHP text-statistics suite: 12 words, 3 sentences, 18 syllables → 206.84 − 1.02·4 − 60·1.5 = 112.76.
  it('matches the published worked example', () => {
    expect(fernandezHuerta({ words: 12, sentences: 3, syllables: 18 })).toBeCloseTo(112.76, 2);
  });

  it('rewards short sentences and short words, unlike the uncorrected formula', () => {
    const short = fernandezHuerta(countText('El gato duerme. El perro juega.', spanishSyllables));
    const long = fernandezHuerta(countText('La sostenibilidad de las negociaciones diplomáticas internacionales requiere compromiso.', spanishSyllables));
    expect(short).toBeGreaterThan(long);
  });

  it.each([
    ['casa', 2], ['sol', 1], ['camión', 2], ['ciudadanía', 5], ['inmigración', 4], ['poeta', 3], ['aéreo', 4],
    ['queso', 2], ['guerra', 2], ['hoy', 1], ['ley', 1], ['país', 2], ['pingüino', 3], ['y', 1], ['juez', 1],
  ])('counts %s as %i syllables', (word, n) => {
    expect(spanishSyllables(word)).toBe(n);
  });
});

describe('sentences', () => {
  it.each([
    ['One. Two! Three?', 3],
    ['Es la ley de EE. UU. sobre inmigración.', 1],
    ['The U.S. Supreme Court ruled. It was 2012.', 2],
    ['Whren v. United States is a case.', 1],
    ['no end mark', 1],
  ])('%j has %i', (text, n) => {
    expect(countSentences(text)).toBe(n);
  });
});
