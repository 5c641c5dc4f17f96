// What the build adds to the matcher index (glossary/build/matcher-entries.ts): the phrase-plural rule of
// each alias, the names the matcher swallows (glossary/names.yaml) with their checks, and the check that a
// derived form never reads as another term's alias. Also the alias variants themselves (runtime/variants.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileGlossary, type ParsedFile } from '@/glossary/build/compile';
import { buildMatcherIndex, pluralRuleFor } from '@/glossary/build/matcher-entries';
import type { TermFrontMatter } from '@/glossary/build/schema';
import { compileMatcher, unpackIndex, type MatcherEntry } from '@/glossary/runtime/matcher';
import { abbreviationVariants, citeSignEdit, applyCiteSignEdit, isCiteKey, phrasePlural } from '@/glossary/runtime/variants';

describe('alias variants', () => {
  it.each([
    ['writ of mandamus', 'en', 'writs of mandamus'],
    ['final order of removal', 'en', 'final orders of removal'],
    ['petition for alien relative', 'en', 'petitions for alien relative'],
    ['right to remain silent', 'en', 'rights to remain silent'],
    ['removed from the united states', 'en', null],
    ['class action', 'en', null],
    ['jurisdiccion no cooperante', 'es', 'jurisdicciones no cooperantes'],
    ['orden de deportacion', 'es', 'ordenes de deportacion'],
    ['juez de inmigracion', 'es', 'jueces de inmigracion'],
    ['sospecha razonable y articulable', 'es', 'sospechas razonables y articulables'],
    ['ciudad santuario', 'es', 'ciudades santuario'],
    ['ley sb 1070', 'es', 'leyes sb 1070'],
    ['removible', 'es', null],
    ['derechos civiles', 'es', null],
    ['agotar la via administrativa', 'es', null],
    ['8 usc §1357(g)', 'es', null],
  ] as const)('phrase plural of %j (%s) is %j', (key, rule, plural) => {
    expect(phrasePlural(key, rule)?.text ?? null).toBe(plural);
  });

  it('writes "Estados Unidos" and its abbreviations both ways, with and without "los"', () => {
    expect(abbreviationVariants('tribunal supremo de los estados unidos').sort()).toEqual([
      'tribunal supremo de ee uu', 'tribunal supremo de eeuu', 'tribunal supremo de estados unidos',
      'tribunal supremo de los ee uu', 'tribunal supremo de los eeuu',
    ]);
    expect(abbreviationVariants('servicio de inmigracion de ee uu')).toContain('servicio de inmigracion de los estados unidos');
    expect(abbreviationVariants('unidos estados')).toEqual([]);
  });

  it('adds or removes "§" after U.S.C., CFR and INA', () => {
    const edit = (key: string) => {
      const e = citeSignEdit(key);
      return e ? applyCiteSignEdit(key, e) : null;
    };
    expect(edit('8 usc 1357(g)')).toBe('8 usc §1357(g)');
    expect(edit('28 usc §1361')).toBe('28 usc 1361');
    expect(edit('ina §287(g)')).toBe('ina 287(g)');
    expect(edit('section 1983')).toBeNull();
    expect(edit('usc')).toBeNull();
  });

  it.each([
    ['5 usc §706', true], ['§706(1)', true], ['8 usc 1229a', true], ['287(g)', true], ['rule 23', true],
    ['section 1983', true], ['392 us 1', false], ['1983 action', false], ['form i 485', false], ['n 400', false],
  ] as const)('%j is a cite: %s', (key, cite) => {
    expect(isCiteKey(key)).toBe(cite);
  });
});

