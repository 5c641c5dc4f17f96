// The content rules of glossary/FORMAT.md, each broken on purpose in a minimal glossary: the build must name the
// file, the field, what is wrong and what to do, in exactly one line. A clean glossary that uses every feature
// (dates, forms, institutions, case names, secondary sources, guides) passes with no problem at all.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkReport } from '@/glossary/build/check-report';
import { compileGlossary } from '@/glossary/build/compile';
import { glossaryPlugin } from '@/glossary/build/vite-plugin';
import { REVIEW_HEADER, REVIEWED, glossaryWith, guidePair, pair, problemsOf, reviewRow, termFile } from './glossary-fixture';

const source = (url: string, kind: string, reason?: string) =>
  `\n  - title: A source\n    url: ${url}\n    kind: ${kind}${reason ? `\n    reason: ${reason}` : ''}`;
const primary = source('https://www.ecfr.gov/current/title-8/section-287.7', 'regulation');
/** a term whose English and Spanish files cite `sources` (a primary source first, unless `only`) */
const citing = (id: string, extra: string, only = false) => pair(id, { sources: only ? extra : primary + extra });

type Case = [name: string, files: Record<string, string | null>, expected: string];

/** Runs a table of cases: each glossary must produce the expected line among its problems. */
function table(cases: Case[]) {
  it.each(cases)('%s', (_name, files, expected) => {
    const problems = problemsOf(files);
    expect(problems, `the problems were:\n${problems.join('\n')}\n`).toContain(expected);
  });
}

/** A termbase for the Spanish checks: concepts with official and unofficial Spanish, forms, institutions. */
const TERMBASE = `
- id: immigration-court
  kind: court
  en: immigration court
  es: corte de inmigración
  unofficial: EOIR publishes no Spanish name for its courts.
  variants: [tribunal de inmigración]
  forbidden:
    - text: juzgado de inmigración
      reason: not used by EOIR
      use: corte de inmigración
- id: judicial-warrant
  kind: warrant
  en: judicial warrant
  es: orden judicial
  unofficial: No agency Spanish page defines it.
  variants: [orden judicial de arresto]
  forbidden:
    - text: orden de arresto
      reason: ambiguous between a judge's warrant and ICE's
      use: orden judicial de arresto
- id: injunction
  kind: order
  en: injunction
  es: mandato judicial
  source:
    title: USCIS en español
    url: https://www.uscis.gov/es
- id: writ-of-mandamus
  kind: remedy
  en: writ of mandamus
  es: orden de mandamus
  unofficial: No official Spanish.
  forbidden:
    - text: mandato judicial
      reason: USCIS uses it for injunctions
      use: orden de mandamus
- id: criminal-parole
  kind: other
  en: parole (criminal law)
  es: libertad condicional
  unofficial: Standard criminal-law term.
- id: parole
  kind: status
  en: parole (immigration)
  es: permiso de permanencia temporal
  source:
    title: USCIS en español
    url: https://www.uscis.gov/es
  forbidden:
    - text: libertad condicional migratoria
      reason: criminal-law term
      use: permiso de permanencia temporal
- id: dhs
  kind: agency
  en: U.S. Department of Homeland Security (DHS)
  es: Departamento de Seguridad Nacional
  source:
    title: DHS en español
    url: https://www.dhs.gov/es
- id: ice
  kind: agency
  en: U.S. Immigration and Customs Enforcement (ICE)
  es: Servicio de Inmigración y Control de Aduanas
  source:
    title: ICE en español
    url: https://www.ice.gov/es
- id: ice-ero
  kind: office
  en: Enforcement and Removal Operations (ERO)
  es: Oficina de Detención y Deportación
  source:
    title: ICE en español
    url: https://www.ice.gov/es
- id: supreme-court
  kind: court
  en: Supreme Court of the United States
  es: Corte Suprema
  unofficial: Both names are used; we pick one.
  variants: [Tribunal Supremo]
- id: form-i-485
  kind: form
  en: Form I-485, Application to Register/Adjust Status
  es: Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus
  source:
    title: USCIS en español
    url: https://www.uscis.gov/es/i-485
- id: form-eoir-26
  kind: form
  en: Form EOIR-26, Notice of Appeal from a Decision of an Immigration Judge
  es: Formulario EOIR-26 (Notice of Appeal from a Decision of an Immigration Judge)
  unofficial: EOIR publishes no Spanish title.
`;

/** A glossary with the test termbase. */
const withTermbase = (files: Record<string, string | null>) => ({ 'termbase.yaml': TERMBASE, ...files });
/** A term whose Spanish body ends with `text` (the English body stays plain). */
const spanishBody = (id: string, text: string, es: Partial<Parameters<typeof pair>[2]> = {}) =>
  withTermbase(pair(id, {}, { extra: `\n${text}\n`, ...es }));

