// @vitest-environment happy-dom
// The PDF reader's marks: terms found in a page's text items become ranges over that page's text-layer spans
// when it is drawn (before or after its terms are known), go when it is cleared, follow the settings, and open
// the same card with the same pointer controller as on web pages. The layout stand-in puts each text layer on
// one 20 px line, 8 px a character.
import { highlights, installLayout, pointOf, rangeText } from './support/browser-apis';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardView, bundledCardTexts } from '@/components/card-view';
import { PageCard } from '@/components/page/card/page-card';
import { watchPointer } from '@/components/page/card/pointer';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { DocumentMarks, type TextLayerView } from '@/entrypoints/pdf/marks';
import { findPageBreakTerm, findPageTerms, pageText, withoutBreakOverlap, type TextRun } from '@/entrypoints/pdf/page-text';
import { inputRelay } from '@/utils/input-relay';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { cards, categories, matcherIndex } from './fixture-glossary';

beforeAll(installLayout);

const matcher = compileMatcher(matcherIndex);
const PAGE1: TextRun[] = [
  { str: 'Ask ICE about the racial', hasEOL: true },
  { str: 'profiling claims. A writ of', hasEOL: true },
];
const PAGE2: TextRun[] = [
  { str: 'mandamus issued. ICE appealed.', hasEOL: false },
];

/** A text layer as pdf.js draws it: one span per item, a <br> after an item that ends a line. */
function drawLayer(number: number, items: TextRun[]): TextLayerView {
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  layer.dataset.page = String(number);
  const textDivs = items.map((item) => {
    const span = document.createElement('span');
    span.textContent = item.str;
    layer.append(span);
    if (item.hasEOL) layer.append(document.createElement('br'));
    return span;
  });
  document.body.append(layer);
  return { number, layer, textDivs };
}

let marks: DocumentMarks;
let changes: number;

function addPages(target: DocumentMarks) {
  const [t1, t2] = [pageText(PAGE1), pageText(PAGE2)];
  const overBreak = findPageBreakTerm(t1, t2, matcher);
  const { earlier, later } = withoutBreakOverlap(findPageTerms(t1, matcher), findPageTerms(t2, matcher), overBreak);
  target.addPage(1, earlier, overBreak);
  target.addPage(2, later);
}

const painted = () => [...(highlights.get('legal-lens-underline') ?? [])].map(rangeText);

function setUp(settings: Partial<Settings> = {}) {
  document.body.innerHTML = '';
  // the cards below follow the page's language (the document is shared with the other test files: set it here)
  document.documentElement.lang = 'en';
  changes = 0;
  marks = new DocumentMarks(categories, { ...DEFAULT_SETTINGS, ...settings }, () => changes++);
}

beforeEach(() => setUp());
afterEach(() => {
  marks.destroy();
  document.querySelectorAll('legal-lens-ui').forEach((el) => el.remove());
  document.documentElement.removeAttribute('lang');
});

describe('DocumentMarks', () => {
  it('marks a drawn page\'s terms over its spans, terms over line breaks and over the page break included', () => {
    addPages(marks);
    expect(painted()).toEqual([]); // nothing drawn yet
    marks.pageDrawn(drawLayer(1, PAGE1));
    // a range over two spans reads their texts run together (the <br> between holds no text)
    expect(painted()).toEqual(['ICE', 'racialprofiling', 'writ of']);
    marks.pageDrawn(drawLayer(2, PAGE2));
    expect(painted()).toEqual(['ICE', 'racialprofiling', 'writ of', 'mandamus', 'ICE']);
  });

  it('marks a page drawn before its terms were found as soon as they are', () => {
    marks.pageDrawn(drawLayer(1, PAGE1));
    marks.pageDrawn(drawLayer(2, PAGE2));
    expect(painted()).toEqual([]);
    addPages(marks);
    expect(painted()).toEqual(['ICE', 'racialprofiling', 'writ of', 'mandamus', 'ICE']);
    expect(changes).toBe(2);
  });

  it('drops a page\'s marks when it is cleared, and marks it again when it is drawn again', () => {
    addPages(marks);
    const page1 = drawLayer(1, PAGE1);
    marks.pageDrawn(page1);
    marks.pageDrawn(drawLayer(2, PAGE2));
    marks.pageCleared(page1);
    page1.layer.remove();
    expect(painted()).toEqual(['mandamus', 'ICE']);
    marks.pageDrawn(drawLayer(1, PAGE1));
    expect(painted()).toHaveLength(5);
  });

  it('counts each occurrence once for "On this document" (the term over the page break once), in order of first appearance', () => {
    addPages(marks);
    expect(marks.counts()).toEqual([
      { id: 'ice', count: 2 },
      { id: 'racial-profiling', count: 1 },
      { id: 'writ-of-mandamus', count: 1 },
    ]);
  });

  it('follows the settings: categories turned off, and the first occurrence only', () => {
    setUp({ hiddenCategories: ['institutions'] });
    addPages(marks);
    marks.pageDrawn(drawLayer(1, PAGE1));
    marks.pageDrawn(drawLayer(2, PAGE2));
    expect(painted()).toEqual(['racialprofiling', 'writ of', 'mandamus']);
    expect(marks.counts().map((c) => c.id)).toEqual(['racial-profiling', 'writ-of-mandamus']);
    marks.applySettings({ ...DEFAULT_SETTINGS, firstOnly: true });
    expect(painted()).toEqual(['ICE', 'racialprofiling', 'writ of', 'mandamus']); // the second ICE is not
  });
});

describe('the card on a PDF\'s text layer', () => {
  let card: PageCard;
  beforeEach(() => {
    addPages(marks);
    marks.pageDrawn(drawLayer(1, PAGE1));
    marks.pageDrawn(drawLayer(2, PAGE2));
    card = new PageCard({
      doc: document,
      input: inputRelay(window),
      highlighter: marks,
      texts: bundledCardTexts(cards),
      settings: DEFAULT_SETTINGS,
      setTimer: (run, ms) => window.setTimeout(run, ms),
      explainerHref: (id) => `chrome-extension://x/explainer.html#${id}`,
      openExplainer: () => {},
      // the reader's card UI: the bundled card view (entrypoints/pdf/main.tsx)
      loadCardUi: () => Promise.resolve({ createView: (doc, options) => new CardView(doc, options) }),
      pageLanguage: () => Promise.resolve('en'),
    });
    watchPointer(card);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    card.destroy();
  });

  const heading = () => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent ?? null;
  const hover = async (at: { x: number; y: number }) => {
    document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: at.x, clientY: at.y, pointerType: 'mouse' }));
    await vi.advanceTimersByTimeAsync(16 + DEFAULT_SETTINGS.hoverDelay + 20);
  };

  it('opens on either piece of a term over the page break, as a dialog titled with the term', async () => {
    await hover(pointOf('mandamus'));
    expect(heading()).toBe('Writ of mandamus');
    expect(marks.occurrenceOf(card.openMatch!)?.pieces.map((p) => p.page)).toEqual([1, 2]);
    await hover(pointOf('ICE', 1));
    expect(heading()).toBe('ICE (U.S. Immigration and Customs Enforcement)');
  });

  it('opens on a term whose words are on two lines', async () => {
    await hover(pointOf('racialprofiling'));
    expect(heading()).toBe('Racial profiling');
  });
});
