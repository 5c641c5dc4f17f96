// @vitest-environment happy-dom
// The highlighting pipeline in a simulated DOM (collect ► match ► paint ► observe): what is painted, how
// settings change it live, and how page changes update it — incrementally, leaving every other range alone.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FULL_RESCAN_INTERVAL_MS, TermHighlighter } from '@/entrypoints/highlighter/highlighter';
import { WINDOW_CHARS } from '@/components/page/collect';
import { Painter } from '@/components/page/paint';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { compileMatcher } from '@/glossary/runtime/matcher';
import { PagedMatcher } from '@/glossary/runtime/paged-matcher';
import type { Category } from '@/glossary/runtime/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { categories, matcherIndex } from './fixture-glossary';

const matcher = compileMatcher(matcherIndex);
const ARTICLE = `
  <header><p id="lede">Why ICE and 287(g) matter.</p></header>
  <main>
    <p id="p1">A writ of <em>mandamus</em> asks a court to order an agency to act.</p>
    <p id="p2">Racial profiling claims often follow 287(g) stops. ICE answers later.</p>
    <ul id="feed"><li>ICE update</li></ul>
  </main>`;

let h: TermHighlighter | null = null;
afterEach(() => {
  h?.stop();
  h = null;
  vi.useRealTimers();
});

async function start(html: string, settings: Partial<Settings> = {}, cats: Record<string, Category> = categories): Promise<TermHighlighter> {
  document.body.innerHTML = html;
  h = new TermHighlighter(document, matcher, cats, { ...DEFAULT_SETTINGS, ...settings });
  await h.start();
  return h;
}
const painted = (name = 'legal-lens-underline') => [...(highlights.get(name) ?? [])];
const paintedTexts = (name?: string) => painted(name).map(rangeText);
/** Waits until the highlight's texts include `text` (the observer flushes every 100 ms). */
const waitForText = (text: string) => vi.waitFor(() => expect(paintedTexts()).toContain(text), { timeout: 2000 });