describe('phrase-plural rule chosen at build time', () => {
  it.each([
    ['writ of mandamus', 'en', false, 'en'],
    ['Notice to Appear', 'en', false, null],
    ['Department of Justice', 'en', false, null],
    ['orden de deportación', 'es', false, 'es'],
    ['jurisdicción no cooperante', 'es', false, 'es'],
    ['parada Terry', 'es', false, null],
    ['green card', 'es', true, null],
    ['advance parole', 'es', true, null],
    ['8 U.S.C. § 1357(g)', 'es', false, null],
    ['port-of-entry parole', 'en', false, 'en'],
  ] as const)('%j (%s, in both files: %s) → %j', (text, lang, both, rule) => {
    expect(pluralRuleFor(text, lang, both)).toBe(rule);
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A term as the compiler hands it to buildMatcherIndex (only what that reads). */
const term = (id: string, lang: 'en' | 'es', aliases: string[]) =>
  ({ file: `terms/${id}.${lang}.md`, id, lang, body: '', data: { aliases } as unknown as TermFrontMatter }) as ParsedFile<TermFrontMatter>;

function build(terms: ParsedFile<TermFrontMatter>[], namesYaml: string | null) {
  const root = mkdtempSync(join(tmpdir(), 'glossary-names-'));
  dirs.push(root);
  if (namesYaml !== null) writeFileSync(join(root, 'names.yaml'), namesYaml);
  const shipped: MatcherEntry[] = terms.flatMap((t) => (t.data.aliases as string[]).map((a) => [a, t.id, 0] as MatcherEntry));
  const problems: string[] = [];
  const index = buildMatcherIndex(root, terms, shipped, (file, field, message) => problems.push(`${file.replace(/^.*names\.yaml$/, 'names.yaml')}: ${field}: ${message}`));
  return { index, problems, matcher: compileMatcher(index) };
}

describe('names the matcher swallows (glossary/names.yaml)', () => {
  const naturalization = [term('naturalization', 'en', ['naturalization']), term('naturalization', 'es', ['naturalización'])];

  it('consumes a listed name without a card, and finds the term elsewhere', () => {
    const { problems, matcher } = build(naturalization, '- text: Immigration and Naturalization Service\n  note: the former INS\n- Servicio de Inmigración y Naturalización\n');
    expect(problems).toEqual([]);
    const text = 'The Immigration and Naturalization Service ran naturalization until 2003; el Servicio de Inmigración y Naturalización también.';
    expect(matcher.find(text).map((m) => text.slice(m.start, m.end))).toEqual(['naturalization']);
  });

  it('opens the entry once an entry claims the name, and asks for the name to go', () => {
    const ins = [...naturalization, term('ins', 'en', ['Immigration and Naturalization Service', 'INS'])];
    const { problems, matcher } = build(ins, '- Immigration and Naturalization Service\n');
    expect(problems).toEqual(['names.yaml: names.0: "Immigration and Naturalization Service" is an alias of ins: the entry wins; remove the name from this list']);
    expect(matcher.find('the Immigration and Naturalization Service').map((m) => m.id)).toEqual(['ins']);
  });

  it.each([
    ['a name with no alias in it', '- Federal Bureau of Prisons\n', 'names.yaml: names.0: "Federal Bureau of Prisons" contains no alias of any term, so it changes nothing: remove it'],
    ['a name listed twice', '- Immigration and Naturalization Service\n- immigration and naturalization service\n', 'names.yaml: names.1: "immigration and naturalization service" is listed twice'],
    ['a name that is not a string', '- { name: x }\n', 'names.yaml: names.0'],
    ['not a list', 'names: 3\n', 'names.yaml: (file): must be a list'],
    ['bad YAML', '- [unclosed\n', 'names.yaml: (file): is not valid YAML'],
  ])('reports %s', (_, yaml, problem) => {
    const { problems } = build(naturalization, yaml);
    expect(problems.length).toBe(1);
    expect(problems[0]).toContain(problem);
  });

  it('needs no file', () => {
    expect(build(naturalization, null).problems).toEqual([]);
  });
});

describe('derived forms and other terms', () => {
  it('reports an alias whose derived form is another term’s alias', () => {
    const terms = [term('asylum', 'en', ['INA 208']), term('other', 'en', ['INA § 208'])];
    const { problems } = build(terms, null);
    expect(problems).toEqual([
      'terms/asylum.en.md: aliases: "INA 208" also matches "ina §208", which is an alias of other ("INA § 208")',
      'terms/other.en.md: aliases: "INA § 208" also matches "ina 208", which is an alias of asylum ("INA 208")',
    ]);
  });

  it('gives Spanish aliases their phrase plural and English loanwords none', () => {
    const terms = [
      term('deportation', 'es', ['orden de deportación']),
      term('green-card', 'en', ['green card']),
      term('green-card', 'es', ['green card', 'tarjeta verde']),
    ];
    const { matcher, index } = build(terms, null);
    expect(matcher.find('órdenes de deportación').map((m) => m.id)).toEqual(['deportation']);
    expect(matcher.find('tarjetas verdes; greenes cardes').map((m) => m.id)).toEqual(['green-card']);
    expect(unpackIndex(index)).toHaveLength(3);
  });
});

describe('the real glossary', () => {
  const glossary = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
  const matcher = compileMatcher(glossary.matcherIndex);

  it('swallows the names in glossary/names.yaml', () => {
    expect(glossary.problems).toEqual([]);
    expect(matcher.find('the Immigration and Naturalization Service (INS)')).toEqual([]);
    expect(matcher.find('the Immigration and Naturalization Service and naturalization').map((m) => m.id)).toEqual(['naturalization']);
  });

  it('finds every alias of every term as written, alone, with its term', () => {
    const wrong: string[] = [];
    for (const f of glossary.terms) {
      for (const a of f.data.aliases) {
        const text = typeof a === 'string' ? a : a.text;
        const found = matcher.find(text);
        if (found.length !== 1 || found[0].id !== f.id || found[0].start !== 0) wrong.push(`${f.file}: ${text} → ${JSON.stringify(found)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