describe('source policy (FORMAT.md, "Sources")', () => {
  table([
    ['a court source on a host that is not a court',
      citing('tps', source('https://clearinghouse.net/case/12282/', 'court')),
      'terms/tps.en.md: sources.1.kind: is "court" but clearinghouse.net is not a court host (supremecourt.gov, *.uscourts.gov, govinfo.gov, law.cornell.edu/supremecourt, law.cornell.edu/rules, justice.gov, a state court site on .gov/.us); cite the primary copy, or use kind: secondary with a reason'],
    ['a statute on a host that only has it under another path (LII Wex is not the U.S. Code)',
      citing('tps', source('https://www.law.cornell.edu/wex/mandamus', 'statute')),
      'terms/tps.en.md: sources.1.kind: is "statute" but www.law.cornell.edu is not a statute host (uscode.house.gov, govinfo.gov, congress.gov, law.cornell.edu/uscode); cite the primary copy, or use kind: secondary with a reason'],
    ['an agency source that is not a government site',
      citing('tps', source('https://www.aclu.org/know-your-rights', 'agency')),
      'terms/tps.en.md: sources.1.kind: is "agency" but www.aclu.org is not a agency host (a .gov or .mil host); cite the primary copy, or use kind: secondary with a reason'],
    ['a secondary source with no reason',
      citing('tps', source('https://www.aclu.org/know-your-rights', 'secondary')),
      'terms/tps.en.md: sources.1.reason: is missing: a secondary source (www.aclu.org) needs reason:, one line saying why no primary source serves'],
    ['only secondary sources',
      citing('tps', source('https://www.aclu.org/know-your-rights', 'secondary', 'Explains the rights the rule implies.'), true),
      'terms/tps.en.md: sources: lists only secondary sources; cite at least one primary source (statute, regulation, court or agency page)'],
    ['a Scribd copy', citing('tps', source('https://www.scribd.com/document/75878015/ICE-Letter', 'secondary', 'The letter is not online elsewhere.')),
      'terms/tps.en.md: sources.1.url: "https://www.scribd.com/document/75878015/ICE-Letter" is a legacy or aggregator copy (scribd.com); cite the document\'s own home (the court, the agency or the Federal Register)'],
    ['an EveryCRSReport copy', citing('tps', source('https://www.everycrsreport.com/reports/R43013.html', 'secondary', 'An older copy of the report.')),
      'terms/tps.en.md: sources.1.url: "https://www.everycrsreport.com/reports/R43013.html" is a legacy or aggregator copy (everycrsreport.com); cite the report at crsreports.congress.gov'],
    ['a CRS report on fas.org', citing('tps', source('https://fas.org/sgp/crs/homesec/R43013.pdf', 'secondary', 'An older copy of the report.')),
      'terms/tps.en.md: sources.1.url: "https://fas.org/sgp/crs/homesec/R43013.pdf" is a legacy or aggregator copy (fas.org/sgp/crs); cite the report at crsreports.congress.gov'],
    ['the old U.S. Attorneys\' Manual path', citing('tps', source('https://www.justice.gov/usam/civil-resource-manual-215-mandamus', 'agency')),
      'terms/tps.en.md: sources.1.url: "https://www.justice.gov/usam/civil-resource-manual-215-mandamus" is a legacy or aggregator copy (justice.gov/usam/); the manual moved to justice.gov/jm/; cite that page'],
    ['a Casetext copy of an opinion', citing('tps', source('https://casetext.com/case/miranda-olivares', 'secondary', 'A copy of the opinion.')),
      'terms/tps.en.md: sources.1.url: "https://casetext.com/case/miranda-olivares" is a legacy or aggregator copy (casetext.com); cite the court\'s own site or law.cornell.edu'],
    ['a FindLaw copy of an opinion', citing('tps', source('https://caselaw.findlaw.com/us-supreme-court/517/806.html', 'secondary', 'A copy of the opinion.')),
      'terms/tps.en.md: sources.1.url: "https://caselaw.findlaw.com/us-supreme-court/517/806.html" is a legacy or aggregator copy (findlaw.com); cite the court\'s own site or law.cornell.edu'],
    ['a Justia copy of an opinion', citing('tps', source('https://supreme.justia.com/cases/federal/us/604/24a931/', 'court')),
      'terms/tps.en.md: sources.1.url: "https://supreme.justia.com/cases/federal/us/604/24a931/" is a legacy or aggregator copy (justia.com); cite the court\'s own site or law.cornell.edu'],
    ['an archived page cited as an agency page', citing('tps', source('https://web.archive.org/web/2016/https://www.ice.gov/secure-communities', 'agency')),
      'terms/tps.en.md: sources.1.url: "https://web.archive.org/web/2016/https://www.ice.gov/secure-communities" is a legacy or aggregator copy (web.archive.org); cite the live primary page; an archived copy of a withdrawn page only as kind: secondary with a reason'],
    ['a secondary source whose reason runs over several lines', citing('tps', source('https://www.aclu.org/know-your-rights', 'secondary', '|\n      The only copy.\n      Nothing else.')),
      'terms/tps.en.md: sources.1.reason: runs over several lines; say in one line why no primary source serves (use >- to fold a long line)'],
    ['a guide with a secondary source and no reason',
      guidePair('a-guide', { sources: primary + source('https://www.acluaz.org/en/cases/melendres', 'secondary') }),
      'guides/a-guide.en.md: sources.1.reason: is missing: a secondary source (www.acluaz.org) needs reason:, one line saying why no primary source serves'],
  ]);

  it('accepts each kind on its own hosts, a state court site, and an archived page as a secondary source with a reason', () => {
    const sources = [
      source('https://constitution.congress.gov/constitution/amendment-4/', 'constitution'),
      source('https://www.law.cornell.edu/uscode/text/8/1357', 'statute'),
      source('https://www.federalregister.gov/d/2025-01720', 'regulation'),
      source('https://www.ca9.uscourts.gov/opinions/', 'court'),
      source('https://www.courts.ca.gov/opinions.htm', 'court'),
    ].join('');
    const more = [
      source('https://www.justice.gov/eoir/ag-bia-decisions', 'court'),
      source('https://crsreports.congress.gov/product/pdf/IF/IF11898', 'agency'),
      source('https://web.archive.org/web/2016/https://www.ice.gov/secure-communities', 'secondary', 'The page was withdrawn; this is the archived copy.'),
    ].join('');
    expect(problemsOf({ ...pair('tps', { sources }), ...pair('visa', { sources: more + primary }) })).toEqual([]);
  });
});

