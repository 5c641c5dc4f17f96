// Related-term chips on the card show short titles (issue #12 item 6: the Spanish 287(g) chip read "Programa 287").
// Every title of the real glossary, in both languages, goes through the rule: none may become empty or lose a
// bracket that belongs to a token ("287(g)", "1447(b)"), a form number or a citation.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortTitle } from '@/components/HoverCard';
import { compileGlossary } from '@/glossary/build/compile';

const glossary = compileGlossary(resolve(import.meta.dirname, '../../glossary'));
const titles = Object.values(glossary.cards).flatMap((c) => [c.en.title, c.es.title]);

/** What a short title must keep: brackets glued to a token ("287(g)"), form numbers ("I-864", "EOIR-28"). */
const KEPT = /\S\([0-9a-z]{1,4}\)|\b[A-Z]{1,4}-\d+[A-Z]?\b/g;

describe('shortTitle', () => {
  it.each([
    ['Programa 287(g)', 'Programa 287(g)'],
    ['287(g) program', '287(g) program'],
    ['USCIS (U.S. Citizenship and Immigration Services)', 'USCIS'],
    ['Notice to Appear (NTA)', 'Notice to Appear'],
    ['Deportación (expulsión o removal)', 'Deportación'],
    ['Affidavit of support (Form I-864)', 'Affidavit of support (Form I-864)'],
    ['Declaración jurada de patrocinio económico (Formulario I-864)', 'Declaración jurada de patrocinio económico (Formulario I-864)'],
    ['Entrada ilegal (8 U.S.C. § 1325)', 'Entrada ilegal'],
    ['8 U.S.C. § 1447(b) (the 120-day naturalization rule)', '8 U.S.C. § 1447(b)'],
    ['Mandamus Act (28 U.S.C. § 1361)', 'Mandamus Act'],
    ['Form I-485', 'Form I-485'],
    ['AB (x)', 'AB (x)'], // never shorter than 3 characters
    ['Act (with (nested) brackets)', 'Act (with (nested) brackets)'],
  ])('%s → %s', (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });

  it(`keeps every token of all ${titles.length} titles of the real glossary, and never empties one`, () => {
    expect(titles.length).toBeGreaterThanOrEqual(140);
    const lost = titles.flatMap((title) => {
      const short = shortTitle(title);
      const missing = (title.match(KEPT) ?? []).filter((token) => !short.includes(token));
      return short.trim().length < 3 || !title.startsWith(short) || missing.length ? [`${title} → ${short} (lost ${missing.join(', ')})`] : [];
    });
    expect(lost).toEqual([]);
  });

  it('finds the tokens it guards in the real glossary (the check above is not vacuous)', () => {
    const guarded = titles.flatMap((t) => t.match(KEPT) ?? []);
    expect(guarded).toEqual(expect.arrayContaining(['7(g)', 'I-485', 'N-400']));
  });
});
