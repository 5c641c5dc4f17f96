// English–Spanish parity (FORMAT.md, "English and Spanish say the same thing"): the two summaries of an entry,
// and its two bodies, must contain the same numbers, statute and regulation sections, form numbers and case
// names. Only rendered text is compared, so link addresses never count.
import { quote, type GlossaryProblem } from './problems.ts';

export type ParityKind = 'case name' | 'form' | 'section' | 'number';

export interface ParityItem {
  kind: ParityKind;
  /** true for a Spanish "X contra Y": it matches "X v. Y" but is not required of the English text, since
   *  "contra" also joins ordinary capitalised phrases ("Programa contra Extranjeros Criminales") */
  weak?: boolean;
  /** what both languages must share, e.g. "1357(g)", "i-485", "trump v casa", "1000" */
  key: string;
  /** the item as first written in the text */
  text: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A party's name in a caption: a capitalised word ("Brignoni-Ponce", "CASA", "O'Brien"). */
const PARTY = String.raw`\p{Lu}[\p{L}\p{M}'’&-]*`;
/**
 * "Trump v. CASA", "Whren vs. United States", and in Spanish "Terry contra Ohio" or "Terry c. Ohio": the same
 * caption ("Estados Unidos" names the same party as "United States").
 */
const LINK_WORD = String.raw`(?:of|the|de|del|la|los|el)`;
const CASE_NAME = new RegExp(
  String.raw`((?:${PARTY}\s+(?:${LINK_WORD}\s+)?){0,4})(${PARTY})\.?\s+(vs?\.|contra|c\.)\s+(${PARTY})((?:,?\s+(?:${LINK_WORD}\s+)?${PARTY}){0,4})`,
  'gu',
);
/** Form numbers: I-485, N-400, EOIR-26, G-28, DS-160, AR-11, I-247A (any dash). */
export const FORM_NUMBER = /(?<![\p{L}\p{N}-])((?:EOIR|DS|AR|I|N|G))[-‐‑–](\d{1,4}[A-Z]{0,2})(?![\p{L}\p{N}])/gu;
/** A section number with its subparts: 1357(g)(8), 1003.38, 236.21, 2000d. */
const SECTION_ID = String.raw`\d+[a-z]?(?:\.\d+[a-z]?)*(?:\([a-zA-Z0-9]{1,4}\))*`;
/** "§ 1357(g)", "section 1983", "sección 245(i)", "8 CFR 1003.38", "8 U.S.C. § 1231(a)(5)", or a bare "287(g)". */
const SECTION = new RegExp(
  String.raw`(?:\d+\s+(?:U\.?\s?S\.?\s?C\.?|C\.?\s?F\.?\s?R\.?)\s*(?:§§?\s*)?|§§?\s*|\b(?:[Ss]ections?|[Ss]ecci[oó]n(?:es)?|[Aa]rt[ií]culos?|[Ss]ec\.)\s+)(${SECTION_ID})|(?<![\p{L}\p{N}.])(\d+(?:\([a-zA-Z0-9]{1,4}\))+)`,
  'gu',
);
/** Digit runs; "1,000", "1.000" and "1 000" are one number. */
const NUMBER = /(?<![\p{N}])(\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+|\d+)(?![\p{N}])/gu;

/** A caption's party as compared: folded, with the Spanish "Estados Unidos" / "EE. UU." as "United States". */
function canonicalParty(name: string): string {
  if (/^(?:Estados|EE)$/u.test(name)) return 'united';
  if (/^(?:Unidos|UU)$/u.test(name)) return 'states';
  return fold(name);
}

/**
 * The items of a text that the other language must also state: case names, forms and sections, and every
 * number (the digits inside a section or form count as numbers too, so "§ 1983" and "1983" share 1983).
 */
export function parityItems(text: string): Map<string, ParityItem> {
  const items = new Map<string, ParityItem>();
  const put = (kind: ParityKind, key: string, written: string, weak = false) => {
    const k = `${kind}:${key}`;
    const known = items.get(k);
    if (!known || (known.weak && !weak)) items.set(k, { kind, key, text: written.replace(/\s+/g, ' ').trim(), ...(weak ? { weak } : {}) });
  };
  for (const m of text.matchAll(CASE_NAME)) {
    const written = m[0].replace(/,$/, '').replace(/^(?:In|See|The|Under|After|En|Vea|El|La|Tras|Con)\s+(?=\p{Lu})/u, '');
    put('case name', `${canonicalParty(m[2])} v ${canonicalParty(m[4])}`, written, !/^vs?\.$/.test(m[3]));
  }
  for (const m of text.matchAll(FORM_NUMBER)) put('form', `${m[1]}-${m[2]}`.toLowerCase(), `${m[1]}-${m[2]}`);
  for (const m of text.matchAll(SECTION)) put('section', (m[1] ?? m[2]).toLowerCase(), m[0]);
  for (const m of text.matchAll(NUMBER)) put('number', m[1].replace(/\D/g, ''), m[1]);
  return items;
}

/** Items of `from` that `other` lacks; a number is not listed again when a missing section or form holds it. */
function missingFrom(other: Map<string, ParityItem>, from: Map<string, ParityItem>): ParityItem[] {
  const missing = [...from].filter(([k, v]) => !v.weak && !other.has(k)).map(([, v]) => v);
  const structured = missing.filter((i) => i.kind !== 'number');
  return missing.filter((i) => i.kind !== 'number' || !structured.some((s) => s.text.match(/\d+/g)?.includes(i.key)));
}

const describe = (items: ParityItem[]) => items.map((i) => (i.kind === 'number' ? quote(i.text) : `${quote(i.text)} (${i.kind})`)).join(', ');

interface ParityFile {
  file: string;
  summary: string;
  /** rendered body text */
  body: string;
}

/**
 * Compares an entry's English and Spanish files; one problem per file and field listing every item the other
 * language states and this one does not.
 */
export function checkParity(en: ParityFile, es: ParityFile): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const field of ['summary', 'body'] as const) {
    const a = parityItems(en[field]);
    const b = parityItems(es[field]);
    const missingEs = missingFrom(b, a);
    const missingEn = missingFrom(a, b);
    if (missingEs.length) {
      problems.push({ file: es.file, field, message: `lacks what the English ${field} states: ${describe(missingEs)}; state the same facts with the same digits in both languages` });
    }
    if (missingEn.length) {
      problems.push({ file: en.file, field, message: `lacks what the Spanish ${field} states: ${describe(missingEn)}; state the same facts with the same digits in both languages` });
    }
  }
  return problems;
}
