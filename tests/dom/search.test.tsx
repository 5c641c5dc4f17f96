// @vitest-environment happy-dom
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { createGlossarySearch, foldForSearch, itemsFromArticles, itemsFromCards } from '@/glossary/runtime/search';
import { articles, cards } from './fixture-glossary';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('foldForSearch', () => {
  it('drops accents, case and the punctuation of legal tokens', () => {
    expect(foldForSearch('Inmigración')).toBe('inmigracion');
    expect(foldForSearch('287(g)')).toBe('287g');
    expect(foldForSearch('287 (g)')).toBe('287g');
    expect(foldForSearch('Form I-485')).toBe('form i485');
    expect(foldForSearch('8 U.S.C. § 1357(g)')).toBe('8 usc 1357g');
  });
});

describe('glossary search (fixture)', () => {
  const search = createGlossarySearch(itemsFromCards(cards));

  it('finds "mandamus" by its English and Spanish titles', () => {
    expect(ids(search('mandamus'))[0]).toBe('writ-of-mandamus');
    expect(ids(search('Mandamus'))[0]).toBe('writ-of-mandamus');
  });

  it('finds 287(g) however it is written', () => {
    for (const q of ['287g', '287(g)', '287 (g)', '287-g']) expect(ids(search(q))[0]).toBe('287g');
  });

  it('finds Spanish words without their accents', () => {
    expect(ids(search('inmigracion'))).toContain('ice');
    expect(ids(search('inmigración'))).toContain('ice');
    expect(ids(search('perfil racial'))[0]).toBe('racial-profiling');
  });

  it('tolerates a typo', () => {
    expect(ids(search('mandamos'))).toContain('writ-of-mandamus');
  });

  it('returns nothing for an empty or one-letter query and honours the limit', () => {
    expect(search('')).toEqual([]);
    expect(search('a')).toEqual([]);
    expect(search('the', 1).length).toBeLessThanOrEqual(1);
  });

  it('searches guides too when built from articles', () => {
    const all = createGlossarySearch(itemsFromArticles(articles));
    expect(ids(all('287(g) explained'))[0]).toBe('287g-models');
  });
});

// The real glossary, when the cards it searches are there. Content problems (dates, parity, the termbase) do not
// change what search finds, so they do not skip this; the glossary test reports them.
const real = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
describe.skipIf(!real.cards['writ-of-mandamus'] || !real.cards['287g'])('glossary search (real glossary)', () => {
  const search = createGlossarySearch(itemsFromCards(real.cards));
  it('finds mandamus, 287(g) and accent-less Spanish', () => {
    expect(ids(search('mandamus'))).toContain('writ-of-mandamus');
    expect(ids(search('287g'))[0]).toBe('287g');
    expect(ids(search('287(g)'))[0]).toBe('287g');
    expect(search('inmigracion').length).toBeGreaterThan(0);
  });
});
