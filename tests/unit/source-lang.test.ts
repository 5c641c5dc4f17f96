// The language of a cited page, and the source a card cites (new-user trial: cards showed the entry's first
// source, so an English card could cite a Spanish page — ICE's and HSI's cited ICE's "Sobre ICE" — and a Spanish
// card an English statute with no "(en inglés)"). The build gives each source its language (source-lang.ts) and
// each card the first source in its own language, else the first; the card marks the rest (tests/dom/source-label).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { firstSourceIn, sourceLang } from '@/glossary/build/source-lang';
import { glossaryWith, pair, problemsOf } from './glossary-fixture';

describe('the language of a source', () => {
  it.each([
    ['given by `lang`', { title: 'ACLU, Conozca sus derechos', url: 'https://www.aclunc.org/kyr', kind: 'secondary', lang: 'es' as const }, 'es'],
    ['`lang` over the title', { title: 'Página (en español)', url: 'https://www.uscis.gov/x', kind: 'agency', lang: 'en' as const }, 'en'],
    ['a title that says "(en inglés)"', { title: 'ICE, Detainers (en inglés)', url: 'https://www.ice.gov/es/x', kind: 'agency' }, 'en'],
    ['a title that says "in English"', { title: 'Know your rights (in English)', url: 'https://example.org/', kind: 'secondary' }, 'en'],
    ['a title that says "en español"', { title: 'USAGov en español, Comprobante I-94', url: 'https://gobierno.usa.gov/registros-de-entrada', kind: 'agency' }, 'es'],
    ['a title that says "in Spanish"', { title: 'Know your rights (in Spanish)', url: 'https://example.org/', kind: 'secondary' }, 'es'],
    ['a Spanish section of a site', { title: 'USCIS, I-130', url: 'https://www.uscis.gov/es/formularios/i-130', kind: 'agency' }, 'es'],
    ['a Spanish section at the end of the address', { title: 'EOIR, portal', url: 'https://acis.eoir.justice.gov/es/', kind: 'agency' }, 'es'],
    ['a Spanish host', { title: 'Noticias', url: 'https://es.example.org/noticia', kind: 'secondary' }, 'es'],
    ['a statute', { title: '8 U.S.C. § 1226, arresto y detención', url: 'https://www.law.cornell.edu/uscode/text/8/1226', kind: 'statute' }, 'en'],
    ['a court opinion', { title: 'Arizona v. United States', url: 'https://www.supremecourt.gov/opinions/11pdf/11-182b5e1.pdf', kind: 'court' }, 'en'],
    ['an agency page outside a Spanish section', { title: 'ICE, Sobre ICE?', url: 'https://www.ice.gov/about-ice', kind: 'agency' }, 'en'],
    // "estimate" and "espanola" are not a Spanish section
    ['a path that only begins like one', { title: 'Estimate', url: 'https://www.uscis.gov/estimate/espanola', kind: 'agency' }, 'en'],
  ] as const)('%s', (_name, source, expected) => {
    expect(sourceLang(source)).toBe(expected);
  });

  it('is not known for a secondary source that nothing tells about', () => {
    expect(sourceLang({ title: 'ACLU del Norte de California, Conozca Sus Derechos', url: 'https://www.aclunc.org/our-work/know-your-rights/conozca-sus-derechos', kind: 'secondary' })).toBeUndefined();
  });

  it('picks the first source in a language, else the first one', () => {
    const sources = [{ t: 'a', lang: 'es' as const }, { t: 'b' }, { t: 'c', lang: 'en' as const }, { t: 'd', lang: 'en' as const }];
    expect(firstSourceIn(sources, 'en').t).toBe('c');
    expect(firstSourceIn(sources, 'es').t).toBe('a');
    expect(firstSourceIn([{ t: 'x' }, { t: 'y', lang: 'en' as const }], 'es').t).toBe('x');
  });
});

describe('sources in the glossary files and on cards', () => {
  const SPANISH_PAGE = '\n  - title: USCIS, Ajuste de estatus\n    url: https://www.uscis.gov/es/residencia-permanente/ajuste-de-estatus\n    kind: agency';
  const STATUTE = '\n  - title: 8 U.S.C. § 1255\n    url: https://www.law.cornell.edu/uscode/text/8/1255\n    kind: statute';

  it('takes `lang: en | es` on a source and refuses any other', () => {
    const lang = (value: string) => `\n  - title: ACLU, Conozca sus derechos\n    url: https://www.aclunc.org/kyr\n    kind: secondary\n    reason: The only plain-language version of this notice we found.\n    lang: ${value}${STATUTE}`;
    expect(problemsOf(pair('adjustment-of-status', { sources: lang('es') }))).toEqual([]);
    expect(problemsOf(pair('adjustment-of-status', { sources: lang('fr') })).join('\n')).toContain('terms/adjustment-of-status.en.md: sources.0.lang: must be one of en, es');
  });

  it('cites on each card the first source in its language: a Spanish page listed first is not the English card\'s', () => {
    const g = compileGlossary(glossaryWith(pair('adjustment-of-status', { sources: SPANISH_PAGE + STATUTE })));
    expect(g.problems).toEqual([]);
    const card = g.cards['adjustment-of-status'];
    expect(card.en.source).toMatchObject({ title: '8 U.S.C. § 1255', lang: 'en' });
    expect(card.es.source).toMatchObject({ title: 'USCIS, Ajuste de estatus', lang: 'es' });
    // the explainer lists every source, each with its language
    expect(g.articles.terms['adjustment-of-status'].es.sources.map((s) => s.lang)).toEqual(['es', 'en']);
  });

  it('cites the first source when none is in the card\'s language', () => {
    const g = compileGlossary(glossaryWith(pair('adjustment-of-status', { sources: STATUTE })));
    expect(g.cards['adjustment-of-status'].es.source).toMatchObject({ title: '8 U.S.C. § 1255', lang: 'en' });
  });

  // compiles all 540 glossary files: seconds on a slow 2-core machine, past the default 5 s when it is busy
  it('in the real glossary, every card cites a page in its own language whenever its entry cites one', { timeout: 60_000 }, () => {
    const g = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
    const misses = Object.values(g.cards).flatMap((card) =>
      (['en', 'es'] as const)
        .filter((lang) => card[lang].source.lang !== lang && g.articles.terms[card.id][lang].sources.some((s) => s.lang === lang))
        .map((lang) => `${card.id} (${lang}): ${card[lang].source.title}`),
    );
    expect(misses).toEqual([]);
    // the English cards of ICE and HSI listed ICE's Spanish page "Sobre ICE" first
    for (const id of ['ice', 'hsi']) expect(g.cards[id].en.source.url).not.toMatch(/ice\.gov\/es\//);
  });
});
