// Search as readers type it (issue #12 items 1–2): a table of real queries — English, Spanish, typos, slang, form
// numbers, citations — each with the entries that MUST be in the top 3 and those that MUST NOT, run against the
// REAL glossary with the data the build ships (the catalog and the body words). Rows that name planned entries
// (/work/notes/WRITERS.md) carry `needs`: they run as soon as those ids exist, and fail if search misses them.
// LEGAL_LENS_GLOSSARY points the table at another glossary folder, as it does for the build.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { bodyWordsOf, catalogOf } from '@/glossary/build/emit';
import { createExactLookup } from '@/glossary/runtime/names';
import { createGlossarySearch, itemsFromCatalog } from '@/glossary/runtime/search';
import { searchKey } from '@/glossary/runtime/search-key';

const glossary = compileGlossary(resolve(process.env.LEGAL_LENS_GLOSSARY ?? resolve(import.meta.dirname, '../../glossary')));
const catalog = catalogOf(glossary.articles, glossary.cards);
const items = itemsFromCatalog(catalog);
const search = createGlossarySearch(items, bodyWordsOf(glossary.articles));
const exists = (id: string) => id in catalog.terms || id in catalog.guides;

interface Row {
  q: string;
  /** every one of these is in the top 3 */
  top?: string[];
  /** at least one of these is in the top 3 */
  any?: string[];
  /** none of these is in the top 3 */
  not?: string[];
  /** planned ids the row is about: it runs once they all exist */
  needs?: string[];
  /** nothing at all may be found */
  none?: true;
  /** this one comes first */
  first?: string;
  /** one of these comes first */
  firstAny?: string[];
  /** the top 3 holds only this entry and entries related to it (either one listing the other) */
  within?: string;
}

/** Entries about the right to a lawyer or where to find one (not the government's own lawyers). */
const HELP = ['right-to-counsel', 'pro-bono', 'legal-aid', 'finding-legal-help', 'accredited-representative'];

/** Entries about becoming or being a citizen. */
const CITIZENSHIP = ['naturalization', 'form-n-400', 'uscis', 'us-citizen', 'derived-citizenship', 'continuous-residence', 'physical-presence', 'naturalization-test'];