describe('dates (FORMAT.md, "Dates")', () => {
  table([
    ['a recent year in the summary and no as_of',
      pair('tps', { summary: 'A rule from 2025 changed who can get this status in the United States.' }, { summary: 'Una regla de 2025 cambió quién puede tener este estatus en Estados Unidos.' }),
      'terms/tps.en.md: as_of: is missing, but the summary mentions the year 2025, so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['"now" in an English body', pair('tps', { extra: '\nThe program is now closed to new people.\n' }, { extra: '\nEl programa está cerrado.\n' }),
      'terms/tps.en.md: as_of: is missing, but the body mentions "now", so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['"at present" across a line break', pair('tps', { extra: '\nThe office is, at\npresent, closed.\n' }, {}),
      'terms/tps.en.md: as_of: is missing, but the body mentions "at present", so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['"Hoy" in a Spanish body, any case', pair('tps', {}, { extra: '\nHoy el programa no acepta solicitudes.\n' }),
      'terms/tps.es.md: as_of: is missing, but the body mentions "hoy", so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['"en la actualidad" without its accent folded away', pair('tps', {}, { extra: '\nEn la actualidad hay 16 países.\n' }),
      'terms/tps.es.md: as_of: is missing, but the body mentions "en la actualidad", so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['"as of" a month with no year', pair('tps', { extra: '\nThe list was last updated as of March.\n' }, {}),
      'terms/tps.en.md: as_of: is missing, but the body mentions "as of March", so it states something that can change; add as_of: the date of the newest source that confirms it'],
    ['as_of later than reviewed', pair('tps', { as_of: '2026-12-01' }),
      'terms/tps.en.md: as_of: 2026-12-01 is later than reviewed (2026-11-27); as_of is the date of a source the checker read, so it cannot come after the review'],
    ['as_of earlier than the newest year in the text',
      pair('tps', { as_of: '2024-05-01', extra: '\nA court ruled on it in 2025.\n' }, { as_of: '2024-05-01', extra: '\nUna corte decidió en 2025.\n' }),
      'terms/tps.en.md: as_of: 2024-05-01 is earlier than 2025, the newest year the text mentions; as_of must date the newest source the text relies on'],
    ['Spanish as_of different from the English one', pair('tps', { as_of: '2026-03-01' }, { as_of: '2026-02-01' }),
      'terms/tps.es.md: as_of: is 2026-02-01 but the English file says 2026-03-01; both languages state the same facts as of the same date'],
    ['Spanish as_of missing where the English has one', pair('tps', { as_of: '2026-03-01' }, {}),
      'terms/tps.es.md: as_of: is missing but the English file says 2026-03-01; both languages state the same facts as of the same date'],
    ['Spanish reviewed different from the English one',
      { ...pair('tps', {}, { reviewed: '2026-11-28' }), 'review-log/fixture.md': REVIEW_HEADER + reviewRow('tps') + reviewRow('tps', '2026-11-28') },
      'terms/tps.es.md: reviewed: is 2026-11-28 but the English file says 2026-11-27; both languages are reviewed together'],
    ['Spanish category different from the English one', pair('tps', { category: 'status' }, { category: 'help' }),
      'terms/tps.es.md: category: is "help" but the English file says "status"'],
    ['a guide that mentions a recent year with no as_of', guidePair('a-guide', { text: 'In 2025 the agency changed the rule.' }, { text: 'En 2025 la agencia cambió la regla.' }),
      'guides/a-guide.en.md: as_of: is missing, but the body mentions the year 2025, so it states something that can change; add as_of: the date of the newest source that confirms it'],
  ]);

  it.each([
    ['a year only inside a link address', '\nSee [the notice](https://www.federalregister.gov/d/2025-01720).\n', '\nVea [el aviso](https://www.federalregister.gov/d/2025-01720).\n'],
    ['years before 2017, a section number and a thousands-separated count', '\nThe 1996 law, § 2018 and 12,019 people.\n', '\nLa ley de 1996, § 2018 y 12.019 personas.\n'],
    ['words that only contain the listed ones', '\nYou should know this; snow is not a date.\n', '\nPuede ahorrar dinero; Hoyos es un apellido.\n'],
  ])('needs no as_of for %s', (_name, en, es) => {
    expect(problemsOf(pair('tps', { extra: en }, { extra: es }))).toEqual([]);
  });

  it('compares as_of only with years up to the review, not with future dates such as deadlines', () => {
    const extra = { en: '\nIn 2026 the agency extended it through 2028.\n', es: '\nEn 2026 la agencia lo extendió hasta 2028.\n' };
    expect(problemsOf(pair('tps', { as_of: '2026-03-01', extra: extra.en }, { as_of: '2026-03-01', extra: extra.es }))).toEqual([]);
  });
});

