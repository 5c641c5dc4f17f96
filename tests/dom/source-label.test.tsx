// @vitest-environment happy-dom
// A card and an article say when a page they cite is in the other language (new-user trial: Spanish cards cited
// English statutes with no "(en inglés)"): "(en inglés)" on Spanish ones, "(in Spanish)" on English ones, not twice
// when the title already says it, nothing when the page is in the reader's language or its language is not known.
// The link carries the page's language as hreflang.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HoverCard } from '@/components/HoverCard';
import { TermArticle } from '@/components/TermArticle';
import type { Card, Lang, Source, TermEntry } from '@/glossary/runtime/types';

const STATUTE: Source = { title: '8 U.S.C. § 1302, Registration of aliens', url: 'https://www.law.cornell.edu/uscode/text/8/1302', lang: 'en' };
const SPANISH_PAGE: Source = { title: 'ICE, Sobre ICE', url: 'https://www.ice.gov/es/sobre-ice', lang: 'es' };
const MARKED: Source = { title: '8 U.S.C. § 1226, arresto y detención (Cornell LII, en inglés)', url: 'https://www.law.cornell.edu/uscode/text/8/1226', lang: 'en' };
const SAYS_SPANISH: Source = { title: 'USCIS en español, I-130', url: 'https://www.uscis.gov/es/formularios/i-130', lang: 'es' };
const UNKNOWN: Source = { title: 'ACLU, Conozca sus derechos', url: 'https://www.aclunc.org/kyr' };

const noop = () => {};
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function cardWith(source: Source): Card {
  const text = { title: 'Alien registration', summary: 'A summary long enough for a card on a page.', source };
  return { id: 'alien-registration', category: 'status', related: [], en: text, es: { ...text, title: 'Registro de extranjeros' } };
}

/** The card's source line, as a reader reads it. */
function sourceLine(lang: Lang, source: Source): { text: string; hreflang: string | null } {
  const card = cardWith(source);
  render(<HoverCard card={card} cards={{ [card.id]: card }} lang={lang} explainerHref="#" onLang={noop} onRelated={noop} onClose={noop} onOpenExplainer={noop} />, root);
  const line = root.querySelector('.source')!;
  return { text: line.textContent!.replace(/\s+/g, ' ').trim(), hreflang: line.querySelector('a')!.getAttribute('hreflang') };
}

describe('the card\'s source line', () => {
  it.each([
    ['es', STATUTE, 'Fuente: 8 U.S.C. § 1302, Registration of aliens (en inglés)', 'en'],
    ['en', SPANISH_PAGE, 'Source: ICE, Sobre ICE (in Spanish)', 'es'],
    ['en', STATUTE, 'Source: 8 U.S.C. § 1302, Registration of aliens', 'en'],
    ['es', SPANISH_PAGE, 'Fuente: ICE, Sobre ICE', 'es'],
    // the writer already said so in the title: not twice
    ['es', MARKED, 'Fuente: 8 U.S.C. § 1226, arresto y detención (Cornell LII, en inglés)', 'en'],
    ['en', SAYS_SPANISH, 'Source: USCIS en español, I-130', 'es'],
    // nothing is known of the page's language: nothing is said
    ['es', UNKNOWN, 'Fuente: ACLU, Conozca sus derechos', null],
  ] as const)('a %s card citing %j reads %j', (lang, source, text, hreflang) => {
    expect(sourceLine(lang, source)).toEqual({ text, hreflang });
  });
});

describe('the explainer\'s list of sources', () => {
  it('marks each page in the other language', () => {
    const card = cardWith(STATUTE);
    const entryText = (title: string) => ({ title, summary: 'Un resumen.', aliases: [], reviewed: '2026-11-27', source: STATUTE });
    const entry: TermEntry = { ...card, kind: 'term', en: entryText('Alien registration'), es: entryText('Registro de extranjeros') };
    const body = { en: { html: '<p>x</p>', sources: [STATUTE, SPANISH_PAGE] }, es: { html: '<p>x</p>', sources: [SPANISH_PAGE, STATUTE, MARKED, UNKNOWN] } };
    render(<TermArticle entry={entry} body={body} lang="es" titleOf={() => undefined} hrefFor={(id) => `#${id}`} />, root);
    const items = [...root.querySelectorAll('.sources li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'ICE, Sobre ICE (ice.gov)',
      '8 U.S.C. § 1302, Registration of aliens (en inglés) (law.cornell.edu)',
      '8 U.S.C. § 1226, arresto y detención (Cornell LII, en inglés) (law.cornell.edu)',
      'ACLU, Conozca sus derechos (aclunc.org)',
    ]);
    render(<TermArticle entry={entry} body={body} lang="en" titleOf={() => undefined} hrefFor={(id) => `#${id}`} />, root);
    expect([...root.querySelectorAll('.sources li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      '8 U.S.C. § 1302, Registration of aliens (law.cornell.edu)',
      'ICE, Sobre ICE (in Spanish) (ice.gov)',
    ]);
  });
});
