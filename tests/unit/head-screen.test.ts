// The background's test of a frame's text (glossary/runtime/head-screen.ts): which heads it may hold. It must
// never miss a head the content script's matcher can find: the head finder (head-finder.ts) is the reference,
// shown to find exactly what the whole matcher finds by heads.test.ts and matcher.property.test.ts.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { HeadFinder } from '@/glossary/runtime/head-finder';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { HeadScreen, headAnchor } from '@/glossary/runtime/head-screen';
import { HeadFilter, foldForWords } from '@/glossary/runtime/heads';
import { indexKeys } from '@/glossary/runtime/matcher';

const ROOT = resolve(import.meta.dirname, '../..');

describe('head screen', () => {
  const screen = new HeadScreen(['ice', 'writ of mandamus', 'public charge', 'la migra', 'city', 'juez', 'racial profiling']);

  it.each([
    ['a one-word text', 'ICE', ['ice']],
    ['a two-word head at the very end', 'They spoke of the public charge', ['public charge']],
    ['a three-word head at the very start, in a plural', 'Writs of mandamus were filed', ['writ of mandamus']],
    ['plurals the matcher accepts ("-ies" for "-y", "-ces" for "-z")', 'the cities and the jueces', ['city', 'juez']],
    ['heads repeated, each once', 'la migra, ICE, la migra and ICE', ['la migra', 'ice']],
    ['words of a head that are not in a row', 'profiling of people by racial group; a writ of course', []],
    ['words that are only part of a word', 'police notice: the office of public charges', ['public charge']],
    ['a head across a soft hyphen', 'pub\u00adlic charge', ['public charge']],
    ['a head inside a word split by a soft hyphen', 'x\u00adICE', ['ice']],
    ['dots inside a word', 'the I.C.E. office', ['ice']],
    ['a head of more words starting inside a word split by a soft hyphen', 'x\u00adwrit of mandamus', ['writ of mandamus']],
    ['a dot after a plural that the matcher reads as no break between words', 'the writs.of mandamus', []],
    ['accents and case', 'LA MIGRA y el JUEZ', ['la migra', 'juez']],
    ['a head whose words are on two lines (a text node each)', 'a writ of\nmandamus', ['writ of mandamus']],
    ['no words', ' — … ', []],
  ])('%s', (_name, text, heads) => {
    expect(screen.heads(text).sort()).toEqual([...heads].sort());
  });

  it('files a head of more words under its least common word', () => {
    expect(headAnchor(['writ', 'of', 'mandamus'])).toBe('mandamus');
    expect(headAnchor(['the', 'fifth'])).toBe('fifth');
    expect(headAnchor(['orden', 'de', 'deportacion'])).toBe('deportacion');
    expect(headAnchor(['of', 'the'])).toBe('the');
  });

  it('finds every head the head finder finds in texts of the real glossary\'s words, repeats, plurals and odd characters', () => {
    const index = compileGlossary(join(ROOT, 'glossary')).matcherIndex;
    const heads = new HeadIndex(index, {});
    const filter = new HeadFilter(heads.filter().filter);
    const vocabulary = [...indexKeys(index)].flatMap(({ key }) => foldForWords(key).match(/[\p{L}\p{N}]+/gu) ?? []);
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    const odd = ['\u00ad', '.', '\n', ' ', ''];
    let found = 0;
    for (let t = 0; t < 400; t++) {
      const words = Array.from({ length: 3 + Math.floor(random() * 40) }, () => {
        const w = random() < 0.2 ? 'the' : pick();
        const r = random();
        return r < 0.1 ? `${w}s` : r < 0.15 ? `${w} ${w}` : r < 0.2 ? `${w.slice(0, 2)}${odd[Math.floor(random() * odd.length)]}${w.slice(2)}` : random() < 0.1 ? w.toUpperCase() : w;
      });
      const text = words.join(random() < 0.5 ? ' ' : random() < 0.5 ? ', ' : '\n');
      const finder = new HeadFinder(filter, false, Infinity);
      finder.mayMatch(text);
      const expected = Object.keys(heads.lookup(finder.takeWanted()).heads);
      const screened = Object.keys(heads.screen(text).heads);
      expect(screened, text).toEqual(expect.arrayContaining(expected));
      found += expected.length;
    }
    expect(found).toBeGreaterThan(400);
  });
});
