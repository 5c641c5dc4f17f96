// @vitest-environment happy-dom
// hit-test: which painted term is under a point. The layout stand-in puts each block on a 20 px line and each
// character 8 px wide, so the points below read as (column, line).
import { CHAR, LINE, installLayout } from './support/browser-apis';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findTermAt, isInViewport, rectAt } from '@/components/page/hit-test';
import { TermHighlighter } from '@/entrypoints/highlighter/highlighter';
import { liveRange } from '@/components/page/paint';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { categories, matcherIndex } from './fixture-glossary';

beforeAll(installLayout);
let h: TermHighlighter | null = null;
afterEach(() => {
  h?.stop();
  h = null;
});

//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345
const PAGE = `<p>Ask ICE about the writ of <em>mandamus</em> today.</p>` + // line 0
  `<p>Then 287(g) and racial profiling.</p>` + // line 1
  `<law-note></law-note>`; // line 2: "ICE in a shadow root"

async function start(settings = {}) {
  document.body.innerHTML = PAGE;
  document.querySelector('law-note')!.attachShadow({ mode: 'open' }).innerHTML = '<p>ICE in a shadow root</p>';
  h = new TermHighlighter(document, compileMatcher(matcherIndex), categories, { ...DEFAULT_SETTINGS, ...settings });
  await h.start();
  return h;
}
const at = (column: number, line: number) => [column * CHAR + CHAR / 2, line * LINE + LINE / 2] as const;

describe('findTermAt', () => {
  it.each<[string, readonly [number, number], string | null]>([
    ['on the first letter of a term', at(4, 0), 'ice'],
    ['on its last letter', at(6, 0), 'ice'],
    ['just past its end', at(8, 0), null],
    ['in the gap between words', at(3, 0), null],
    ['on a term across an inline element', at(19, 0), 'writ-of-mandamus'],
    ['on the part inside the inline element', at(30, 0), 'writ-of-mandamus'],
    ['on the word after it', at(36, 0), null],
    ['on the second line', at(6, 1), '287g'],
    ['on a two-word term', at(20, 1), 'racial-profiling'],
    ['inside an open shadow root', at(1, 2), 'ice'],
    ['below all text', at(1, 9), null],
  ])('%s', async (_name, [x, y], expected) => {
    const hl = await start();
    expect(findTermAt(document, x, y, hl.painter, hl.openShadowRoots)?.match.id ?? null).toBe(expected);
  });

  it('finds nothing in a shadow root it was not told about', async () => {
    const hl = await start();
    expect(findTermAt(document, ...at(1, 2), hl.painter, [])).toBeNull();
  });

  it('finds nothing where the term is filtered out (a hidden category)', async () => {
    const hl = await start({ hiddenCategories: ['institutions'] });
    expect(findTermAt(document, ...at(4, 0), hl.painter, hl.openShadowRoots)).toBeNull();
    expect(findTermAt(document, ...at(6, 1), hl.painter, hl.openShadowRoots)?.match.id).toBe('287g');
  });

  it('finds nothing inside an editor made after the scan, before its marks are gone (issue 10, defect 13)', async () => {
    const hl = await start();
    // the page turns a paragraph into an editor: no card may open in it, even before the next flush
    document.querySelector('p')!.setAttribute('contenteditable', 'true');
    expect(findTermAt(document, ...at(4, 0), hl.painter, hl.openShadowRoots)).toBeNull();
    expect(findTermAt(document, ...at(6, 1), hl.painter, hl.openShadowRoots)?.match.id).toBe('287g');
    document.designMode = 'on';
    try {
      expect(findTermAt(document, ...at(6, 1), hl.painter, hl.openShadowRoots)).toBeNull();
    } finally {
      document.designMode = 'off';
    }
  });

  it('gives the rect of the line under the point', async () => {
    const hl = await start();
    const hit = findTermAt(document, ...at(6, 1), hl.painter, hl.openShadowRoots)!;
    expect([hit.rect.left, hit.rect.top, hit.rect.width]).toEqual([5 * CHAR, LINE, 6 * CHAR]);
    expect(rectAt(hit.match.range, 0, 0)).toBeNull();
  });
});

describe('isInViewport', () => {
  it('is true for a range on screen and false for one without a box', async () => {
    const hl = await start();
    const [first] = await hl.painter.paintedMatches();
    expect(isInViewport(first.range, window)).toBe(true);
    const detached = document.createTextNode('ICE');
    expect(isInViewport(new StaticRange({ startContainer: detached, startOffset: 0, endContainer: detached, endOffset: 3 }), window)).toBe(false);
  });

  it('measures with a Range it is given, set to the range\'s ends, with the same answers', async () => {
    const hl = await start();
    const matches = await hl.painter.paintedMatches();
    const scratch = document.createRange();
    // a later match first: the given Range's ends move forward and back
    for (const m of [...matches].reverse()) {
      expect(isInViewport(m.range, window, scratch)).toBe(isInViewport(m.range, window));
      expect(scratch.toString()).toBe(liveRange(m.range).toString());
    }
  });
});