describe('Spanish termbase (FORMAT.md, "Spanish: the termbase")', () => {
  table([
    ['a missing termbase', { ...pair('tps'), 'termbase.yaml': null },
      'termbase.yaml: (file): is missing; the Spanish termbase lists the Spanish term for every concept (see FORMAT.md, "Spanish: the termbase")'],
    ['a termbase that is not valid YAML, with the line of the error', { ...pair('tps'), 'termbase.yaml': '- id: a\n  kind: court\n  en: [court\n' },
      'termbase.yaml: (file): is not valid YAML at line 4, column 1: flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a concept with an unknown kind, named by id and line', { ...pair('tps'), 'termbase.yaml': TERMBASE.replace('kind: warrant', 'kind: writ') },
      'termbase.yaml: 1.kind: must be one of court, agency, office, form, warrant, order, remedy, proceeding, status, program, law, other (concept judicial-warrant, line 13)'],
    ['a concept with neither a source nor unofficial', { ...pair('tps'), 'termbase.yaml': '- id: visa\n  kind: status\n  en: visa\n  es: visa\n' },
      'termbase.yaml: 0.source: is missing: give the official source of the Spanish, or unofficial: why none exists (concept visa, line 1)'],
    ['a forbidden variant without its reason', { ...pair('tps'), 'termbase.yaml': TERMBASE.replace('      reason: not used by EOIR\n', '') },
      'termbase.yaml: 0.forbidden.0.reason: Invalid input: expected string, received undefined (concept immigration-court, line 9)'],
    ['one Spanish phrase listed for two concepts', { ...pair('tps'), 'termbase.yaml': `${TERMBASE}- id: eoir\n  kind: agency\n  en: EOIR\n  es: Oficina Ejecutiva de Revisión de Inmigración\n  unofficial: No official name here.\n  variants: [tribunal de inmigración]\n` },
      'termbase.yaml: 12.variants.0: "tribunal de inmigración" is also listed for immigration-court (0.variants.0); one Spanish phrase stands for one concept (concept eoir, line 98)'],
    ['a phrase both accepted and forbidden for one concept', { ...pair('tps'), 'termbase.yaml': TERMBASE.replace('variants: [tribunal de inmigración]', 'variants: [tribunal de inmigración, juzgado de inmigración]') },
      'termbase.yaml: 0.forbidden.0.text: "juzgado de inmigración" is also accepted for immigration-court; a phrase is either accepted or forbidden for a concept (concept immigration-court, line 9)'],
    ['a forbidden variant in a Spanish body', spanishBody('tps', 'El caso va al juzgado de inmigración.'),
      'terms/tps.es.md: body: uses "juzgado de inmigración", which termbase.yaml forbids for immigration-court (not used by EOIR); write "corte de inmigración"'],
    ['a forbidden variant in a Spanish summary, written without accents', withTermbase(pair('tps', {}, { summary: 'Un caso que decide el juzgado de inmigracion cuando hay una orden.' })),
      'terms/tps.es.md: summary: uses "juzgado de inmigracion", which termbase.yaml forbids for immigration-court (not used by EOIR); write "corte de inmigración"'],
    ['a forbidden variant as a Spanish alias', withTermbase(pair('tps', {}, { aliases: ['juzgado de inmigración'] })),
      'terms/tps.es.md: aliases.0: uses "juzgado de inmigración", which termbase.yaml forbids for immigration-court (not used by EOIR); write "corte de inmigración"'],
    ['a forbidden variant as a Spanish title', withTermbase(pair('tps', {}, { title: 'Orden de arresto' })),
      'terms/tps.es.md: title: uses "Orden de arresto", which termbase.yaml forbids for judicial-warrant (ambiguous between a judge\'s warrant and ICE\'s); write "orden judicial de arresto"'],
    ['another concept\'s accepted phrase used in the file of the concept that forbids it', spanishBody('writ-of-mandamus', 'Es un mandato judicial.'),
      'terms/writ-of-mandamus.es.md: body: uses "mandato judicial", which termbase.yaml forbids for writ-of-mandamus (USCIS uses it for injunctions); write "orden de mandamus"'],
    ['two Spanish term files with one title', withTermbase({ ...pair('tps', {}, { title: 'Estatus de protección' }), ...pair('visa', {}, { title: 'Estatus de Protección' }) }),
      'terms/visa.es.md: title: "Estatus de Protección" is also the title of terms/tps.es.md; one Spanish title names one term'],
    ['a Spanish alias that is another concept\'s phrase', withTermbase(pair('tps', {}, { aliases: ['corte de inmigración'] })),
      'terms/tps.es.md: aliases.0: "corte de inmigración" is the termbase phrase of immigration-court, another concept; a title or alias names only its own term'],
    ['a Spanish title that is another concept\'s phrase, with an acronym in parentheses', withTermbase(pair('tps', {}, { title: 'Departamento de Seguridad Nacional (DHS)' })),
      'terms/tps.es.md: title: "Departamento de Seguridad Nacional" is the termbase phrase of dhs, another concept; a title or alias names only its own term'],
    ['a form the termbase does not list', spanishBody('tps', 'Se usa el Formulario I-130.'),
      'terms/tps.es.md: body: names Form I-130, which termbase.yaml does not list; add the form to the termbase (kind: form, with its official Spanish title and source, or unofficial: why none)'],
    ['a Spanish title for a form that has none', spanishBody('tps', 'Para apelar se usa el Formulario EOIR-26, "Aviso de Apelación de una Decisión del Juez".'),
      'terms/tps.es.md: body: gives Form EOIR-26 the title "Aviso de Apelación de una Decisión del Juez", but the form has no official Spanish title; write its number and, if needed, its English title "Notice of Appeal from a Decision of an Immigration Judge"'],
    ['a Spanish form title that is not the official one', spanishBody('tps', 'Se presenta el Formulario I-485 (Solicitud de Ajuste de Estatus).'),
      'terms/tps.es.md: body: gives Form I-485 the title "Solicitud de Ajuste de Estatus"; its official Spanish title is "Solicitud de Registro de Residencia Permanente o Ajuste de Estatus" (termbase.yaml, form-i-485)'],
    ['a quoted Spanish form title before the number', spanishBody('tps', 'Llene el "Aviso de Apelación" (Formulario EOIR-26) pronto.'),
      'terms/tps.es.md: body: gives Form EOIR-26 the title "Aviso de Apelación", but the form has no official Spanish title; write its number and, if needed, its English title "Notice of Appeal from a Decision of an Immigration Judge"'],
    ['an institution the termbase does not list', spanishBody('tps', 'La Oficina de Asuntos Públicos publica avisos.'),
      'terms/tps.es.md: body: names the institution "Oficina de Asuntos Públicos", which termbase.yaml does not list; use the termbase\'s name for it, or add it to the termbase (as the Spanish to use or a variant)'],
    ['an institution under a name close to the listed one', spanishBody('tps', 'El Departamento de Seguridad Interna decide.'),
      'terms/tps.es.md: body: names the institution "Departamento de Seguridad Interna", which termbase.yaml does not list; use the termbase\'s name for it, or add it to the termbase (as the Spanish to use or a variant)'],
    ['an institution name as a Spanish alias', withTermbase(pair('tps', {}, { aliases: ['Junta de Revisión Migratoria'] })),
      'terms/tps.es.md: aliases.0: names the institution "Junta de Revisión Migratoria", which termbase.yaml does not list; use the termbase\'s name for it, or add it to the termbase (as the Spanish to use or a variant)'],
    ['a Spanish guide', withTermbase(guidePair('a-guide', {}, { text: 'El juzgado de inmigración decide.' })),
      'guides/a-guide.es.md: body: uses "juzgado de inmigración", which termbase.yaml forbids for immigration-court (not used by EOIR); write "corte de inmigración"'],
  ]);

  it.each([
    ['a forbidden phrase inside a longer accepted phrase', 'Necesitan una orden judicial de arresto firmada.'],
    ['a forbidden phrase in a sentence that says what something is not', 'El permiso no es libertad condicional migratoria. No es una orden de arresto.'],
    ['a quoted mention of what others call it', 'La prensa a veces la llama "orden de arresto", pero es otra cosa.'],
    ['another concept\'s accepted phrase outside the file that forbids it', 'Un mandato judicial detiene una política.'],
    ['listed forms with their official, English or shortened English titles', 'El Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, y el Formulario EOIR-26 (Notice of Appeal, en inglés).'],
    ['an English title cut at a slash', 'El Formulario EOIR-26 (Notice of Appeal) y el Formulario I-485 (Application to Register/Adjust).'],
    ['listed institutions, with a country, a listed parent or an acronym after them', 'El Departamento de Seguridad Nacional de Estados Unidos y la Oficina de Detención y Deportación del Servicio de Inmigración y Control de Aduanas (ICE), o la Oficina de Detención y Deportación de ICE, y la Corte Suprema y el Tribunal Supremo.'],
    ['two names joined by "y del", and a parent named with "de la" and its acronym', 'Los datos del Departamento de Seguridad Nacional y del Servicio de Inmigración y Control de Aduanas, y la Oficina de Detención y Deportación de la ICE.'],
    ['a listed name at the end of a sentence, before a capitalised word', 'Lo decide la Oficina de Detención y Deportación de ICE. La Corte Suprema lo revisó en EE. UU. Después, nada.'],
    ['a head noun that starts no name', 'Corte la hoja. Un Centro de detención. La División C de la ley. La Corte Suprema Miranda contra Arizona.'],
    ['a head noun inside a longer phrase in title case (a heading style)', 'Vea el Modelo de Oficial de Servicio de Órdenes.'],
  ])('accepts %s', (_name, text) => {
    // the English body names the same forms, so that parity has nothing to say
    const forms = [...text.matchAll(/\b(?:I|EOIR)-\d+/g)].map((m) => m[0]).join(' and ');
    expect(problemsOf(withTermbase(pair('tps', { extra: forms ? `\nForms ${forms}.\n` : '' }, { extra: `\n${text}\n` })))).toEqual([]);
  });

  describe('alias-only variants (alias_only): what pages say, listed as aliases, never in our titles or prose', () => {
    const ALIAS_ONLY = `${TERMBASE}- id: racial-profiling
  kind: other
  en: racial profiling
  es: perfil racial
  unofficial: No official Spanish.
  alias_only: [perfilamiento racial]
- id: preliminary-injunction
  kind: remedy
  en: preliminary injunction
  es: mandato judicial preliminar
  unofficial: USCIS usage.
  alias_only: [orden judicial preliminar, Servicio de Control de Inmigración y Aduanas]
`;
    const withAliasOnly = (files: Record<string, string | null>) => ({ 'termbase.yaml': ALIAS_ONLY, ...files });
    const said = (concept: string, es: string) =>
      `an alias-only variant of ${concept} in termbase.yaml (pages say it; our Spanish does not); write "${es}"`;
    table([
      ['an alias-only variant in a Spanish body', withAliasOnly(pair('tps', {}, { extra: '\nHubo perfilamiento racial en la parada.\n' })),
        `terms/tps.es.md: body: uses "perfilamiento racial", ${said('racial-profiling', 'perfil racial')}`],
      ['an alias-only variant in a Spanish summary, in the plural and without accents', withAliasOnly(pair('tps', {}, { summary: 'Los perfilamientos raciales en la calle son un problema para la gente.' })),
        `terms/tps.es.md: summary: uses "perfilamientos raciales", ${said('racial-profiling', 'perfil racial')}`],
      ['an alias-only variant as the Spanish title of its own entry', withAliasOnly(pair('racial-profiling', {}, { title: 'Perfilamiento racial' })),
        `terms/racial-profiling.es.md: title: uses "Perfilamiento racial", ${said('racial-profiling', 'perfil racial')}`],
      ['an alias-only variant in a Spanish guide', withAliasOnly(guidePair('a-guide', {}, { text: 'Un juez dio una orden judicial preliminar.' })),
        `guides/a-guide.es.md: body: uses "orden judicial preliminar", ${said('preliminary-injunction', 'mandato judicial preliminar')}`],
      ['an alias-only institution name in prose (reported once, as alias-only)', withAliasOnly(pair('tps', {}, { extra: '\nEl Servicio de Control de Inmigración y Aduanas detuvo a dos personas.\n' })),
        `terms/tps.es.md: body: uses "Servicio de Control de Inmigración y Aduanas", ${said('preliminary-injunction', 'mandato judicial preliminar')}`],
      ['another entry\'s alias-only variant as an alias', withAliasOnly(pair('tps', {}, { aliases: ['perfilamiento racial'] })),
        'terms/tps.es.md: aliases.0: "perfilamiento racial" is the termbase phrase of racial-profiling, another concept; a title or alias names only its own term'],
      ['a phrase both for prose and alias-only for one concept', { ...pair('tps'), 'termbase.yaml': ALIAS_ONLY.replace('alias_only: [perfilamiento racial]', 'variants: [perfilamiento racial]\n  alias_only: [perfilamiento racial]') },
        'termbase.yaml: 12.alias_only.0: "perfilamiento racial" is also a variant of racial-profiling; a phrase is either alias-only or for prose (concept racial-profiling, line 99)'],
      ['an alias-only variant of one concept listed for another', { ...pair('tps'), 'termbase.yaml': ALIAS_ONLY.replace('alias_only: [orden judicial preliminar,', 'alias_only: [perfilamiento racial,') },
        'termbase.yaml: 13.alias_only.0: "perfilamiento racial" is also listed for racial-profiling (12.alias_only.0); one Spanish phrase stands for one concept (concept preliminary-injunction, line 104)'],
      ['an alias-only list that is not a list of phrases', { ...pair('tps'), 'termbase.yaml': ALIAS_ONLY.replace('alias_only: [perfilamiento racial]', 'alias_only: [x]') },
        'termbase.yaml: 12.alias_only.0: is too short (concept racial-profiling, line 98)'],
    ]);

    it('reports an alias-only institution name once, not also as an unlisted institution', () => {
      const problems = problemsOf(withAliasOnly(pair('tps', {}, { extra: '\nEl Servicio de Control de Inmigración y Aduanas detuvo a dos personas.\n' })));
      expect(problems).toHaveLength(1);
    });

    it.each([
      ['its own entry lists it as an alias', pair('racial-profiling', {}, { aliases: ['perfil racial', 'perfilamiento racial'] })],
      ['prose quotes what others call it', pair('tps', {}, { extra: '\nAlgunos medios lo llaman "perfilamiento racial", pero aquí decimos perfil racial.\n' })],
      ['prose says what something is not', pair('tps', {}, { extra: '\nEsto no es perfilamiento racial.\n' })],
    ])('accepts an alias-only variant where %s', (_name, files) => {
      expect(problemsOf(withAliasOnly(files))).toEqual([]);
    });
  });

  it('never checks English files against the Spanish termbase', () => {
    expect(problemsOf(withTermbase(pair('tps', { extra: '\nThe juzgado de inmigración and Form I-130 (Oficina de Nada).\n' }, { extra: '\nEl Formulario I-130.\n' })))).not.toContain(expect.stringMatching(/^terms\/tps\.en\.md/));
  });
});