describe('painting', () => {
  it('paints one range per match under legal-lens-underline, across inline elements, nothing in skipped places', async () => {
    await start(`${ARTICLE}<pre>ICE in code</pre><textarea>ICE typed</textarea><div contenteditable>ICE edited</div>`);
    expect(paintedTexts().sort()).toEqual(['287(g)', '287(g)', 'ICE', 'ICE', 'ICE', 'Racial profiling', 'writ of mandamus'].sort());
    const crossing = painted().find((r) => rangeText(r) === 'writ of mandamus')!;
    expect(crossing.startContainer).not.toBe(crossing.endContainer);
    expect(highlights.has('legal-lens-active')).toBe(true);
  });

  it('tells the painter how many text nodes each mark covers (what registering it costs: paint.ts)', async () => {
    const adds = vi.spyOn(Painter.prototype, 'add');
    await start('<p>A writ of <em>mandamus</em> and ICE.</p><p><span>I</span><span>C</span><span>E</span></p>');
    const covered = adds.mock.calls.flatMap(([, matches]) => matches.map((m) => [rangeText(m.range), m.textNodes]));
    expect(covered).toEqual([['writ of mandamus', 2], ['ICE', 1], ['ICE', 3]]);
  });

  it('scans in tasks of its own, never in the one that asked for the scan (its start, the page\'s change)', async () => {
    document.body.innerHTML = ARTICLE;
    h = new TermHighlighter(document, matcher, categories, DEFAULT_SETTINGS);
    const scanned = h.start();
    for (let i = 0; i < 20; i++) await Promise.resolve(); // this task's microtasks
    expect(painted()).toEqual([]);
    await scanned;
    expect(paintedTexts()).toContain('writ of mandamus');
  });

  it('leaves nothing in the highlight registry when stopped while a scan is on its way', async () => {
    document.body.innerHTML = ARTICLE;
    h = new TermHighlighter(document, matcher, categories, DEFAULT_SETTINGS);
    const scanned = h.start();
    for (let i = 0; i < 5; i++) await Promise.resolve(); // the scan has begun, and waits for its first turn
    h.stop();
    await scanned;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(highlights.size).toBe(0);
  });

  it('lists the page\'s terms with their counts, in order of first appearance', async () => {
    const hl = await start(ARTICLE);
    expect(await hl.pageTerms()).toEqual([
      { id: 'ice', count: 3 },
      { id: '287g', count: 2 },
      { id: 'writ-of-mandamus', count: 1 },
      { id: 'racial-profiling', count: 1 },
    ]);
  });

  it('lists the terms of a page scanned from the top in order without walking it again; a block added since, by a walk', async () => {
    document.body.innerHTML = '<p>ICE and 287(g)</p><div id="host"></div><div>Loose ICE text<p>on racial profiling</p>and 287(g) after</div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>A writ of mandamus inside.</p>';
    h = new TermHighlighter(document, matcher, categories, DEFAULT_SETTINGS);
    await h.start();
    const walks = vi.spyOn(document, 'createTreeWalker');
    const order = async () => (await h!.painter.allMatches()).map((m) => m.id);
    // the document's text first, then the shadow root's (as the walk orders them); the <div>'s runs on each side of its <p>
    expect(await order()).toEqual(['ice', '287g', 'ice', 'racial-profiling', '287g', 'writ-of-mandamus']);
    expect(walks).toHaveBeenCalledTimes(0);
    document.body.insertAdjacentHTML('afterbegin', '<p>mandamus first</p>');
    await waitForText('mandamus');
    expect(await order()).toEqual(['writ-of-mandamus', 'ice', '287g', 'ice', 'racial-profiling', '287g', 'writ-of-mandamus']);
    expect(walks).toHaveBeenCalled();
  });

  it('a page scanned from the top, then an element appended last: its terms go last, with no walk', async () => {
    const hl = await start('<p>ICE and 287(g)</p><section id="feed"><p>Racial profiling</p></section>');
    const walks = vi.spyOn(document, 'createTreeWalker');
    const afterScan = walks.mock.calls.length;
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<article>A writ of mandamus, new.</article>');
    await waitForText('writ of mandamus');
    // the scan of the new element walks it (iterateBlocks); putting the marks in order walks nothing more
    const scanWalks = walks.mock.calls.length - afterScan;
    expect((await hl.painter.allMatches()).map((m) => m.id)).toEqual(['ice', '287g', 'racial-profiling', 'writ-of-mandamus']);
    expect(walks.mock.calls.length - afterScan).toBe(scanWalks);
  });

  it('a block longer than a window: every term once, those across a window edge too', async () => {
    const filler = (n: number) => 'x '.repeat(n / 2);
    // "writ of mandamus" starts 5 characters before the first window edge, "287(g)" 3 before the second
    const text = `${filler(WINDOW_CHARS - 6)} writ of mandamus ${filler(WINDOW_CHARS - 16)} 287(g) ${filler(WINDOW_CHARS)} ICE`;
    expect(text.indexOf('writ of mandamus')).toBe(WINDOW_CHARS - 5);
    expect(text.indexOf('287(g)')).toBe(2 * WINDOW_CHARS - 3);
    await start(`<p>${text}</p>`);
    expect(paintedTexts()).toEqual(['writ of mandamus', '287(g)', 'ICE']);
  });

  it('takes its registry entries away when stopped', async () => {
    const hl = await start(ARTICLE);
    hl.stop();
    h = null;
    expect([...highlights.keys()].filter((k) => k.startsWith('legal-lens'))).toEqual([]);
  });
});

