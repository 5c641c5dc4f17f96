// Table-driven tests of the matching rules in DESIGN.md, positive and negative, in English and Spanish.
import { describe, expect, it } from 'vitest';
import { compileMatcher, isAcronymLike, packIndex, unpackIndex, type MatcherEntry } from '@/glossary/runtime/matcher';

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
  ['TPS', 'tps', 1], ['EOIR', 'eoir', 1],
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
    ['file Form EOIR-33 with EOIR', ['EOIR→eoir']],
    ['ICE-led raids and TPS–2025', ['ICE→ice']],
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

// Wordings real pages use (issue 9.2): run-time rules and start-up variants, each with its table.
const wordings = compileMatcher(
  packIndex(
    [
      ['sanctuary city', 'sanctuary-jurisdiction', 0], ['jurisdicción no cooperante', 'sanctuary-jurisdiction', 0],
      ['ciudad santuario', 'sanctuary-jurisdiction', 0],
      ['removible', 'deportation', 0], ['orden de deportación', 'deportation-order', 0],
      ['juez de inmigración', 'immigration-judge', 0], ['perfil racial', 'racial-profiling', 0],
      ['residente permanente legal', 'green-card', 0], ['writ of mandamus', 'writ-of-mandamus', 0],
      ['notice to appear', 'notice-to-appear', 0], ['Board of Immigration Appeals', 'bia', 0],
      ['Tribunal Supremo de los Estados Unidos', 'supreme-court', 0], ['Tribunal Supremo de EE. UU. en pleno', 'en-banc-test', 0],
      ['Servicio de Ciudadanía e Inmigración de EE. UU.', 'uscis', 0],
      ['5 U.S.C. § 706', 'apa', 0], ['§ 706(1)', 'apa-706-1', 0], ['5 U.S.C. § 706(2)(A)', 'arbitrary-and-capricious', 0],
      ['8 U.S.C. 1255', 'adjustment-of-status', 0], ['28 USC 1361', 'mandamus-act', 1], ['Rule 23', 'class-action', 0],
      ['392 U.S. 1', 'terry-stop', 1], ['287(g)', '287g', 0],
      ['naturalization', 'naturalization', 0], ['USCIS', 'uscis', 1], ['deportación', 'deportation', 0],
      ['Q', 'q-test', 1], ['by', 'by-test', 0],
      ['Ley de Libertad de Información', 'foia', 0], ['Ley de Libertad de Información (FOIA)', 'foia', 0],
      ['Ley de Libertad de Información y Privacidad', 'foia-pa', 0], ['FOIA', 'foia', 1],
    ],
    [['Immigration and Naturalization Service', 0], ['USCIS Policy Manual', 0], ['Oficina de Detención y Deportación', 0]],
  ),
);

