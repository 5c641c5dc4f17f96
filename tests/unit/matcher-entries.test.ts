// What the build adds to the matcher index (glossary/build/matcher-entries.ts): the names the matcher
// swallows (glossary/names.yaml) with their checks, the check that a derived form never reads as another
// term's alias, and aliases left out because the scan finds them anyway. Also the alias variants
// themselves (runtime/variants.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileGlossary, type ParsedFile } from '@/glossary/build/compile';
import { buildMatcherIndex } from '@/glossary/build/matcher-entries';
import type { TermFrontMatter } from '@/glossary/build/schema';
import { compileMatcher, unpackIndex, type MatcherEntry } from '@/glossary/runtime/matcher';
import { abbreviationVariants, formKeys, isCiteKey } from '@/glossary/runtime/variants';

describe('alias variants', () => {
  it('writes "Estados Unidos" and its abbreviations both ways, with and without "los"', () => {
    expect(abbreviationVariants('tribunal supremo de los estados unidos').sort()).toEqual([
      'tribunal supremo de ee uu', 'tribunal supremo de eeuu', 'tribunal supremo de estados unidos',
      'tribunal supremo de los ee uu', 'tribunal supremo de los eeuu',
    ]);
    expect(abbreviationVariants('servicio de inmigracion de ee uu')).toContain('servicio de inmigracion de los estados unidos');
    expect(abbreviationVariants('unidos estados')).toEqual([]);
  });

  it('writes "Form", "Formulario" and "Forma" before a form number only', () => {
    expect(formKeys('i 485')).toEqual(['form i 485', 'formulario i 485', 'forma i 485']);
    expect(formKeys('eoir 26')).toHaveLength(3);
    expect(formKeys('sb 1070')).toEqual([]);
    expect(formKeys('i 485 receipt')).toEqual([]);
  });

  it.each([
    ['5 usc §706', true], ['§706(1)', true], ['8 usc 1229a', true], ['287(g)', true], ['rule 23', true],
    ['section 1983', true], ['392 us 1', false], ['1983 action', false], ['form i 485', false], ['n 400', false],
  ] as const)('%j is a cite: %s', (key, cite) => {
    expect(isCiteKey(key)).toBe(cite);
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
    const terms = [term('supreme-court', 'es', ['Tribunal Supremo de los Estados Unidos']), term('other', 'es', ['Tribunal Supremo de EE. UU.'])];
    const { problems } = build(terms, null);
    expect(problems).toEqual([
      'terms/supreme-court.es.md: aliases: "Tribunal Supremo de los Estados Unidos" also matches "tribunal supremo de ee uu", which is an alias of other ("Tribunal Supremo de EE. UU.")',
      'terms/other.es.md: aliases: "Tribunal Supremo de EE. UU." also matches "tribunal supremo de los estados unidos", which is an alias of supreme-court ("Tribunal Supremo de los Estados Unidos")',
    ]);
  });

  it('leaves out aliases the scan finds anyway: plurals at any word, subsections, "§"', () => {
    const terms = [
      term('immigration-judge', 'es', ['juez de inmigración', 'jueces de inmigración', 'juezas de inmigración']),
      term('processing-times', 'es', ['tiempo de procesamiento de USCIS', 'tiempos de procesamiento de USCIS']),
      term('aos', 'en', ['8 U.S.C. § 1255', '8 U.S.C. 1255', '8 U.S.C. § 1255(a)']),
    ];
    const { index } = build(terms, null);
    expect(unpackIndex(index).map(([k]) => k).sort()).toEqual(['8 usc 1255', 'juez de inmigracion', 'juezas de inmigracion', 'tiempo de procesamiento de uscis']);
  });
});

describe('the real glossary', () => {
  const glossary = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
  const matcher = compileMatcher(glossary.matcherIndex);

  it('swallows the names in glossary/names.yaml', () => {
    expect(glossary.problems).toEqual([]);
    // a listed name opens no card, and none of the shorter terms inside it
    expect(matcher.find('the U.S. Attorney General said')).toEqual([]);
    expect(matcher.find('the U.S. Attorney General and a U.S. Attorney').map((m) => m.id)).toEqual(['us-attorney']);
    // a longer name with its own entry opens that entry, never the shorter term inside it
    expect(matcher.find('the Immigration and Naturalization Service and naturalization').map((m) => m.id)).toEqual(['ins', 'naturalization']);
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