describe('settings, applied live', () => {
  it.each<[string, Partial<Settings>, string, string[]]>([
    ['highlight style background', { highlightStyle: 'background' }, 'legal-lens-background', ['ICE', '287(g)', 'writ of mandamus', 'Racial profiling', '287(g)', 'ICE', 'ICE']],
    ['first occurrence only', { firstOnly: true }, 'legal-lens-underline', ['ICE', '287(g)', 'writ of mandamus', 'Racial profiling']],
    ['enforcement hidden', { hiddenCategories: ['enforcement'] }, 'legal-lens-underline', ['ICE', 'writ of mandamus', 'Racial profiling', 'ICE', 'ICE']],
    ['every category but delays hidden', { hiddenCategories: ['institutions', 'enforcement', 'court', 'profiling', 'remedies', 'status', 'help'] }, 'legal-lens-underline', ['writ of mandamus']],
  ])('%s', async (_name, patch, name, expected) => {
    const hl = await start(ARTICLE);
    await hl.applySettings({ ...DEFAULT_SETTINGS, ...patch });
    expect(paintedTexts(name).sort()).toEqual([...expected].sort());
    if (name !== 'legal-lens-underline') expect(highlights.has('legal-lens-underline')).toBe(false);
  });

  it('first occurrence only, turned off again while the marks were being put in order: every mark shows', async () => {
    const hl = await start(ARTICLE);
    const on = hl.applySettings({ ...DEFAULT_SETTINGS, firstOnly: true });
    await hl.applySettings(DEFAULT_SETTINGS);
    await on;
    expect(paintedTexts()).toHaveLength(7);
  });

  it('marks the terms of a category the settings have never heard of', async () => {
    // a category added to the glossary after the user saved their settings
    await start(ARTICLE, { hiddenCategories: ['profiling'] }, { ...categories, ice: 'a-category-added-later' as Category });
    expect(paintedTexts().filter((t) => t === 'ICE')).toHaveLength(3);
    expect(paintedTexts()).not.toContain('Racial profiling');
  });
});

describe('page changes', () => {
  it('a toast appended to <body> is scanned alone: every other range object is untouched', async () => {
    await start(ARTICLE);
    const before = painted();
    const toast = document.createElement('div');
    toast.className = 'toast';
    toast.textContent = 'Saved. Read about mandamus next.';
    document.body.append(toast);
    await waitForText('mandamus');
    const after = painted();
    expect(after.filter((r) => !before.includes(r)).map(rangeText)).toEqual(['mandamus']);
    expect(before.every((r) => after.includes(r))).toBe(true);
  });

  it('an item appended to a feed is scanned alone', async () => {
    await start(ARTICLE);
    const before = painted();
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<li>287(g) news</li>');
    await vi.waitFor(() => expect(painted()).toHaveLength(before.length + 1), { timeout: 2000 });
    expect(before.every((r) => painted().includes(r))).toBe(true);
  });

  it('an edited block gets new ranges; the other blocks keep theirs', async () => {
    await start(ARTICLE);
    const others = painted().filter((r) => !document.getElementById('p2')!.contains(r.startContainer));
    (document.getElementById('p2')!.firstChild as Text).data = 'Now the mandamus part. ';
    await waitForText('mandamus');
    expect(others.every((r) => painted().includes(r))).toBe(true);
    expect(paintedTexts()).not.toContain('Racial profiling');
  });

  it('drops the ranges of removed blocks', async () => {
    await start(ARTICLE);
    document.getElementById('p1')!.remove();
    await vi.waitFor(() => expect(paintedTexts()).not.toContain('writ of mandamus'), { timeout: 2000 });
    expect(painted().every((r) => r.startContainer.isConnected)).toBe(true);
  });

  it('text straight inside <body> goes through the full rescan, at most once a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let started: TermHighlighter | null = null;
    void start(ARTICLE).then((h) => (started = h));
    await vi.waitFor(() => expect(started).not.toBeNull()); // advances the fake clock: the scan's turns come
    const hl = started!;
    const rescans: number[] = [];
    const rescanAll = hl.rescanAll.bind(hl);
    hl.rescanAll = () => {
      rescans.push(performance.now());
      return rescanAll();
    };
    for (let i = 0; i < 5; i++) {
      document.body.append(`ICE ${i} `);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(FULL_RESCAN_INTERVAL_MS * 2);
    expect(rescans.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < rescans.length; i++) expect(rescans[i] - rescans[i - 1]).toBeGreaterThanOrEqual(FULL_RESCAN_INTERVAL_MS);
    expect(paintedTexts().filter((t) => t === 'ICE')).toHaveLength(3 + 5);
  });
});

