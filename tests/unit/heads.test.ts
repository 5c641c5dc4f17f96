// Heads, the heads' filter, the background's index of keys by head, and the paged matcher that asks for them
// (glossary/runtime/heads.ts, head-index.ts, paged-matcher.ts). That the paged matcher finds exactly what the
// whole matcher finds is shown at scale by the property test (matcher.property.test.ts).
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { HeadIndex, MAX_HEADS_PER_MESSAGE, type HeadsResponse } from '@/glossary/runtime/head-index';
import { HeadFilter, buildHeadFilter, firstKey, foldForWords, hashWord, keyHead, pairKey, prefixKey, singleKey, spacedWords, textSlots, textWords, tripleKey, wordStems } from '@/glossary/runtime/heads';
import { compileMatcher, indexKeys, packIndex } from '@/glossary/runtime/matcher';
import { normalizeText } from '@/glossary/runtime/normalize';
import { PagedMatcher, type HeadSource } from '@/glossary/runtime/paged-matcher';
import { HeadFinder } from '@/glossary/runtime/head-finder';

const ROOT = resolve(import.meta.dirname, '../..');

describe('heads', () => {
  it.each([
    ['8 U.S.C. § 1357(g)', '8 usc 1357'],
    ['287(g)', '287 g'],
    ['ICE', 'ice'],
    ['§ 1983', '1983'],
    ['Tribunal Supremo de EE. UU.', 'tribunal supremo de'],
    ['take the Fifth', 'take the fifth'],
    ['I-485', 'i 485'],
    ['inmigración', 'inmigracion'],
    ['§', null],
  ])('the head of %j is %j', (alias, head) => {
    expect(keyHead(normalizeText(alias))).toBe(head);
  });

  it.each([
    'ICE agents, U.S.C. § 1357(g) and the I-485 (2025).',
    'La Oficina de Detención y Deportación; inmigración',
    'Inmigracio\u0301n ÉL İstanbul',
    'plain words only',
    '...',
  ])('reads the words of %j the same way, ASCII or not', (text) => {
    expect(textWords(text)).toEqual(foldForWords(text).match(/[\p{L}\p{N}]+/gu));
    expect(textWords(`${text} ñ`)).toEqual(foldForWords(`${text} ñ`).match(/[\p{L}\p{N}]+/gu));
  });

  it.each([
    ['writs', ['writs', 'writ']],
    ['cities', ['cities', 'citie', 'citi', 'city']],
    ['jueces', ['jueces', 'juece', 'juec', 'juez']],
    ['ies', ['ies', 'ie', 'i', 'y']],
    ['es', ['es', 'e']],
    ['s', ['s']],
    ['detainer', ['detainer']],
  ])('%j may stand for %j', (word, stems) => {
    expect(wordStems(word)).toEqual(stems);
  });

  it.each([
    // a soft hyphen: an alias may start after it, end before it, or run through it
    ['x\u00adICE', ['xice', 'ice', 'x'], ['xice', 'ice'], ['xice', 'x']],
    // a dot before a letter ends nothing (a web address) ...
    ['www.ice.gov', ['wwwicegov'], ['wwwicegov'], ['wwwicegov']],
    // ... but after a plural "s" it may
    ['warnings.com', ['warningscom', 'warnings'], ['warningscom'], ['warningscom', 'warnings']],
    // a run of dots splits both ways, and is read through too
    ['wait..ICE', ['waitice', 'wait', 'ice'], ['waitice', 'ice'], ['waitice', 'wait']],
    ['U.S.C.', ['usc', 'us'], ['usc'], ['usc', 'us']],
  ])('reads %j as %j (first words %j, second words %j)', (text, all, firsts, seconds) => {
    const [slot] = textSlots(text);
    expect(slot.all.sort()).toEqual(all.sort());
    expect(slot.firsts.sort()).toEqual(firsts.sort());
    expect(slot.seconds.sort()).toEqual(seconds.sort());
  });
});

