// Alias variants the matcher derives at start-up, so the glossary and the shipped index need not list them:
// "Estados Unidos" and its abbreviations ("EE. UU.", "EE.UU.", "EEUU"), and "Form I-485" / "Formulario
// I-485" / "Forma I-485" for "I-485". (Plurals need no variant: the scan accepts them at every word of an
// alias, see matcher.ts; nor does "§" after "U.S.C.": normalize.ts drops it.) Every function here works on
// normalised keys (normalizeText: lower case, no accents, one space between words, no space after a first
// "§" or before "(").

const US_TOKEN = /(^| )(los )?(estados unidos|ee uu|eeuu)(?= |$)/;
const US_FORMS = ['estados unidos', 'ee uu', 'eeuu'];

/**
 * "Estados Unidos" and its abbreviations, both ways: "tribunal supremo de los estados unidos" also gives
 * "tribunal supremo de ee uu" ("EE. UU."), "... de eeuu" ("EE.UU.", "EEUU"), with and without "los".
 */
export function abbreviationVariants(key: string): string[] {
  const m = US_TOKEN.exec(key);
  if (!m) return [];
  const before = key.slice(0, m.index + m[1].length);
  const after = key.slice(m.index + m[0].length);
  const out: string[] = [];
  for (const article of ['', 'los ']) {
    for (const form of US_FORMS) {
      const v = `${before}${article}${form}${after}`;
      if (v !== key) out.push(v);
    }
  }
  return out;
}

const NONE: string[] = [];

/** Every key the matcher derives from a case-free alias key, the key itself excluded: its "Estados Unidos" forms. */
export function derivedKeys(key: string): string[] {
  return key.includes('unidos') || key.includes('uu') ? abbreviationVariants(key) : NONE;
}

const FORM_NUMBER = /^(?:i|n|g|ar|eoir|ds) \d{1,4}[a-z]?$/;

/** "Form I-485", "Formulario I-485" and "Forma I-485" for a form-number key ("i 485"); none for others. */
export function formKeys(key: string): string[] {
  return key.length < 10 && FORM_NUMBER.test(key) ? [`form ${key}`, `formulario ${key}`, `forma ${key}`] : NONE;
}

/** A subsection group a cite may carry after its section number: "(1)", "(g)", "(A)", "(iii)". */
export const SUBSECTION = /^\((?:[a-z]{1,4}|\d{1,3})\)/i;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Whether an alias key is a statute or rule cite whose match extends over trailing subsection groups
 * ("5 U.S.C. § 706" also covers "5 U.S.C. § 706(1)"): it ends in a section number (with any groups), and
 * names a section ("§", "U.S.C.", "CFR", "INA", "section", "sección", "rule", "regla") or is a bare
 * number with a group ("287(g)"). Case-reporter cites ("392 U.S. 1") are not: "(1968)" is a year.
 */
export function isCiteKey(key: string): boolean {
  const last = key.charCodeAt(key.length - 1);
  // ends in a digit, a ")" or a digit and a letter ("1229a"): anything else is no cite, without a regex
  if (!(isDigit(last) || last === 41 || (last >= 97 && last <= 122 && isDigit(key.charCodeAt(key.length - 2))))) return false;
  const m = /(?:^| )(?:(usc|cfr|ina|section|sec|seccion|rule|regla) )?(§?)(\d+[a-z]?)((?:\((?:[a-z]{1,4}|\d{1,3})\))*)$/.exec(key);
  if (!m) return false;
  return Boolean(m[1] || m[2] || m[4]);
}
