// Table-driven tests of the matching rules in DESIGN.md, positive and negative, in English and Spanish.
import { describe, expect, it } from 'vitest';
import { compileMatcher, isAcronymLike, packIndex, type MatcherEntry } from '@/glossary/runtime/matcher';

const entries: MatcherEntry[] = [
  ['287(g)', '287g', 0], ['287 (g)', '287g', 0], ['287g', '287g', 0], ['287-g', '287g', 0],
  ['Section 287(g)', '287g', 0], ['INA § 287(g)', '287g', 0], ['8 U.S.C. § 1357(g)', '287g', 0], ['8 U.S.C. 1357(g)', '287g', 0],
  ['acuerdo 287(g)', '287g', 0],
  ['writ of mandamus', 'writ-of-mandamus', 0], ['mandamus', 'writ-of-mandamus', 0],
  ['demanda de mandamus', 'writ-of-mandamus', 0],
  ['racial profiling', 'racial-profiling', 0], ['perfil racial', 'racial-profiling', 0],
  ['civil rights', 'civil-rights', 0], ['derechos civiles', 'civil-rights', 0],
  ['ICE', 'ice', 1], ['Immigration and Customs Enforcement', 'ice', 0],
  ['INA', 'ina', 1], ['Immigration and Nationality Act', 'ina', 0], ['Ley de Inmigración y Nacionalidad', 'ina', 0],
  ['TPS', 'tps', 1],
  ['I-485', 'form-i-485', 1], ['Form I-485', 'form-i-485', 0],
  ['§ 1983', 'section-1983', 0], ['Section 1983', 'section-1983', 0], ['42 U.S.C. § 1983', 'section-1983', 0],
  ['detainer', 'detainer', 0], ['solicitud de retención', 'detainer', 0],
  ['standing to sue', 'standing', 0], ['humanitarian parole', 'parole', 0],
  ['removal proceedings', 'removal-proceedings', 0], ['proceso de deportación', 'removal-proceedings', 0],
  ["Whren v. United States", 'whren-v-united-states', 0],
  ['Notice to Appear', 'notice-to-appear', 0],
];
const matcher = compileMatcher(packIndex(entries));