describe('head filter', () => {
  const glossary = compileGlossary(join(ROOT, 'glossary'));
  const heads = new Set(indexKeys(glossary.matcherIndex).map((k) => keyHead(k.key)).filter((h): h is string => h !== null));
  const filter = new HeadFilter(buildHeadFilter(heads));

  it('holds every head of the real glossary', () => {
    const missing = [...heads].filter((head) => {
      const [a, b, c] = head.split(' ').map(hashWord);
      if (b === undefined) return !filter.has(singleKey(a));
      if (c === undefined) return !filter.has(firstKey(a)) || !filter.has(pairKey(a, b));
      return !filter.has(firstKey(a)) || !filter.has(prefixKey(a, b)) || !filter.has(tripleKey(a, b, c));
    });
    expect(missing).toEqual([]);
  });

  it('says yes to few words it does not hold (about 1 in 8,000 by design)', () => {
    let yes = 0;
    for (let i = 0; i < 200_000; i++) if (filter.has(singleKey(hashWord(`w${i.toString(36)}`)))) yes++;
    expect(yes / 200_000).toBeLessThan(1 / 2000);
  });

  it.each([
    ['no bits', { hashes: 4 }],
    ['bits that are not base64', { bits: '!!', hashes: 4 }],
    ['bits that are not a power of two', { bits: btoa('abc'), hashes: 4 }],
    ['no hash count', { bits: btoa('abcdefgh') }],
  ])('refuses data with %s', (_, data) => {
    expect(() => new HeadFilter(data as never)).toThrow();
  });
});

const entries = [
  ['writ of mandamus', 'writ-of-mandamus', 0],
  ['mandamus', 'writ-of-mandamus', 0],
  ['ICE', 'ice', 1],
  ['racial profiling', 'racial-profiling', 0],
  ['I-485', 'form-i-485', 1],
] as const;
const index = packIndex(entries.map(([a, id, exact]) => [a, id, exact]), [['Immigration and Customs Enforcement Agency Band', 0]]);
const categories = { 'writ-of-mandamus': 'delays', ice: 'institutions', 'racial-profiling': 'profiling', 'form-i-485': 'status' } as const;

describe('head index (the background)', () => {
  const heads = new HeadIndex(index, categories);

  it('files every key under its head, derived forms and swallowed names too', () => {
    expect(heads.lookup(['writ of mandamus', 'ice', 'form i 485', 'immigration and customs', 'nothing here'])).toEqual({
      heads: {
        'writ of mandamus': [['writ of mandamus', null, 'writ-of-mandamus', expect.any(Number)]],
        ice: [['ice', 'ICE', 'ice', expect.any(Number)]],
        'form i 485': [['form i 485', null, 'form-i-485', expect.any(Number)]],
        'immigration and customs': [['immigration and customs enforcement agency band', null, null, expect.any(Number)]],
      },
      categories: { 'writ-of-mandamus': 'delays', ice: 'institutions', 'form-i-485': 'status' },
    } satisfies HeadsResponse);
    expect(heads.filter().always).toEqual([]);
  });
});

/** A source answering from a HeadIndex, counting messages; `fail` makes the next answers reject. */
function localSource(heads = new HeadIndex(index, categories)) {
  const state = { fail: 0 };
  const source = {
    filter: vi.fn(async () => {
      if (state.fail > 0 && state.fail--) throw new Error('no background');
      return JSON.parse(JSON.stringify(heads.filter()));
    }),
    heads: vi.fn(async (list: string[]) => {
      if (state.fail > 0 && state.fail--) throw new Error('no background');
      return JSON.parse(JSON.stringify(heads.lookup(list))) as HeadsResponse;
    }),
  } satisfies HeadSource;
  return { source, state };
}

