// The Unicode property patterns made when first used, and the ASCII shortcuts beside them
// (glossary/runtime/unicode-classes.ts, heads.ts: skipCanSplit): each must answer exactly as the pattern it stands
// in for, on ASCII text and past it.
import { describe, expect, it } from 'vitest';
import { hasWord, lazyRegExp } from '@/glossary/runtime/unicode-classes';
import { skipCanSplit, spacedWords, textWords } from '@/glossary/runtime/heads';
import { compileMatcher, packIndex } from '@/glossary/runtime/matcher';

/** One text per code point of the Basic Multilingual Plane (surrogates aside), and a few past it. */
const everyCharacter = [
  ...Array.from({ length: 0xd800 }, (_, c) => String.fromCharCode(c)),
  ...Array.from({ length: 0x10000 - 0xe000 }, (_, c) => String.fromCharCode(0xe000 + c)),
  '😀', '𝐀', '𠀀',
];

describe('lazyRegExp', () => {
  it('makes its pattern once, on the first call, and hands out that one object', () => {
    let made = 0;
    const Original = globalThis.RegExp;
    const counting = new Proxy(Original, { construct: (target, args) => (made++, Reflect.construct(target, args)) });
    globalThis.RegExp = counting;
    try {
      const word = lazyRegExp('[\\p{L}\\p{N}]+', 'gu');
      expect(made).toBe(0);
      const first = word();
      expect(word()).toBe(first);
      expect(made).toBe(1);
      expect('año 287'.match(first)).toEqual(['año', '287']);
    } finally {
      globalThis.RegExp = Original;
    }
  });

  it('throws a SyntaxError on the first call for a pattern that is not valid', () => {
    const broken = lazyRegExp('[\\p{NoSuchClass}]', 'u');
    expect(() => broken()).toThrow(SyntaxError);
  });
});

describe('hasWord', () => {
  it('finds a letter or digit of any script, and none in punctuation, symbols and spaces', () => {
    for (const text of ['asylum', ' · 287', '\u00a0“Asilo”', '— año', 'убежище', '庇护', '٣', '\u00a0\u2003é']) expect(hasWord(text), text).toBe(true);
    for (const text of ['', ' · ', '\n\t ', '\u00a0“—”\u2003', '→ ★ ©', '(.)']) expect(hasWord(text), JSON.stringify(text)).toBe(false);
  });

  it('answers as /[\\p{L}\\p{N}]/u for every character, alone and after ASCII punctuation', () => {
    const reference = /[\p{L}\p{N}]/u;
    const wrong = everyCharacter.flatMap((c) => [c, `(. ${c}`]).filter((text) => hasWord(text) !== reference.test(text));
    expect(wrong).toEqual([]);
  });
});

describe('skipCanSplit', () => {
  const reference = /[\p{M}\u00ad\u200b-\u200d\u2060\ufeff]|\.\.|[sS]\.[\p{L}\p{N}]/u;

  it('answers as the Unicode pattern on ASCII text, where it takes the shortcut', () => {
    const texts: string[] = [];
    for (let a = 32; a < 127; a++) for (const b of ['.', 's.', 'S.', '..', 'x']) texts.push(`${b}${String.fromCharCode(a)}`, `${String.fromCharCode(a)}${b}`);
    texts.push('warnings.com', 'U.S.C.', 'www.ice.gov', 'Mr. Smith', 'the end..', 'laws.9', 'plain words');
    expect(texts.filter((t) => skipCanSplit(t) !== reference.test(t))).toEqual([]);
  });

  it('answers as the Unicode pattern past ASCII', () => {
    const wrong = everyCharacter.flatMap((c) => [c, `s.${c}`, `x${c}y`]).filter((t) => skipCanSplit(t) !== reference.test(t));
    expect(wrong).toEqual([]);
  });
});

describe('the words of a text, past ASCII', () => {
  it('folds accents and skipped characters, and splits at what is no letter or digit', () => {
    expect(textWords('Inmigraci\u006f\u0301n y Aduanas — 287(g)')).toEqual(['inmigracion', 'y', 'aduanas', '287', 'g']);
    expect(spacedWords('¿Qué es un «detainer»?')).toBe(' que es un detainer ');
  });
});

describe('all-caps runs around an exact-case alias', () => {
  const matcher = compileMatcher(packIndex([['ICE', 'ice', 1]]));
  const found = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

  it('pass over "ICE" inside a shout, in ASCII and past it', () => {
    expect(found('ICE CREAM SOCIAL')).toEqual([]);
    expect(found('BIG ICE')).toEqual([]);
    expect(found('ÉLITE ICE')).toEqual([]);
    expect(found('ICE ÜBER')).toEqual([]);
  });

  it('find "ICE" beside short capitals and ordinary words', () => {
    expect(found('ICE agents')).toEqual(['ICE']);
    expect(found('US ICE agents')).toEqual(['ICE']);
    expect(found('la ICE según él')).toEqual(['ICE']);
    expect(found('ÉL ICE')).toEqual(['ICE']);
  });
});