describe('English–Spanish parity (FORMAT.md, "English and Spanish say the same thing")', () => {
  const summaries = (en: string, es: string) => pair('tps', { summary: en, as_of: '2026-03-01' }, { summary: es, as_of: '2026-03-01' });
  const bodies = (en: string, es: string) => pair('tps', { extra: `\n${en}\n`, as_of: '2026-03-01' }, { extra: `\n${es}\n`, as_of: '2026-03-01' });
  table([
    ['a number in the English summary only', summaries('You must appeal within 30 days of the judge\'s decision in court.', 'Debe apelar pronto después de la decisión del juez en la corte.'),
      'terms/tps.es.md: summary: lacks what the English summary states: "30"; state the same facts with the same digits in both languages'],
    ['a number in the Spanish summary only', summaries('You must appeal soon after the judge\'s decision in the court case.', 'Debe apelar en 10 días después de la decisión del juez en la corte.'),
      'terms/tps.en.md: summary: lacks what the Spanish summary states: "10"; state the same facts with the same digits in both languages'],
    ['a section with a different subsection', bodies('Under 8 U.S.C. § 1357(g), officers may act.', 'Según la sección 1357(a), los agentes pueden actuar.'),
      'terms/tps.es.md: body: lacks what the English body states: "8 U.S.C. § 1357(g)" (section); state the same facts with the same digits in both languages'],
    ['a regulation section in one language', bodies('The deadline is in 8 CFR 1003.38.', 'El plazo está en el reglamento.'),
      'terms/tps.es.md: body: lacks what the English body states: "8 CFR 1003.38" (section); state the same facts with the same digits in both languages'],
    ['a different form number', bodies('File Form I-130 first.', 'Presente primero el Formulario I-129.'),
      'terms/tps.es.md: body: lacks what the English body states: "I-130" (form); state the same facts with the same digits in both languages'],
    ['a case name in one language', bodies('In Trump v. CASA, Inc. the Court limited universal injunctions.', 'La Corte limitó los mandatos universales.'),
      'terms/tps.es.md: body: lacks what the English body states: "Trump v. CASA, Inc" (case name); state the same facts with the same digits in both languages'],
    ['a case name with a translated party', bodies('See Payton v. New York.', 'Vea Payton contra Nueva York.'),
      'terms/tps.es.md: body: lacks what the English body states: "Payton v. New York" (case name); state the same facts with the same digits in both languages'],
    ['a year written as a decade', bodies('In the 1960s police questioned him.', 'En los años 60 la policía lo interrogó.'),
      'terms/tps.es.md: body: lacks what the English body states: "1960"; state the same facts with the same digits in both languages'],
    ['a guide body', guidePair('a-guide', { text: 'It takes 48 hours.' }, { text: 'Tarda dos días.' }),
      'guides/a-guide.es.md: body: lacks what the English body states: "48"; state the same facts with the same digits in both languages'],
  ]);

  it.each([
    ['thousands written three ways', 'About 1,000 people, then 25 000 and 3.2 million.', 'Unas 1.000 personas, luego 25.000 y 3,2 millones.'],
    ['sections written as "section" and "sección", forms with and without "Form"', 'Section 287(g) and 8 U.S.C. § 1357(g); Form I-485.', 'La sección 287(g) y el 8 U.S.C. § 1357(g); el I-485.'],
    ['a case name with "contra" or with the country in Spanish', 'Terry v. Ohio and United States v. Brignoni-Ponce, and Arizona v. United States.', 'Terry contra Ohio y Estados Unidos v. Brignoni-Ponce, y Arizona c. EE. UU.'],
    ['digits in link addresses', 'See [the rule](https://www.federalregister.gov/d/2025-01720) from the agency.', 'Vea [la regla](https://www.federalregister.gov/documents/2024/99) de la agencia.'],
    ['a "contra" phrase that is not a case', 'The Criminal Alien Program.', 'El Programa contra Extranjeros Criminales.'],
  ])('accepts %s', (_name, en, es) => {
    expect(problemsOf(withTermbase(bodies(en, es)))).toEqual([]);
  });
});

