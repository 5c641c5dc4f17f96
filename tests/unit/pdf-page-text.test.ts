// The PDF reader's page text: pdf.js text items → one string a reader would read → matches mapped back to
// (item, offset) pairs, the places the text layer's ranges are made from. Table-driven over the layouts PDFs
// have: lines, hyphenated line ends, items split mid-word, two columns, Spanish, page breaks.
import { describe, expect, it } from 'vitest';
import { compileMatcher, packIndex } from '@/glossary/runtime/matcher';
import { endPositionOf, findPageBreakTerm, findPageTerms, pageText, positionOf, withoutBreakOverlap, type TextRun } from '@/entrypoints/pdf/page-text';
import { matcherIndex } from '../dom/fixture-glossary';

const matcher = compileMatcher(matcherIndex);
const spanish = compileMatcher(packIndex([['perfil racial', 'racial-profiling', 0], ['orden de detención', 'detainer', 0]]));

const run = (str: string, hasEOL = false): TextRun => ({ str, hasEOL });

/** The text each match covers, read back from the items through its positions (as the text layer would). */
function covered(items: TextRun[], start: { item: number; offset: number }, end: { item: number; offset: number }): string {
  if (start.item === end.item) return items[start.item].str.slice(start.offset, end.offset);
  let out = items[start.item].str.slice(start.offset);
  for (let i = start.item + 1; i < end.item; i++) out += `|${items[i].str}`;
  return `${out}|${items[end.item].str.slice(0, end.offset)}`;
}

describe('pageText', () => {
  it('reads a line break after an item that ends a line, and nothing between items of one line', () => {
    const page = pageText([run('A writ '), run('of', true), run('mandamus was filed.')]);
    expect(page.text).toBe('A writ of\nmandamus was filed.');
  });

  it('joins a word broken by a hyphen at a line end, but keeps a hyphen before a capital or a digit', () => {
    expect(pageText([run('a writ of manda-', true), run('mus issued')]).text).toBe('a writ of mandamus issued');
    expect(pageText([run('Form I-', true), run('485 was')]).text).toBe('Form I-\n485 was');
    expect(pageText([run('the Ninth-', true), run('Circuit')]).text).toBe('the Ninth-\nCircuit');
  });

  it('skips empty items (pdf.js gives line ends as empty items too)', () => {
    const page = pageText([run('racial'), run('', true), run('profiling')]);
    expect(page.text).toBe('racial\nprofiling');
    expect(positionOf(page, 7)).toEqual({ item: 2, offset: 0 });
  });

  it('maps a position on a line break to the start of the next line, and an end to just after its character', () => {
    const page = pageText([run('writ of', true), run('mandamus')]);
    expect(positionOf(page, 7)).toEqual({ item: 1, offset: 0 }); // the "\n"
    expect(endPositionOf(page, 7)).toEqual({ item: 0, offset: 7 });
    expect(endPositionOf(page, page.text.length)).toEqual({ item: 1, offset: 8 });
  });
});

describe('findPageTerms', () => {
  const cases: { name: string; items: TextRun[]; m?: typeof matcher; want: [id: string, text: string][] }[] = [
    { name: 'one item', items: [run('The 287(g) program ended.')], want: [['287g', '287(g) program']] },
    { name: 'a term over two lines', items: [run('seeks a writ of', true), run('mandamus against the agency.')], want: [['writ-of-mandamus', 'writ of|mandamus']] },
    { name: 'a term over a hyphenated line end', items: [run('a writ of manda-', true), run('mus.')], want: [['writ-of-mandamus', 'writ of manda-|mus']] },
    { name: 'an item split inside a word (a font change)', items: [run('racial pro'), run('filing by '), run('ICE')], want: [['racial-profiling', 'racial pro|filing'], ['ice', 'ICE']] },
    { name: 'acronyms keep their case', items: [run('ice on the road; ICE agents')], want: [['ice', 'ICE']] },
    {
      name: 'two columns, each read top to bottom (content-stream order)',
      items: [run('Left column on racial', true), run('profiling in stops.', true), run('Right column: ICE and', true), run('287(g) agreements.')],
      want: [['racial-profiling', 'racial|profiling'], ['ice', 'ICE'], ['287g', '287(g)']],
    },
    { name: 'Spanish, with and without accents', m: spanish, items: [run('Una orden de', true), run('detención y el perfil racial; orden de detencion')], want: [['detainer', 'orden de|detención'], ['racial-profiling', 'perfil racial'], ['detainer', 'orden de detencion']] },
    { name: 'no text (a scanned page)', items: [], want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const terms = findPageTerms(pageText(c.items), c.m ?? matcher);
      expect(terms.map((t) => [t.id, covered(c.items, t.start, t.end)])).toEqual(c.want);
    });
  }
});

describe('findPageBreakTerm', () => {
  it('finds a term that starts at the foot of a page and ends at the top of the next, one piece on each', () => {
    const earlier = [run('Page one text. The court may issue a writ of', true)];
    const later = [run('mandamus', true), run('to compel the officer.')];
    const term = findPageBreakTerm(pageText(earlier), pageText(later), matcher);
    expect(term?.id).toBe('writ-of-mandamus');
    expect(covered(earlier, term!.before.start, term!.before.end)).toBe('writ of');
    expect(covered(later, term!.after.start, term!.after.end)).toBe('mandamus');
  });

  it('wins over the shorter terms inside either of its pieces', () => {
    const earlier = pageText([run('ICE asked for a writ of', true)]);
    const later = pageText([run('mandamus; ICE lost.')]);
    const term = findPageBreakTerm(earlier, later, matcher);
    const kept = withoutBreakOverlap(findPageTerms(earlier, matcher), findPageTerms(later, matcher), term);
    expect(kept.earlier.map((t) => t.id)).toEqual(['ice']);
    expect(kept.later.map((t) => t.id)).toEqual(['ice']); // "mandamus" alone is part of the term over the break
    expect(withoutBreakOverlap(findPageTerms(earlier, matcher), findPageTerms(later, matcher), null).later.map((t) => t.id)).toEqual(['writ-of-mandamus', 'ice']);
  });

  it('leaves terms that sit wholly on one page to findPageTerms', () => {
    const earlier = pageText([run('It named ICE.', true)]);
    const later = pageText([run('racial profiling', true)]);
    expect(findPageBreakTerm(earlier, later, matcher)).toBeNull();
    expect(findPageBreakTerm(pageText([]), later, matcher)).toBeNull();
  });
});