/** [text, expected matches as "matched text→id"] */
type Case = [string, string[]];
const cases: Record<string, Case[]> = {
  'legal tokens and their variants': [
    ['Under 287(g), officers may act.', ['287(g)→287g']],
    ['the 287 (g) program', ['287 (g)→287g']],
    ['a 287g agreement', ['287g→287g']],
    ['a 287-g deal', ['287-g→287g']],
    ['Section 287(g) of the INA', ['Section 287(g)→287g', 'INA→ina']],
    ['INA § 287(g) says', ['INA § 287(g)→287g']],
    ['INA §287(g) says', ['INA §287(g)→287g']],
    ['see 8 U.S.C. § 1357(g).', ['8 U.S.C. § 1357(g)→287g']],
    ['see 8 USC 1357(g).', ['8 USC 1357(g)→287g']],
    ['File Form I-485 now', ['Form I-485→form-i-485']],
    ['an I-485 is pending', ['I-485→form-i-485']],
    ['a claim under § 1983', ['§ 1983→section-1983']],
    ['a claim under §1983', ['§1983→section-1983']],
    ['under 42 U.S.C. § 1983.', ['42 U.S.C. § 1983→section-1983']],
  ],
  'never inside a longer number or word': [
    ['code 1287(g) is different', []],
    ['2287g', []],
    ['the iceberg melted', []],
    ['ICEBERG', []],
    ['I-4851 is not a form', []],
    ['in 1983 the law changed', []],
    ['mandamuses', ['mandamuses→writ-of-mandamus']],
    ['Visit mandamus.com today', []],
    ['see www.ICE.gov or write to help@USCIS.gov', []],
    ['under 8 U.S.C. § 1357(g). Next', ['8 U.S.C. § 1357(g)→287g']],
    ['ICE. Then', ['ICE→ice']],
  ],
  'longest match wins': [
    ['a writ of mandamus asks', ['writ of mandamus→writ-of-mandamus']],
    ['mandamus alone', ['mandamus→writ-of-mandamus']],
    ['racial profiling is illegal', ['racial profiling→racial-profiling']],
    ['Immigration and Customs Enforcement (ICE)', ['Immigration and Customs Enforcement→ice', 'ICE→ice']],
  ],
  'acronyms match only as written': [
    ['ICE agents arrived', ['ICE→ice']],
    ['ice cream and Ice hockey', []],
    ['ICE CREAM SOCIAL', []],
    ["ICE's detainers", ['ICE→ice', 'detainers→detainer']],
    ['tps reports', []],
    ['TPS holders', ['TPS→tps']],
    ['Ina went home', []],
  ],
  'everyday words only inside legal phrases': [
    ['she was standing by the door', []],
    ['they have standing to sue', ['standing to sue→standing']],
    ['he is on parole after prison', []],
    ['humanitarian parole was granted', ['humanitarian parole→parole']],
    ['snow removal crews', []],
    ['removal proceedings began', ['removal proceedings→removal-proceedings']],
  ],
  'plurals, possessives, hyphens, quotes, spaces': [
    ['two detainers were issued', ['detainers→detainer']],
    ['the detainer’s terms', ['detainer→detainer']],
    ['civil-rights lawyers', ['civil-rights→civil-rights']],
    ['civil\u00a0rights groups', ['civil\u00a0rights→civil-rights']],
    ['civil\nrights groups', ['civil\nrights→civil-rights']],
    ['a writ  of\tmandamus', ['writ  of\tmandamus→writ-of-mandamus']],
    ['Whren v. United States (1996)', ['Whren v. United States→whren-v-united-states']],
    ['“Notice to Appear”', ['Notice to Appear→notice-to-appear']],
    ['RACIAL PROFILING', ['RACIAL PROFILING→racial-profiling']],
  ],
  'Spanish with and without accents': [
    ['la Ley de Inmigración y Nacionalidad', ['Ley de Inmigración y Nacionalidad→ina']],
    ['la Ley de Inmigracion y Nacionalidad', ['Ley de Inmigracion y Nacionalidad→ina']],
    ['una solicitud de retencion de ICE', ['solicitud de retencion→detainer', 'ICE→ice']],
    ['el perfil racial y los derechos civiles', ['perfil racial→racial-profiling', 'derechos civiles→civil-rights']],
    ['un proceso de deportación', ['proceso de deportación→removal-proceedings']],
    ['una demanda de mandamus', ['demanda de mandamus→writ-of-mandamus']],
    ['el acuerdo 287(g) del condado', ['acuerdo 287(g)→287g']],
  ],
};

describe('matcher', () => {
  for (const [rule, table] of Object.entries(cases)) {
    describe(rule, () => {
      it.each(table)('%j', (text, expected) => {
        const found = matcher.find(text).map((m) => `${text.slice(m.start, m.end)}→${m.id}`);
        expect(found).toEqual(expected);
      });
    });
  }

  it('maps offsets back to the original text when normalisation changes its length', () => {
    const text = 'Ａ “writ   of mandamus” under INA\u00a0§\u00a0287(g).';
    const found = matcher.find(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['writ   of mandamus', 'INA\u00a0§\u00a0287(g)']);
  });

  it('finds every occurrence in one pass over a long text', () => {
    const text = 'The 287(g) program and ICE. '.repeat(5000);
    expect(matcher.find(text)).toHaveLength(10000);
  });

  it('treats capitals-only aliases as acronyms', () => {
    expect(isAcronymLike('ICE')).toBe(true);
    expect(isAcronymLike('I-485')).toBe(true);
    expect(isAcronymLike('EE. UU.')).toBe(true);
    expect(isAcronymLike('writ of mandamus')).toBe(false);
    expect(isAcronymLike('287(g)')).toBe(false);
  });

  it('ignores a hostile or empty input', () => {
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find('\u0000\uffff\ud800')).toEqual([]);
    expect(matcher.find('§§§§((((').length).toBe(0);
  });
});