const wordingCases: Record<string, Case[]> = {
  'English plurals in -ies': [
    ['two sanctuary cities sued', ['sanctuary cities→sanctuary-jurisdiction']],
    ['SANCTUARY CITIES ACT', ['SANCTUARY CITIES→sanctuary-jurisdiction']],
    ['a sanctuary city', ['sanctuary city→sanctuary-jurisdiction']],
    ['sanctuary citiesque', []],
    ['two bies', ['bies→by-test']],
  ],
  'Spanish plurals at every word of a phrase': [
    ['las jurisdicciones no cooperantes', ['jurisdicciones no cooperantes→sanctuary-jurisdiction']],
    ['ciudades santuario', ['ciudades santuario→sanctuary-jurisdiction']],
    ['personas removibles', ['removibles→deportation']],
    ['órdenes de deportación', ['órdenes de deportación→deportation-order']],
    ['ordenes de deportacion', ['ordenes de deportacion→deportation-order']],
    ['los jueces de inmigración', ['jueces de inmigración→immigration-judge']],
    ['dos jueces', []],
    ['jurisdicción no cooperantes, jurisdicciones no cooperante', ['jurisdicción no cooperantes→sanctuary-jurisdiction', 'jurisdicciones no cooperante→sanctuary-jurisdiction']],
    ['jurisdicciones\nno cooperantes', ['jurisdicciones\nno cooperantes→sanctuary-jurisdiction']],
    ['perfiles raciales', ['perfiles raciales→racial-profiling']],
    ['residentes permanentes legales', ['residentes permanentes legales→green-card']],
    // after an ending inside an alias only its space may follow, never a "(" the fold joins to the word
    ['la Ley de Libertades de Informacións (FOIA)', ['Ley de Libertades de Informacións→foia', 'FOIA→foia']],
    ['la Ley de Libertades de Información (FOIA)', ['Ley de Libertades de Información (FOIA)→foia']],
  ],
  'English plurals inside a phrase': [
    ['two writs of mandamus', ['writs of mandamus→writ-of-mandamus']],
    ['Notices to Appear', ['Notices to Appear→notice-to-appear']],
    ['notice-s to appear', []],
    ['noticess to appear', []],
  ],
  '"Estados Unidos" and "EE. UU." inside aliases': [
    ['el Tribunal Supremo de los Estados Unidos', ['Tribunal Supremo de los Estados Unidos→supreme-court']],
    ['el Tribunal Supremo de EE. UU. dijo', ['Tribunal Supremo de EE. UU→supreme-court']],
    ['el Tribunal Supremo de EE.UU. dijo', ['Tribunal Supremo de EE.UU→supreme-court']],
    ['el Tribunal Supremo de EEUU', ['Tribunal Supremo de EEUU→supreme-court']],
    ['el Tribunal Supremo de Estados Unidos', ['Tribunal Supremo de Estados Unidos→supreme-court']],
    ['el Servicio de Ciudadanía e Inmigración de los Estados Unidos', ['Servicio de Ciudadanía e Inmigración de los Estados Unidos→uscis']],
    ['el Servicio de Ciudadanía e Inmigración de EE. UU.', ['Servicio de Ciudadanía e Inmigración de EE. UU→uscis']],
    ['el Tribunal Supremo de EE. UU. en pleno', ['Tribunal Supremo de EE. UU. en pleno→en-banc-test']],
    // a plural ending only right after the alias's last letter: "UU.es" after the abbreviation's final dot
    // reads as a web address (".es"), even where a longer alias goes on after "UU." with a space
    ['TRIBUNAL SUPREMO DE EE. UU.es\nCivil', []],
    ['el Tribunal Supremo de EE. UU.s dijo', []],
    ['el Tribunal Supremo de EE. UUes dijo', ['Tribunal Supremo de EE. UUes→supreme-court']],
  ],
  'statute cites with and without subsections': [
    ['under 5 U.S.C. § 706(1), a court', ['5 U.S.C. § 706(1)→apa']],
    ['under 5 U.S.C. § 706 a court', ['5 U.S.C. § 706→apa']],
    ['under § 706(1) a court', ['§ 706(1)→apa-706-1']],
    ['under 5 U.S.C. 706(2)(A), set aside', ['5 U.S.C. 706(2)(A)→arbitrary-and-capricious']],
    ['under 5 U.S.C. § 706(2)(A)(i)', ['5 U.S.C. § 706(2)(A)(i)→arbitrary-and-capricious']],
    ['under 5 U.S.C. § 706(2)(B)', ['5 U.S.C. § 706(2)(B)→apa']],
    ['8 U.S.C. § 1255(a) and 8 U.S.C. 1255 (i)', ['8 U.S.C. § 1255(a)→adjustment-of-status', '8 U.S.C. 1255 (i)→adjustment-of-status']],
    ['28 USC § 1361(b)', ['28 USC § 1361(b)→mandamus-act']],
    ['28 usc 1361', []],
    ['Rule 23(b)(2) class', ['Rule 23(b)(2)→class-action']],
    ['287(g)(1) agreements', ['287(g)(1)→287g']],
    ['Terry, 392 U.S. 1 (1968)', ['392 U.S. 1→terry-stop']],
    ['5 U.S.C. § 706(a program)', ['5 U.S.C. § 706→apa']],
    ['5 U.S.C. § 7061', []],
  ],
  'longer names swallowed without a card': [
    ['the Immigration and Naturalization Service (INS)', []],
    ['the former Immigration and Naturalization Service’s rules on naturalization', ['naturalization→naturalization']],
    ['see the USCIS Policy Manual, or ask USCIS', ['USCIS→uscis']],
    ['la Oficina de Detención y Deportación; la deportación', ['deportación→deportation']],
    ['Immigration and Naturalization', ['Naturalization→naturalization']],
  ],
  'one-letter aliases': [
    ['Plan Q, then', ['Q→q-test']],
    ['Qs', ['Qs→q-test']],
  ],
};

describe('matcher: wordings real pages use', () => {
  for (const [rule, table] of Object.entries(wordingCases)) {
    describe(rule, () => {
      it.each(table)('%j', (text, expected) => {
        const found = wordings.find(text).map((m) => `${text.slice(m.start, m.end)}→${m.id}`);
        expect(found).toEqual(expected);
      });
    });
  }

  it('takes a plural inside an alias only before a space of the alias, whatever other aliases it knows', () => {
    // "ARCHIVESs (C)(9)": the space before "(" is no space of the name "archives(c)(9) ead cocaine", so the
    // plural ending cannot be skipped there; an alias that goes on after "archives " once made it so
    const text = 'the ARCHIVESs \n\t(C)(9)  EADes COCAINEs.';
    const entries: MatcherEntry[] = [['(c)(9) EAD', 'ead', 0]];
    const names: [string, 0 | 1][] = [['archives(c)(9) ead cocaine', 0]];
    for (const more of [[], [['archives an appeal', 'appeal', 0]]] as MatcherEntry[][]) {
      const m = compileMatcher(packIndex([...entries, ...more], names));
      expect(m.find(text).map((x) => `${text.slice(x.start, x.end)}→${x.id}`)).toEqual(['(C)(9)  EADes→ead']);
    }
    // before a space of the name, the plural is skipped and the name swallows the text whole
    const spaced = compileMatcher(packIndex([['office EAD', 'ead', 0]], [['archives office ead cocaine', 0]]));
    expect(spaced.find('ARCHIVESs office EADes COCAINEs')).toEqual([]);
    expect(spaced.find('archive office EADes').map((x) => x.id)).toEqual(['ead']);
  });

  it('lets an entry win over a swallowed name with the same text', () => {
    const m = compileMatcher(packIndex([['Immigration and Naturalization Service', 'ins', 0], ['naturalization', 'naturalization', 0]], [['Immigration and Naturalization Service', 0]]));
    expect(m.find('the Immigration and Naturalization Service').map((x) => x.id)).toEqual(['ins']);
  });
});

