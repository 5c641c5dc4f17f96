// A small glossary for the page tests: real titles, short texts, both languages.
import { packIndex } from '@/glossary/runtime/matcher';
import { bodyOf, catalogOf } from '@/glossary/build/emit';
import type { ArticleBody, ArticleData, Card, CardData, Catalog, Category } from '@/glossary/runtime/types';

const source = { title: 'USCIS', url: 'https://www.uscis.gov/' };

function card(id: string, category: Card['category'], en: [string, string], es: [string, string], related: string[] = []): Card {
  // the 287(g) entry has facts that change, confirmed as of 2026-11-01 (its articles say so too)
  const asOf = (month: string) => (id === '287g' ? { asOfMonth: month } : {});
  return {
    id,
    category,
    related,
    en: { title: en[0], summary: en[1], source, ...asOf('November 2026') },
    es: { title: es[0], summary: es[1], source, ...asOf('noviembre de 2026') },
  };
}

export const cards: CardData = {
  'writ-of-mandamus': card(
    'writ-of-mandamus',
    'delays',
    ['Writ of mandamus', 'A court order that tells a government officer to do a job the law says they must do.'],
    ['Mandamus (orden judicial)', 'Una orden de un tribunal que obliga a un funcionario a hacer su trabajo.'],
    ['287g'],
  ),
  '287g': card(
    '287g',
    'enforcement',
    ['287(g) program', 'A 287(g) deal lets ICE train local police to do some immigration work.'],
    ['Programa 287(g)', 'Un acuerdo 287(g) deja que ICE entrene a policías locales para hacer trabajo de inmigración.'],
    ['ice'],
  ),
  ice: card(
    'ice',
    'institutions',
    ['ICE (U.S. Immigration and Customs Enforcement)', 'The US agency that enforces immigration law inside the country.'],
    ['ICE (Servicio de Inmigración y Control de Aduanas)', 'La agencia que hace cumplir las leyes de inmigración dentro del país.'],
  ),
  'racial-profiling': card(
    'racial-profiling',
    'profiling',
    ['Racial profiling', 'When police stop or search someone because of race or ethnicity.'],
    ['Perfil racial', 'Cuando la policía detiene o registra a alguien por su raza u origen.'],
  ),
};

function article(id: string, kind: 'term' | 'guide', html: string) {
  const c = cards[id];
  const text = (lang: 'en' | 'es', title: string, summary: string) => ({
    title,
    summary,
    aliases: kind === 'term' ? [title] : [],
    html: lang === 'en' ? html : html.replace('<p>', '<p lang="es">'),
    text: html.replace(/<[^>]+>/g, ' '),
    sources: [source],
    reviewed: '2026-11-27',
    ...(id === '287g' ? { asOf: '2026-11-01' } : {}),
  });
  return c
    ? { id, kind, category: c.category, related: c.related, en: text('en', c.en.title, c.en.summary), es: text('es', c.es.title, c.es.summary) }
    : {
        id,
        kind,
        related: ['287g'],
        en: text('en', '287(g) explained', 'The three 287(g) models.'),
        es: text('es', 'El 287(g) explicado', 'Los tres modelos del 287(g).'),
      };
}

export const articles: ArticleData = {
  terms: Object.fromEntries(
    Object.keys(cards).map((id) => [id, article(id, 'term', `<h2>What it is</h2><p>About ${id}. See <a class="term-link" href="/explainer.html#ice" data-term="ice">ICE</a>.</p>`)]),
  ),
  guides: {
    '287g-models': article('287g-models', 'guide', '<p>Under <a class="term-link" href="/explainer.html#287g" data-term="287g">287(g)</a>, local police work with ICE.</p>'),
  },
};

/** What the build ships of the articles: the catalog, and each body on its own. */
export const catalog: Catalog = catalogOf(articles, cards);
export const loadBody = (id: string): Promise<ArticleBody> => {
  const article = articles.terms[id] ?? articles.guides[id];
  return article ? Promise.resolve(bodyOf(article)) : Promise.reject(new Error(`no article ${id}`));
};

/** The matcher index of the small glossary: the aliases the page tests write. */
export const matcherIndex = packIndex([
  ['writ of mandamus', 'writ-of-mandamus', 0],
  ['mandamus', 'writ-of-mandamus', 0],
  ['287(g)', '287g', 0],
  ['287(g) program', '287g', 0],
  ['ICE', 'ice', 1],
  ['racial profiling', 'racial-profiling', 0],
]);

/** Each term's category, as the build's `virtual:glossary/categories` gives it. */
export const categories: Record<string, Category> = Object.fromEntries(Object.values(cards).map((c) => [c.id, c.category]));