// prettier-ignore
const ROWS: Row[] = [
  // form numbers, as pages and people write them
  { q: 'I-862', top: ['notice-to-appear'], not: ['form-i-485', 'form-n-400', 'form-i-130'] },
  { q: 'formulario I-862', top: ['notice-to-appear'] },
  { q: 'i862', top: ['notice-to-appear'] },
  { q: 'I-485', top: ['form-i-485', 'adjustment-of-status'], not: ['form-n-400', 'notice-to-appear'] },
  { q: 'i485', top: ['form-i-485'] },
  { q: 'Form I-130', top: ['form-i-130'], not: ['form-n-400'] },
  { q: 'n400', top: ['form-n-400'], not: ['form-i-485', 'section-1571b'] },
  { q: 'N-400', top: ['form-n-400'] },
  { q: 'i765', any: ['daca', 'tps', 'form-i-765', 'employment-authorization-document'], not: ['form-n-400', 'section-1571b', 'notice-to-appear'] },
  { q: 'i765', top: ['form-i-765', 'employment-authorization-document'], needs: ['form-i-765', 'employment-authorization-document'] },
  { q: 'I-9', top: ['form-i-9'], not: ['form-i-90', 'form-i-94'], needs: ['form-i-9'] },
  { q: 'I-48', none: true },
  { q: 'I-589', top: ['form-i-589'], needs: ['form-i-589'] },
  { q: 'EOIR-28', top: ['form-eoir-28'], needs: ['form-eoir-28'] },
  // citations
  { q: '§ 1983', top: ['section-1983'], not: ['form-i-485', 'tps'] },
  { q: '1983', top: ['section-1983'] },
  { q: '42 U.S.C. 1983', top: ['section-1983'] },
  { q: '1357(g)', top: ['287g'], not: ['section-1983', 'form-i-130'] },
  { q: '287 (g)', top: ['287g'] },
  { q: 'section 287g', top: ['287g'] },
  { q: '§ 1447(b)', top: ['section-1447b'], not: ['section-1571b'] },
  { q: '1571(b)', top: ['section-1571b'], not: ['section-1447b'] },
  // slang and everyday words (issue #12: "policia", "la migra", "notario" listed unrelated terms)
  { q: 'green card', top: ['green-card'], not: ['habeas-corpus', 'sanctuary-jurisdiction'] },
  { q: 'tarjeta verde', top: ['green-card'] },
  { q: 'LPR', top: ['green-card'] },
  { q: 'policia', any: ['racial-profiling', '287g', '287g-models', 'rights-at-a-stop', 'consent-decree', 'terry-stop', 'traffic-stop'], not: ['form-n-400', 'section-1571b', 'form-i-485', 'detainer'] },
  { q: 'police', any: ['racial-profiling', 'consent-decree', 'rights-at-a-stop', '287g'], not: ['form-n-400', 'form-i-485', 'section-1571b'] },
  { q: 'la migra', not: ['adjustment-of-status', 'habeas-corpus', 'form-i-485', 'form-n-400'] },
  { q: 'la migra', top: ['immigration-raid'], needs: ['immigration-raid'] },
  { q: 'notario', any: ['finding-legal-help', 'notario-fraud'], not: ['sanctuary-jurisdiction', 'trac-factors'] },
  { q: 'notario', top: ['notario-fraud'], needs: ['notario-fraud'] },
  { q: 'papeles', not: ['doj', 'ina', 'form-n-400', 'section-1571b'] },
  { q: 'papeles', any: ['undocumented'], needs: ['undocumented'] },
  { q: 'dreamers', top: ['daca'], not: ['removal-proceedings', 'deportation', 'adjustment-of-status', 'habeas-corpus'] },
  { q: 'soñadores', top: ['daca'], not: ['cis-ombudsman'] },
  { q: 'perfilamiento racial', top: ['racial-profiling'] },
  { q: 'perfil racial', top: ['racial-profiling'] },
  { q: 'sanctuary city', top: ['sanctuary-jurisdiction'], not: ['trac-factors'] },
  { q: 'work permit', any: ['daca', 'tps', 'employment-authorization-document'], not: ['form-n-400', 'habeas-corpus'] },
  { q: 'permiso de trabajo', top: ['employment-authorization-document'], needs: ['employment-authorization-document'] },
  { q: 'agente de ICE', top: ['ice'], not: ['doj'] },
  { q: 'ICE', top: ['ice'], not: ['doj', 'justice'] },
  { q: 'raid', top: ['immigration-raid'], needs: ['immigration-raid'] },
  { q: 'redada', top: ['immigration-raid'], needs: ['immigration-raid'] },
  // typos
  { q: 'mandamos', top: ['writ-of-mandamus'], not: ['injunction'] },
  { q: 'asilum', top: ['asylum'], not: ['form-n-400'] },
  { q: 'habeus corpus', top: ['habeas-corpus'] },
  { q: 'nortice to apear', top: ['notice-to-appear'], not: ['form-i-485'] },
  { q: 'racial profilling', top: ['racial-profiling'], first: 'racial-profiling' },
  { q: 'deportacion', top: ['deportation'] },
  { q: 'inmunidad calificada', top: ['qualified-immunity'] },
  // English and Spanish names
  { q: 'mandamus', top: ['writ-of-mandamus', 'mandamus-act'] },
  { q: 'demanda de mandamus', top: ['writ-of-mandamus'] },
  { q: 'asilo', top: ['asylum'] },
  { q: 'remain silent', top: ['right-to-remain-silent'] },
  { q: 'guardar silencio', top: ['right-to-remain-silent'] },
  { q: 'immigration judge', top: ['immigration-judge'] },
  { q: 'juez de inmigracion', top: ['immigration-judge'] },
  { q: 'class action', top: ['class-action'] },
  { q: 'demanda colectiva', top: ['class-action'] },
  { q: 'notice to appear', top: ['notice-to-appear'] },
  { q: 'probable cause', top: ['probable-cause'] },
  { q: 'causa probable', top: ['probable-cause'] },
  { q: 'sospecha razonable', top: ['reasonable-suspicion'] },
  { q: 'cuarta enmienda', top: ['fourth-amendment'] },
  { q: 'Terry stop', top: ['terry-stop'] },
  { q: 'Melendres', top: ['melendres-v-arpaio'] },
  { q: 'Vasquez Perdomo', top: ['noem-v-vasquez-perdomo'] },
  { q: 'temporary protected status', top: ['tps'] },
  { q: 'TRO', top: ['temporary-restraining-order'] },
  { q: 'know your rights', top: ['know-your-rights'] },
  { q: 'orden de arresto', top: ['administrative-warrant', 'judicial-warrant'] },
  { q: 'solicitud de retencion', top: ['detainer'] },
  { q: 'lawyer', any: ['pro-bono', 'finding-legal-help', 'right-to-counsel'], not: ['form-n-400', 'tps'] },
  { q: 'abogado', any: ['pro-bono', 'finding-legal-help', 'right-to-counsel'], not: ['form-n-400', 'tps'] },
  // a word that is only an alias's part ("DHS lawyer", "abogado de ICE": OPLA, the government's lawyers) ranks
  // below the entry whose title holds it ("Right to counsel (right to a lawyer)", "Derecho a un abogado")
  { q: 'lawyer', firstAny: HELP, not: ['form-n-400', 'tps'] },
  { q: 'abogado', firstAny: HELP, not: ['form-n-400', 'tps'] },
  { q: 'a lawyer', firstAny: HELP },
  { q: 'un abogado', firstAny: HELP },
  // "fianza" / "bond" is the bond hearing ("Audiencia de fianza"), not the detention glossed "(sin fianza)"
  { q: 'fianza', first: 'bond-hearing', top: ['mandatory-detention'] },
  { q: 'bond', first: 'bond-hearing', top: ['mandatory-detention'] },
  { q: 'audiencia de fianza', first: 'bond-hearing' },
  { q: 'sin fianza', first: 'mandatory-detention' },
  // a query that is a name is not answered by its words apart: "CBP One" is not any page with "CBP" and "one"
  { q: 'CBP One', first: 'cbp-one', within: 'cbp-one' },
  { q: 'cbp one app', first: 'cbp-one', within: 'cbp-one' },
  { q: 'temporary protected status', first: 'tps', within: 'tps' },
  { q: 'citizenship', any: CITIZENSHIP, not: ['habeas-corpus', 'tps', 'asylum'] },
  { q: 'ciudadania', any: CITIZENSHIP, not: ['habeas-corpus', 'tps', 'asylum'] },
  { q: '100 mile', top: ['border-zone'] },
  { q: 'traffic stop', any: ['whren-v-united-states', 'traffic-stop'], not: ['form-n-400'] },
  { q: 'traffic stop', top: ['traffic-stop'], needs: ['traffic-stop'] },
  { q: 'expedited removal', top: ['expedited-removal'], needs: ['expedited-removal'] },
  { q: 'bond hearing', top: ['bond-hearing'], needs: ['bond-hearing'] },
  { q: 'miranda', top: ['miranda-warnings'], needs: ['miranda-warnings'] },
  { q: 'detention', top: ['immigration-detention'], needs: ['immigration-detention'] },
  { q: 'ERO', top: ['ice-ero'], not: ['eoir'], needs: ['ice-ero'] },
  // guides: the popup and the index search them too
  { q: 'mandamus vs injunction', top: ['mandamus-vs-injunction'] },
  { q: 'uscis delays', top: ['uscis-delays'] },
  { q: 'rights at a stop', top: ['rights-at-a-stop'] },
  // nothing fits: say so rather than guess
  { q: 'zzzz', none: true },
  { q: 'chocolate cake recipe', none: true },
];