describe('packed matcher index', () => {
  const entries: MatcherEntry[] = [
    ['28 U.S.C. § 1361', 'mandamus-act', 1], ['28 U.S.C. 1361', 'mandamus-act', 1], ['28 USC §1361', 'mandamus-act', 1],
    ['solicitud de evidencia', 'rfe', 0], ['solicitud de evidencias', 'rfe', 0],
    ['juez de inmigración', 'ij', 0], ['jueces de inmigración', 'ij', 0],
    ['8 U.S.C. § 1255', 'aos', 0], ['8 U.S.C. § 1255(a)', 'aos', 0], ['sanctuary city', 'sj', 0], ['sanctuary cities', 'sj', 0],
    ['ICE', 'ice', 1], ['Whren', 'whren', 1], ['WHREN', 'whren', 1], ['the Whren case', 'whren', 0],
    ['removal order', 'deportation', 0], ['removal orders', 'other-term', 0],
  ];
  const index = packIndex(entries, [['Immigration and Naturalization Service', 0]]);
  const matcher = compileMatcher(index);

  it('leaves out the aliases that another alias of the same term yields at start-up', () => {
    expect(unpackIndex(index).map(([key, id]) => `${key}→${id}`).sort()).toEqual([
      '28 usc 1361→mandamus-act', '8 usc 1255→aos', 'ice→ice', 'juez de inmigracion→ij', 'removal orders→other-term',
      'removal order→deportation', 'sanctuary city→sj', 'solicitud de evidencia→rfe', 'the whren case→whren', 'whren→whren', 'whren→whren',
    ]);
  });

  it('still finds every alias as written, with its term', () => {
    for (const [alias, id] of entries) {
      const found = matcher.find(alias);
      expect(found.map((m) => `${alias.slice(m.start, m.end)}→${m.id}`), alias).toEqual([`${alias}→${id}`]);
    }
    expect(matcher.find('whren')).toEqual([]);
  });

  it('groups the lines by term, front-coded, exact-case aliases in their case', () => {
    // per term in id order, then the names: a marker (\x01 + characters shared with the line before), the rest
    expect(index.ids).toEqual(['mandamus-act', 'rfe', 'ij', 'aos', 'sj', 'ice', 'whren', 'deportation', 'other-term']);
    expect(index.lines).toBe(
      'd\x0128 USC 1361\0\x01solicitud de evidencia\0\x01juez de inmigracion\0\x018 usc 1255\0\x01sanctuary city\0' +
      '\x01ICE\0\x01WHREN\x02hren\x01the whren case\0\x01removal order\0\x01removal orders\0\x01immigration and naturalization service\0',
    );
  });

  it('reads an exact-case alias without capitals by its mark, and shares at most 29 characters', () => {
    const long = 'a'.repeat(40);
    const packed = packIndex([['§ 1983', 's1983', 1], [`${long} b`, 'long', 0], [`${long} c`, 'long', 0]]);
    expect(packed.lines).toBe(`d\x1f\x01§1983\0\x01${long} b\x1e${'a'.repeat(11)} c\0\0`);
    expect(unpackIndex(packed)).toEqual([['§1983', 's1983', 1], [`${long} b`, 'long', 0], [`${long} c`, 'long', 0]]);
    expect(compileMatcher(packed).find('under § 1983 and')).toEqual([{ start: 6, end: 12, id: 's1983' }]);
  });

  it('counts terms past one digit of its base', () => {
    const many: MatcherEntry[] = Array.from({ length: 2000 }, (_, i) => [`term number ${i}`, `t${i}`, 0]);
    const big = compileMatcher(packIndex(many));
    expect(big.find('see term number 1999 and term number 0.').map((m) => m.id)).toEqual(['t1999', 't0']);
  });

  it('refuses an index of an unknown format, a broken line or a wrong group count', () => {
    expect(() => compileMatcher({ ids: [], lines: 'zzz' })).toThrow(/unknown format "z"/);
    expect(() => compileMatcher({ ids: ['a'], lines: 'd\x01abc\x09x\0\0' })).toThrow(/line 2 shares 8 characters with a line of 3/);
    expect(() => compileMatcher({ ids: ['a'], lines: 'd\x01abc\0' })).toThrow(/1 groups for 1 terms/);
    expect(() => compileMatcher({ ids: ['a'], lines: 'dabc\0\0' })).toThrow(/unreadable at character 1/);
  });
});

