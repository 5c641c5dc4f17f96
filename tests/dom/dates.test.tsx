// @vitest-environment happy-dom
// Dates in words, in the reader's language, wherever a reader sees one (issue #12 item 5, issue #8 build item 2):
// the card's "as of", the explainer's "Reviewed …" and "As of …". No ISO date reaches a reader.
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '@/glossary/runtime/dates';
import { HoverCard } from '@/components/HoverCard';
import { TermArticle } from '@/components/TermArticle';
import { compileGlossary } from '@/glossary/build/compile';
import { bodyOf, catalogOf } from '@/glossary/build/emit';
import { LANGS } from '@/glossary/runtime/categories';

const ISO = /\b\d{4}-\d{2}-\d{2}\b/;
const glossary = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
const catalog = catalogOf(glossary.articles, glossary.cards);
const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const noop = () => {};

describe('dates in words', () => {
  it.each([
    ['2026-03-12', 'en', 'March 12, 2026', 'March 2026'],
    ['2026-03-12', 'es', '12 de marzo de 2026', 'marzo de 2026'],
    ['2026-11-01', 'en', 'November 1, 2026', 'November 2026'],
    // UTC both ways: the first of a month stays in that month wherever the reader is
    ['2025-01-01', 'es', '1 de enero de 2025', 'enero de 2025'],
  ] as const)('%s in %s: %s, %s', (iso, lang, day, month) => {
    expect(formatDate(iso, lang)).toBe(day);
    expect(formatMonth(iso, lang)).toBe(month);
  });

  it('leaves anything that is not a YYYY-MM-DD date as written', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatMonth('2026-13-45', 'es')).toBe('2026-13-45');
  });

  it('cards say "As of March 2026" / "A marzo de 2026", in words the build wrote from as_of', () => {
    const dated = glossary.terms.find((f) => f.data.as_of)!;
    const card = glossary.cards[dated.id];
    for (const lang of LANGS) {
      expect(card[lang].asOfMonth).toBe(formatMonth(dated.data.as_of!, lang));
      render(<HoverCard card={card} cards={glossary.cards} lang={lang} explainerHref="#" onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
      expect(root.querySelector('.as-of')?.textContent).toBe(lang === 'en' ? `As of ${formatMonth(dated.data.as_of!, 'en')}` : `A ${formatMonth(dated.data.as_of!, 'es')}`);
    }
    const march = { ...card, en: { ...card.en, asOfMonth: formatMonth('2026-03-12', 'en') }, es: { ...card.es, asOfMonth: formatMonth('2026-03-12', 'es') } };
    render(<HoverCard card={march} cards={glossary.cards} lang="en" explainerHref="#" onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
    expect(root.querySelector('.as-of')?.textContent).toBe('As of March 2026');
    render(<HoverCard card={march} cards={glossary.cards} lang="es" explainerHref="#" onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
    expect(root.querySelector('.as-of')?.textContent).toBe('A marzo de 2026');
  });

  it(`no card of the real glossary shows an ISO date, in either language`, () => {
    const shown: string[] = [];
    for (const card of Object.values(glossary.cards)) {
      for (const lang of LANGS) {
        render(<HoverCard card={card} cards={glossary.cards} lang={lang} explainerHref="#" onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
        if (ISO.test(root.textContent ?? '')) shown.push(`${card.id}.${lang}: ${root.textContent!.match(ISO)![0]}`);
      }
    }
    expect(Object.values(glossary.cards).some((c) => c.en.asOfMonth)).toBe(true);
    expect(shown).toEqual([]);
  });

  it('no explainer page of the real glossary shows an ISO date outside its article text', () => {
    const shown: string[] = [];
    for (const article of [...Object.values(glossary.articles.terms), ...Object.values(glossary.articles.guides)]) {
      const entry = catalog.terms[article.id] ?? catalog.guides[article.id];
      for (const lang of LANGS) {
        render(<TermArticle entry={entry} body={bodyOf(article)} lang={lang} titleOf={() => 'x'} hrefFor={(id) => `#${id}`} />, root);
        const meta = root.querySelector('.article-meta')?.textContent ?? '';
        if (ISO.test(meta)) shown.push(`${article.id}.${lang}: ${meta}`);
        const reviewed = lang === 'en' ? `Reviewed ${formatDate(article[lang].reviewed, lang)}` : `Revisado el ${formatDate(article[lang].reviewed, lang)}`;
        if (!meta.includes(reviewed)) shown.push(`${article.id}.${lang}: no "${reviewed}" in ${meta}`);
      }
    }
    expect(shown).toEqual([]);
  });
});