describe('head finder (a page\'s words against the filter)', () => {
  it.each(['ICE agents, U.S.C. § 1357(g).', '  hi  ', '', '...', 'Inmigración y Aduanas — EE. UU.', 'a', 'x\ty\nz'])('spacedWords(%j) is its words between single spaces', (text) => {
    expect(spacedWords(text)).toBe(` ${(textWords(text) ?? []).join(' ')} `.replace('  ', ' '));
  });

  const filter = new HeadFilter(buildHeadFilter(['ice', 'writ of mandamus', 'public charge', 'la migra']));
  const ways = [['word by word', Infinity], ['natively', 0]] as const;
  const finder = (nativeFrom: number = Infinity) => new HeadFinder(filter, false, nativeFrom);
  it.each(ways.flatMap(([way, from]) => ([
    ['a one-word text', 'ICE', ['ice']],
    ['a two-word head at the very end', 'They spoke of the public charge', ['public charge']],
    ['a three-word head at the very end', 'She filed a writ of mandamus', ['writ of mandamus']],
    ['a three-word head at the very start, in a plural', 'Writs of mandamus were filed', ['writ of mandamus']],
    ['heads repeated, each wanted once', 'la migra, ICE, la migra and ICE', ['la migra', 'ice']],
    ['words that only start heads', 'the public said a writ of course', []],
    ['a head across a soft hyphen (the rare path)', 'pub\u00adlic charge', ['public charge']],
    ['a start word right before itself', 'y la la migra', ['la migra']],
    ['a head\'s first two words twice in a row', 'a writ of writ of mandamus', ['writ of mandamus']],
    ['a head after many places of its first word', `${'the public said and '.repeat(50)}public charge`, ['public charge']],
  ] as [string, string, string[]][]).map(([name, text, heads]) => [`${name}, ${way}`, text, heads, from] as const)))('%s', (_name, text, heads, from) => {
    const f = finder(from);
    expect(f.mayMatch(text)).toBe(heads.length > 0);
    expect(f.takeWanted().sort()).toEqual([...heads].sort());
  });

  it.each(ways)('finds heads made of a repeated word, %s', (_way, from) => {
    const f = new HeadFinder(new HeadFilter(buildHeadFilter(['bye bye', 'ha ha ha', 'so and so'])), false, from);
    expect(f.mayMatch('they said bye bye bye, ha ha ha ha, and so and so and so')).toBe(true);
    expect(f.takeWanted().sort()).toEqual(['bye bye', 'ha ha ha', 'so and so']);
  });

  it('finds the same heads both ways in texts of the real glossary\'s words, repeats and plurals', () => {
    const index = compileGlossary(join(ROOT, 'glossary')).matcherIndex;
    const heads = new HeadIndex(index, {});
    const real = new HeadFilter(heads.filter().filter);
    const vocabulary = [...indexKeys(index)].slice(0, 3000).flatMap(({ key }) => foldForWords(key).match(/[\p{L}\p{N}]+/gu) ?? []);
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    for (let t = 0; t < 200; t++) {
      const words = Array.from({ length: 5 + Math.floor(random() * 60) }, () => {
        const w = random() < 0.3 ? 'the' : pick();
        return random() < 0.1 ? `${w}s` : random() < 0.05 ? `${w} ${w}` : w;
      });
      const text = words.join(random() < 0.5 ? ' ' : ', ');
      const byWord = new HeadFinder(real, false, Infinity);
      const natively = new HeadFinder(real, false, 0);
      expect(natively.mayMatch(text), text).toBe(byWord.mayMatch(text));
      expect(natively.takeWanted().sort(), text).toEqual(byWord.takeWanted().sort());
    }
  });

  it('remembers what the glossary said of a head: not asked again, and a text holding only absent heads needs nothing', () => {
    const f = finder();
    expect(f.mayMatch('ICE and la migra')).toBe(true);
    const asked = f.takeWanted();
    f.settle('ice', true);
    f.settle('la migra', false);
    expect(asked.sort()).toEqual(['ice', 'la migra']);
    expect(f.mayMatch('la migra')).toBe(false);
    expect(f.mayMatch('ICE')).toBe(true);
    expect(f.hasWanted).toBe(false);
    f.forget('ice');
    expect(f.mayMatch('ICE')).toBe(true);
    expect(f.takeWanted()).toEqual(['ice']);
  });
});