describe('what no mutation record reports (issue 10)', () => {
  const reader = (type: string) => document.dispatchEvent(new Event(type));
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

  it('defect 8: the page empties the highlight registry; our marks come back, later changes included', async () => {
    await start(ARTICLE);
    const before = painted();
    CSS.highlights.clear();
    expect(highlights.size).toBe(0);
    // the reader scrolls: the same ranges are registered again
    reader('scroll');
    await vi.waitFor(() => expect(painted()).toEqual(before), { timeout: 2000 });
    // the page deletes our entry and adds text: the new text is marked, and shown
    CSS.highlights.delete('legal-lens-underline');
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<li>mandamus news</li>');
    await waitForText('mandamus');
    expect(painted()).toHaveLength(before.length + 1);
    expect(highlights.has('legal-lens-active')).toBe(true);
  });

  it('defect 8: re-registering happens on the reader\'s or the page\'s actions only, never on a timer of its own', async () => {
    await start(ARTICLE);
    CSS.highlights.clear();
    await nextFrame();
    await new Promise((r) => setTimeout(r, 300));
    expect(highlights.size).toBe(0);
    reader('pointerdown');
    await vi.waitFor(() => expect(highlights.size).toBe(2), { timeout: 2000 });
  });

  it('defect 9: text revealed by removing `hidden` (an accordion, a tab) is marked', async () => {
    await start(`${ARTICLE}<section id="panel" hidden><p>An accordion about the writ of mandamus and ICE.</p></section><p>x <span id="tab" hidden>287(g) tab</span></p>`);
    const before = paintedTexts();
    document.getElementById('panel')!.removeAttribute('hidden');
    document.getElementById('tab')!.hidden = false;
    await vi.waitFor(() => expect(paintedTexts()).toHaveLength(before.length + 3), { timeout: 2000 });
    expect(paintedTexts().filter((t) => t === 'writ of mandamus')).toHaveLength(2);
  });

  it('defect 9: an element hidden later, or made contenteditable later, loses its marks', async () => {
    await start(ARTICLE);
    document.getElementById('p1')!.setAttribute('contenteditable', 'true');
    document.getElementById('lede')!.closest('header')!.hidden = true;
    await vi.waitFor(() => expect(paintedTexts().sort()).toEqual(['287(g)', 'ICE', 'ICE', 'Racial profiling']), { timeout: 2000 });
    // and back: the editor is switched off again
    document.getElementById('p1')!.removeAttribute('contenteditable');
    await waitForText('writ of mandamus');
  });

  it('defect 13: a document switched to designMode after load loses its marks, and gets them back when it leaves it', async () => {
    await start(ARTICLE);
    expect(painted().length).toBeGreaterThan(0);
    document.designMode = 'on';
    try {
      reader('focusin'); // the reader clicks into the editor
      await vi.waitFor(() => expect(painted()).toEqual([]), { timeout: 2000 });
      // typing in it paints nothing
      document.getElementById('p2')!.append(' More about mandamus.');
      await new Promise((r) => setTimeout(r, 250));
      expect(painted()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
    reader('keydown');
    await waitForText('mandamus');
  });

  it('defect 10: a shadow root attached after the scan is scanned when the pointer comes over it', async () => {
    await start(`${ARTICLE}<div id="late"></div>`);
    const host = document.getElementById('late')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="inner">A later writ of mandamus.</p>';
    // no layout here: the element under the pointer is the host, and inside its shadow root the paragraph
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
    (shadow as unknown as { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint = () => shadow.getElementById('inner');
    document.dispatchEvent(new MouseEvent('pointermove', { clientX: 5, clientY: 5 }));
    await vi.waitFor(() => expect(paintedTexts().filter((t) => t === 'writ of mandamus')).toHaveLength(2), { timeout: 2000 });
    expect(h!.openShadowRoots).toContain(shadow);
  });
});

describe('with the glossary paged in (glossary/runtime/paged-matcher.ts)', () => {
  /** A paged matcher answered from the test glossary's HeadIndex, through JSON as over messaging. */
  function pagedMatcher(options: { failFirst?: number } = {}) {
    const heads = new HeadIndex(matcherIndex, categories);
    let fail = options.failFirst ?? 0;
    const source = {
      filter: vi.fn(async () => {
        if (fail > 0 && fail--) throw new Error('no background');
        return JSON.parse(JSON.stringify(heads.filter()));
      }),
      heads: vi.fn(async (list: string[]) => JSON.parse(JSON.stringify(heads.lookup(list)))),
    };
    return { matcher: new PagedMatcher(source), source };
  }
  async function startPaged(html: string, matcher: PagedMatcher): Promise<TermHighlighter> {
    document.body.innerHTML = html;
    h = new TermHighlighter(document, matcher, matcher.categories, DEFAULT_SETTINGS);
    await h.start();
    return h;
  }

  it('paints what the whole matcher paints, in order, with the categories that came with the keys', async () => {
    const { matcher, source } = pagedMatcher();
    const hl = await startPaged(ARTICLE, matcher);
    expect(paintedTexts().sort()).toEqual(['287(g)', '287(g)', 'ICE', 'ICE', 'ICE', 'Racial profiling', 'writ of mandamus'].sort());
    expect(await hl.pageTerms()).toEqual([{ id: 'ice', count: 3 }, { id: '287g', count: 2 }, { id: 'writ-of-mandamus', count: 1 }, { id: 'racial-profiling', count: 1 }]);
    // one question for the filter, one for all the heads of the page
    expect(source.filter).toHaveBeenCalledTimes(1);
    expect(source.heads).toHaveBeenCalledTimes(1);
    expect(matcher.categories).toMatchObject({ ice: categories.ice, '287g': categories['287g'] });
  });

  it('asks for nothing in a frame without words, and only for the filter where no words are heads', async () => {
    const { matcher, source } = pagedMatcher();
    await startPaged('<img src="data:," width="1" height="1" alt=""><script>var x = 1;</script><div> · </div>', matcher);
    expect(source.filter).not.toHaveBeenCalled();
    h!.stop();
    await startPaged('<p>The county said that officers would review each case.</p>', matcher);
    expect(source.filter).toHaveBeenCalledTimes(1);
    expect(source.heads).not.toHaveBeenCalled();
    expect(painted()).toEqual([]);
  });

  it('a block longer than a window: every term once, those across a window edge too', async () => {
    const { matcher } = pagedMatcher();
    const filler = (n: number) => 'x '.repeat(n / 2);
    // (the same text as the unpaged test's: terms just before the first two window edges)
    await startPaged(`<p>${filler(WINDOW_CHARS - 6)} writ of mandamus ${filler(WINDOW_CHARS - 16)} 287(g) ${filler(WINDOW_CHARS)} ICE</p>`, matcher);
    // each once (the registry's order is not the page's: a release may put the held ranges first)
    expect(paintedTexts().sort()).toEqual(['287(g)', 'ICE', 'writ of mandamus']);
  });

  it('paints nothing while the background cannot be reached, and everything at the next scan', async () => {
    const { matcher, source } = pagedMatcher({ failFirst: 1 });
    const hl = await startPaged(ARTICLE, matcher);
    expect(painted()).toEqual([]);
    await hl.rescanAll();
    expect(source.filter).toHaveBeenCalledTimes(2);
    expect(paintedTexts()).toHaveLength(7);
  });

  it('a block added later asks only for heads it has not seen', async () => {
    const { matcher, source } = pagedMatcher();
    await startPaged(ARTICLE, matcher);
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '<li>Another ICE raid; 287(g) again</li>');
    await vi.waitFor(() => expect(paintedTexts().filter((t) => t === 'ICE')).toHaveLength(4), { timeout: 2000 });
    expect(source.heads).toHaveBeenCalledTimes(1);
  });
});