describe('review log (FORMAT.md, "Review log")', () => {
  table([
    ['no review log at all', { ...pair('tps'), 'review-log/fixture.md': null },
      'review-log: (folder): has no review log; every term and guide needs a row in a review-log/*.md table (see FORMAT.md, "Review log")'],
    ['a term with no row', { ...pair('tps'), ...pair('visa'), 'review-log/fixture.md': REVIEW_HEADER + reviewRow('visa') },
      'terms/tps.en.md: reviewed: 2026-11-27 has no row in review-log (id tps, reviewed 2026-11-27); log the review, or set reviewed to the logged date'],
    ['a row for an older review only', { ...pair('tps'), 'review-log/fixture.md': REVIEW_HEADER + reviewRow('tps', '2026-10-01') },
      'terms/tps.en.md: reviewed: 2026-11-27 has no row in review-log (id tps, reviewed 2026-11-27); the log has 2026-10-01; log the review, or set reviewed to the logged date'],
    ['a guide with no row', { ...pair('tps'), ...guidePair('a-guide'), 'review-log/fixture.md': REVIEW_HEADER + reviewRow('tps') },
      'guides/a-guide.en.md: reviewed: 2026-11-27 has no row in review-log (id a-guide, reviewed 2026-11-27); log the review, or set reviewed to the logged date'],
    ['a writer who checked their own entry', { ...pair('tps'), 'review-log/fixture.md': `# Batch\n\n${REVIEW_HEADER}${reviewRow('tps', REVIEWED, 'helper W1, helper W2', 'Helper  W2')}` },
      'review-log/fixture.md: line 5: tps: the checker "helper w2" is also its writer; an entry is re-read by someone who did not write it'],
    ['a row with a missing cell', { ...pair('tps'), 'review-log/fixture.md': `${REVIEW_HEADER}${reviewRow('tps')}| visa | 2026-11-27 | helper W1 | helper C1 | 8 CFR 214 | — |\n` },
      'review-log/fixture.md: line 4: has 6 cells; a review row has 7 (id, reviewed, writer, checker, checked against, changed, could not confirm); write — in an empty cell and \\| for a bar inside a cell'],
    ['a row with an empty cell', { ...pair('tps'), 'review-log/fixture.md': `${REVIEW_HEADER}${reviewRow('tps')}| visa | 2026-11-27 | helper W1 |  | 8 CFR 214 | — | — |\n` },
      'review-log/fixture.md: line 4: checker is empty; fill every cell (— for none)'],
    ['a row with a bad date', { ...pair('tps'), 'review-log/fixture.md': `${REVIEW_HEADER}${reviewRow('tps')}${reviewRow('visa', '29/11/2026')}` },
      'review-log/fixture.md: line 4: reviewed "29/11/2026" is not a date like 2026-11-29'],
    ['a row with a bad id', { ...pair('tps'), 'review-log/fixture.md': `${REVIEW_HEADER}${reviewRow('tps')}${reviewRow('Form I-130')}` },
      'review-log/fixture.md: line 4: id "Form I-130" is not a term or guide id (lowercase kebab-case)'],
    ['a table with other columns', { ...pair('tps'), 'review-log/fixture.md': `${REVIEW_HEADER}${reviewRow('tps')}\n| id | date |\n|---|---|\n| tps | 2026-11-27 |\n` },
      'review-log/fixture.md: line 5: table header is "| id | date |"; a review table has the columns | id | reviewed | writer | checker | checked against | changed | could not confirm |'],
  ]);

  it('accepts several log files, several writers, bars inside cells and notes between tables', () => {
    const files = {
      ...pair('tps'),
      ...guidePair('a-guide'),
      'review-log/fixture.md': `# Batch 1\n\nNotes.\n\n${REVIEW_HEADER}| tps | 2026-11-27 | helper W1 & helper W2 | helper C1 | 8 CFR 244 \\| eCFR | — | — |\n`,
      'review-log/batch-2.md': REVIEW_HEADER + reviewRow('a-guide'),
    };
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('readability, moved from the glossary test into the build', () => {
  table([
    ['an English summary above grade 11', pair('tps', { summary: 'Notwithstanding administrative jurisprudential considerations, constitutional adjudication necessitates comprehensive institutional deliberation regarding discretionary prosecutorial determinations.' }, {}),
      'terms/tps.en.md: summary: Flesch–Kincaid grade 45.5 is above 11; use shorter sentences and shorter words'],
    ['an English average above 8', pair('tps', { summary: 'Notwithstanding administrative jurisprudential considerations, constitutional adjudication necessitates comprehensive institutional deliberation regarding discretionary prosecutorial determinations.' }, {}),
      'terms: summary: the average English Flesch–Kincaid grade is 45.50, above 8; simplify the hardest summaries (npm run glossary:check lists each grade)'],
    ['a Spanish summary below 45', pair('tps', {}, { summary: 'Independientemente de consideraciones jurisprudenciales administrativas, la adjudicación constitucional necesariamente requiere deliberación institucional comprehensiva.' }),
      'terms/tps.es.md: summary: Fernández-Huerta score -88.0 is below 45; use shorter sentences and shorter words'],
  ]);
});

describe('other rules the build checks (FORMAT.md)', () => {
  table([
    ['an English legal-advice disclaimer', pair('tps', { extra: '\nThis page is not legal advice.\n' }, {}),
      'terms/tps.en.md: body: says "is not legal advice"; leave it out: the interface shows the "not legal advice" line everywhere'],
    ['a Spanish legal-advice disclaimer', pair('tps', {}, { summary: 'Esta tarjeta no es asesoría legal, solo información general sobre el tema.' }),
      'terms/tps.es.md: summary: says "no es asesoria legal"; leave it out: the interface shows the "not legal advice" line everywhere'],
    ['a guide with no section heading', { ...pair('tps'), 'guides/a-guide.en.md': guidePair('a-guide')['guides/a-guide.en.md'].replace('## Part', 'Part'), 'guides/a-guide.es.md': guidePair('a-guide')['guides/a-guide.es.md'] },
      'guides/a-guide.en.md: body: has no "## " section heading; cut the guide into sections with ## headings'],
    ['a guide with a level-1 heading', { ...pair('tps'), ...guidePair('a-guide', { text: '\n# Big title\n\n## Part two\n' }, {}) },
      'guides/a-guide.en.md: body: has the level-1 heading "# Big title"; the title is the page\'s only level-1 heading, so use ## for sections'],
  ]);
});

describe('a clean glossary', () => {
  it('uses every checked feature and has no problem at all', () => {
    const en = '\nIn 2025, DHS changed the rule under 8 U.S.C. § 1357(g). File Form I-485 within 30 days. See Trump v. CASA, Inc. and [the notice](https://www.federalregister.gov/d/2025-01720).\n';
    const es = '\nEn 2025, el [Departamento de Seguridad Nacional](term:visa) cambió la regla según la sección 1357(g). Presente el Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, dentro de 30 días. Vea Trump contra CASA y [el aviso](https://www.federalregister.gov/d/2025-01720). La corte de inmigración y la Oficina de Detención y Deportación de ICE no son una orden judicial de arresto.\n';
    const files = withTermbase({
      ...pair('tps', { as_of: '2026-03-12', extra: en, sources: primary + source('https://www.acluaz.org/en/cases/melendres', 'secondary', 'Explains the order, which is not online elsewhere.') }, { as_of: '2026-03-12', extra: es, sources: primary }),
      ...pair('visa'),
      ...guidePair('a-guide', { text: 'Now the [visa rule](term:visa) is old.', as_of: '2026-03-12' }, { text: 'Hoy la [regla de visas](term:visa) es vieja.', as_of: '2026-03-12' }),
    });
    expect(problemsOf(files)).toEqual([]);
  });
});

describe('npm run glossary:check and the build say the same thing (issue 12, item 12)', () => {
  /** a new term, and a guide that mentions it without linking it: the problem is in the guide, not the term */
  const newTermAndGuide = () => glossaryWith({
    ...pair('writ-of-mandamus', { aliases: ['writ of mandamus'] }),
    ...guidePair('a-guide', { text: 'A writ of mandamus is rare.' }, { text: 'Una [orden](term:writ-of-mandamus) es rara.' }),
  });
  const guideProblem = /guides\/a-guide\.en\.md: body: mentions "writ of mandamus" \(writ-of-mandamus\) but never links it with \[text\]\(term:writ-of-mandamus\)/;

  it('reports problems in other files when one file is named, and counts them as failures', () => {
    const root = newTermAndGuide();
    const report = checkReport(compileGlossary(root, root), [resolve(root, 'terms/writ-of-mandamus.en.md')]);
    const text = report.lines.join('\n');
    expect(text).toContain('No problems in the files you named.');
    expect(text).toMatch(/Elsewhere in the glossary, also failing the build \(1\):\nERROR .*guides\/a-guide\.en\.md: body: mentions/);
    expect(text).toMatch(guideProblem);
    expect(report.problems).toBe(1);
    expect(text).toContain('1 problem(s): the build fails until they are fixed.');
  });

  it('does the same from the command line, with a failing exit code', () => {
    const root = newTermAndGuide();
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'glossary/build/check-cli.ts', resolve(root, 'terms/writ-of-mandamus.en.md')], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, LEGAL_LENS_GLOSSARY: root },
      encoding: 'utf8',
    });
    expect(cli.stdout).toMatch(guideProblem);
    expect(cli.status).toBe(1);
  }, 30_000);

  it('does not call an .es.md file orphaned when its .en.md only fails validation', () => {
    const problems = problemsOf({
      'terms/tps.en.md': termFile({ id: 'tps', lang: 'en', omit: ['category'] }),
      'terms/tps.es.md': termFile({ id: 'tps', lang: 'es' }),
    });
    expect(problems).toContain('terms/tps.en.md: category: Invalid option: expected one of "institutions"|"enforcement"|"court"|"profiling"|"remedies"|"delays"|"status"|"help"');
    expect(problems.filter((p) => p.includes('has no English version'))).toEqual([]);
  });

  it('still reports a language file that is really missing', () => {
    expect(problemsOf({ 'terms/tps.es.md': termFile({ id: 'tps', lang: 'es' }) })).toContain('terms/tps.es.md: lang: has no English version (terms/tps.en.md is missing)');
  });

  it.each([
    ['a nested mapping', '---\nid: tps\ntitle: a: b\n---\nText\n', 'terms/tps.en.md: (front matter): is not valid YAML at line 3, column 8: nested mappings are not allowed in compact mappings'],
    ['a duplicate key', '---\nid: tps\nlang: en\nid: visa\n---\nText\n', 'terms/tps.en.md: (front matter): is not valid YAML at line 4, column 1: map keys must be unique'],
    ['an unclosed list', '---\nid: tps\naliases: [a, b\nlang: en\n---\nText\n', 'terms/tps.en.md: (front matter): is not valid YAML at line 4, column 1: flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('reports YAML errors (%s) with the file line, and no dangling colon', (_name, text, expected) => {
    const problems = problemsOf({ 'terms/tps.en.md': text, 'terms/tps.es.md': termFile({ id: 'tps', lang: 'es' }) });
    expect(problems).toContain(expected);
    for (const p of problems) expect(p).not.toMatch(/:\s*$/);
  });

  it('prints a failed build\'s list once: the thrown error carries only the count', () => {
    const root = glossaryWith({ ...pair('tps', { summary: 'x'.repeat(300) }) });
    const print = vi.fn();
    const plugin = glossaryPlugin(root, print);
    const start = plugin.buildStart as unknown as (this: { addWatchFile: (f: string) => void }) => void;
    const ctx = { addWatchFile: () => {} };
    let error: Error | undefined;
    try {
      start.call(ctx);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe('Legal Lens glossary: 2 problem(s), listed above; run npm run glossary:check to see them again');
    expect(error?.stack).not.toMatch(/terms\/tps/);
    expect(() => start.call(ctx)).toThrow(/2 problem\(s\)/); // a second build step fails too, silently
    expect(print).toHaveBeenCalledTimes(1);
    const printed = print.mock.calls[0][0] as string;
    expect(printed.match(/summary: is longer than 280 characters/g)).toHaveLength(2);
  });

  it('warns and serves the data under a dev server or Vitest instead of failing', () => {
    const root = glossaryWith({ ...pair('tps', { summary: `${'x'.repeat(60)} 2025 ${'y'.repeat(60)}` }, { summary: `${'x'.repeat(60)} 2025 ${'y'.repeat(60)}` }) });
    const print = vi.fn();
    const plugin = glossaryPlugin(root, print);
    (plugin.configResolved as unknown as (c: { command: string }) => void)({ command: 'serve' });
    const start = plugin.buildStart as unknown as (this: { addWatchFile: (f: string) => void }) => void;
    expect(() => start.call({ addWatchFile: () => {} })).not.toThrow();
    expect(print.mock.calls[0][0]).toMatch(/served anyway[\s\S]*terms\/tps\.en\.md: as_of: is missing/);
    const load = plugin.load as unknown as (id: string) => string | null;
    expect(load('\0virtual:glossary/cards')).toContain('tps');
  });
});