const active = ROWS.filter((r) => (r.needs ?? []).every(exists));

describe('search table (the real glossary)', () => {
  it(`has at least 40 active queries, each naming only entries that exist (${active.length} of ${ROWS.length} active)`, () => {
    expect(active.length).toBeGreaterThanOrEqual(40);
    const unknown = active.flatMap((r) => [...(r.top ?? []), ...(r.needs ?? [])].filter((id) => !exists(id)).map((id) => `${r.q}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it.each(ROWS.map((r) => [`${r.q}${r.needs ? ` (needs ${r.needs.join(', ')})` : ''}`, r] as const))('%s', (_name, row) => {
    if (!(row.needs ?? []).every(exists)) return; // planned entry not written yet
    const found = search(row.q, 8).map((i) => i.id);
    const top3 = found.slice(0, 3);
    if (row.none) expect(found).toEqual([]);
    if (row.first) expect(found[0], `"${row.q}" → ${found.join(', ')}`).toBe(row.first);
    if (row.firstAny) expect(row.firstAny, `"${row.q}" → ${found.join(', ')}: first one of`).toContain(found[0]);
    if (row.within) {
      const named = catalog.terms[row.within] ?? catalog.guides[row.within];
      const near = (id: string) => id === named.id || !!named.related?.includes(id) || !!(catalog.terms[id] ?? catalog.guides[id])?.related?.includes(named.id);
      expect(top3.filter((id) => !near(id)), `"${row.q}" → ${found.join(', ')}: not ${row.within} nor related to it`).toEqual([]);
    }
    for (const id of row.top ?? []) expect(top3, `"${row.q}" → ${found.join(', ')}`).toContain(id);
    if (row.any) expect(row.any.some((id) => top3.includes(id)), `"${row.q}" → ${found.join(', ')}: one of ${row.any.join(', ')}`).toBe(true);
    for (const id of row.not ?? []) expect(top3, `"${row.q}" → ${found.join(', ')}`).not.toContain(id);
  });
});

describe('search', () => {
  it('folds queries the way the matcher folds pages, plus what people leave out of legal tokens', () => {
    expect(searchKey('Inmigración')).toBe('inmigracion');
    expect(['287(g)', '287 (g)', '287-g', '287g'].map(searchKey)).toEqual(['287g', '287g', '287g', '287g']);
    expect(['Form I-485', 'form i 485', 'FORM I485'].map(searchKey)).toEqual(['form i485', 'form i485', 'form i485']);
    expect(searchKey('8 U.S.C. § 1357(g)')).toBe('8 usc 1357g');
    expect(searchKey('§ 1983')).toBe('1983');
    expect(searchKey('Notice to Appear (NTA)')).toBe('notice to appear nta');
    expect(searchKey("ICE's")).toBe('ice');
  });

  it('returns nothing for an empty or one-letter query and honours the limit', () => {
    expect(search('')).toEqual([]);
    expect(search('a')).toEqual([]);
    expect(search('court', 2).length).toBe(2);
  });

  it('finds words of the article bodies only once the body words are given, and ranks them below names and summaries', () => {
    // a word that appears in some article body but in no title, alias or summary
    const word = bodyOnlyWord();
    const withoutBodies = createGlossarySearch(items);
    expect(withoutBodies(word)).toEqual([]);
    expect(search(word).length).toBeGreaterThan(0);
    // a term named by the query outranks entries that only mention it
    expect(search('asylum')[0].id).toBe('asylum');
  });
});

describe('exact lookup (the context menu)', () => {
  const lookup = createExactLookup(items);
  it.each([
    ['Form I-862', ['notice-to-appear']],
    ['formulario i862', ['notice-to-appear']],
    ['perfilamiento racial', ['racial-profiling']],
    ['Writ of Mandamus', ['writ-of-mandamus']],
    ['§1983', ['section-1983']],
    ['  Notice to Appear\n', ['notice-to-appear']],
    ['Rights at a stop', ['rights-at-a-stop']],
    ['mandamus lawsuit delay', []],
    ['police', []],
  ])('%j → %j', (text, ids) => {
    expect(lookup(text as string)).toEqual(ids);
  });
});

function bodyOnlyWord(): string {
  const shallow = new Set(items.flatMap((i) => searchKey([i.en.title, i.es.title, i.en.summary, i.es.summary, ...i.en.aliases, ...i.es.aliases].join(' ')).split(' ')));
  const body = bodyWordsOf(glossary.articles).words.split(' ');
  const word = body.find((w) => w.length >= 7 && /^\p{L}+$/u.test(w) && !shallow.has(w) && ![...shallow].some((s) => s.startsWith(w.slice(0, 5))));
  if (!word) throw new Error('no body-only word in the glossary');
  return word;
}