describe('paged matcher (the content script)', () => {
  const whole = compileMatcher(index);

  it('needs nothing for a text without heads, and asks for the heads of a text once', async () => {
    const { source } = localSource();
    const m = new PagedMatcher(source);
    expect(await m.ready()).toBe(true);
    expect(m.mayMatch('The county said the council met on Tuesday.')).toBe(false);
    expect(m.load()).toBeNull();
    expect(source.heads).not.toHaveBeenCalled();
    const text = 'ICE filed two writs of mandamus and Form I-485.';
    expect(m.mayMatch(text)).toBe(true);
    await m.load();
    expect(source.heads).toHaveBeenCalledTimes(1);
    expect(source.heads.mock.calls[0][0]).toEqual(expect.arrayContaining(['ice', 'writ of mandamus', 'form i 485']));
    expect(m.find(text)).toEqual(whole.find(text));
    expect(m.categories).toMatchObject({ ice: 'institutions', 'writ-of-mandamus': 'delays', 'form-i-485': 'status' });
    // known now: asked again for nothing
    expect(m.mayMatch(text)).toBe(true);
    expect(m.load()).toBeNull();
    expect(source.heads).toHaveBeenCalledTimes(1);
  });

  it('remembers heads the glossary has not (a false positive of the filter) and never asks again', async () => {
    const { source } = localSource();
    const m = new PagedMatcher(source);
    await m.ready();
    // "writ of" starts a head but is none: "a writ of error" asks at most once (a false positive), then not again
    const asked = m.mayMatch('a writ of error');
    if (asked) await m.load();
    const calls = source.heads.mock.calls.length;
    expect(m.mayMatch('a writ of error')).toBe(false);
    expect(m.load()).toBeNull();
    expect(source.heads.mock.calls.length).toBe(calls);
  });

  it('splits a long list of heads into messages of at most MAX_HEADS_PER_MESSAGE', async () => {
    const many = packIndex(Array.from({ length: MAX_HEADS_PER_MESSAGE + 10 }, (_, i) => [`term${i} act`, `t${i}`, 0]));
    const { source } = localSource(new HeadIndex(many, Object.fromEntries(many.ids.map((id) => [id, 'court' as const]))));
    const m = new PagedMatcher(source);
    await m.ready();
    const text = Array.from({ length: MAX_HEADS_PER_MESSAGE + 10 }, (_, i) => `term${i} act`).join(', ');
    expect(m.mayMatch(text)).toBe(true);
    await m.load();
    // the 1,010 heads, and the odd false positive of the filter ("act term7")
    const sizes = source.heads.mock.calls.map((c) => c[0].length);
    expect(sizes[0]).toBe(MAX_HEADS_PER_MESSAGE);
    expect(sizes.length).toBe(2);
    expect(sizes[1]).toBeGreaterThanOrEqual(10);
    expect(m.find(text)).toHaveLength(MAX_HEADS_PER_MESSAGE + 10);
  });

  it('reports a failed message, finds nothing meanwhile, and asks again later', async () => {
    const { source, state } = localSource();
    const report = vi.fn();
    const m = new PagedMatcher(source, report);
    state.fail = 1;
    expect(await m.ready()).toBe(false);
    expect(report).toHaveBeenCalledTimes(1);
    expect(await m.ready()).toBe(true);
    state.fail = 1;
    expect(m.mayMatch('ICE')).toBe(true);
    await m.load();
    expect(report).toHaveBeenCalledTimes(2);
    expect(m.find('ICE')).toEqual([]);
    // the head was forgotten, so it is asked for again
    expect(m.mayMatch('ICE')).toBe(true);
    await m.load();
    expect(m.find('ICE').map((x) => x.id)).toEqual(['ice']);
  });
});
