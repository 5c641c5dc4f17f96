// @vitest-environment happy-dom
// paint: the Painter's bookkeeping of ranges per block in the highlight registry.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LAG_MS, MOVE_VIEWPORTS, NEAR_VIEWPORTS, SETTLE_MS } from '@/components/page/near-viewport';
import { NEAR_ONLY_MARKED_NODES, Painter, liveRange, type PaintedMatch } from '@/components/page/paint';

let painter: Painter;
beforeEach(() => {
  document.body.innerHTML = '<p id="a">ICE and 287(g)</p><p id="b">mandamus</p><div id="host"></div>';
  painter = new Painter('underline');
});
afterEach(() => painter.destroy());

const block = (id: string) => document.getElementById(id)!;
function match(id: string, blockId: string, start: number, end: number): PaintedMatch {
  const text = block(blockId).firstChild!;
  return { id, range: new StaticRange({ startContainer: text, startOffset: start, endContainer: text, endOffset: end }) };
}
const texts = (name = 'legal-lens-underline') => [...(highlights.get(name) ?? [])].map(rangeText);

describe('Painter', () => {
  it('registers its highlights under names that start with legal-lens', () => {
    expect([...highlights.keys()].sort()).toEqual(['legal-lens-active', 'legal-lens-underline']);
  });

  it('adds ranges per block, forgets a block\'s ranges, and sweeps blocks that left the page', () => {
    painter.add(block('a'), [match('ice', 'a', 0, 3), match('287g', 'a', 8, 14)]);
    painter.add(block('b'), [match('writ-of-mandamus', 'b', 0, 8)]);
    expect(texts()).toEqual(['ICE', '287(g)', 'mandamus']);
    painter.forget(block('a'));
    expect(texts()).toEqual(['mandamus']);
    block('b').remove();
    expect(painter.sweep()).toBe(1);
    expect(painter.size).toBe(0);
  });

  it('holds new ranges back until release, so a scan repaints the page at most twice', () => {
    painter.hold();
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    expect(painter.size).toBe(0);
    painter.release();
    expect(texts()).toEqual(['ICE']);
  });

  it('releases many held ranges without adding them one by one to the registered highlight (a long page\'s last release)', () => {
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    const registered = highlights.get('legal-lens-underline')!;
    const adds = vi.spyOn(registered, 'add');
    painter.hold();
    painter.add(block('b'), [match('writ-of-mandamus', 'b', 0, 8)]);
    painter.add(block('a'), [match('287g', 'a', 8, 14)]);
    painter.release();
    expect(adds).not.toHaveBeenCalled();
    expect(texts().sort()).toEqual(['287(g)', 'ICE', 'mandamus']);
    expect(painter.size).toBe(3);
    painter.forget(block('a'));
    expect(texts()).toEqual(['mandamus']);
  });

  it('registers nothing again once destroyed (a scan still on its way when the highlighter stopped)', () => {
    painter.hold();
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    painter.destroy();
    painter.release();
    painter.register();
    expect(highlights.size).toBe(0);
  });

  it('paints no held range that a filter set meanwhile hides', () => {
    painter.hold();
    painter.add(block('a'), [match('ice', 'a', 0, 3), match('287g', 'a', 8, 14)]);
    painter.setFilter((m) => m.id !== 'ice');
    painter.release();
    expect(texts()).toEqual(['287(g)']);
  });

  it('moves every range to another style\'s highlight', () => {
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    painter.setStyle('background');
    expect(highlights.has('legal-lens-underline')).toBe(false);
    expect(texts('legal-lens-background')).toEqual(['ICE']);
  });

  it('filters what is painted, keeping every match for later', async () => {
    painter.add(block('a'), [match('ice', 'a', 0, 3), match('287g', 'a', 8, 14)]);
    painter.setFilter((m) => m.id !== 'ice');
    expect(texts()).toEqual(['287(g)']);
    expect((await painter.allMatches()).map((m) => m.id)).toEqual(['ice', '287g']);
    expect((await painter.paintedMatches()).map((m) => m.id)).toEqual(['287g']);
  });

  it('gives matches in document order whatever order blocks were painted in', async () => {
    painter.add(block('b'), [match('writ-of-mandamus', 'b', 0, 8)]);
    painter.add(block('a'), [match('287g', 'a', 8, 14)]);
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    expect((await painter.paintedMatches()).map((m) => m.id)).toEqual(['ice', '287g', 'writ-of-mandamus']);
  });

  it('marks the open card\'s term in the active highlight', () => {
    const m = match('ice', 'a', 0, 3);
    painter.add(block('a'), [m]);
    painter.setActive(m.range);
    expect(texts('legal-lens-active')).toEqual(['ICE']);
    painter.setActive(null);
    expect(texts('legal-lens-active')).toEqual([]);
  });

  it('makes a live Range over the same text for geometry', () => {
    const m = match('287g', 'a', 8, 14);
    expect(liveRange(m.range).toString()).toBe('287(g)');
  });
});

describe('Painter: matches in document order on a long page', () => {
  /** `n` paragraphs of text, each with one match, painted last paragraph first */
  function longPage(n: number): HTMLElement[] {
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    const blocks = [...document.querySelectorAll<HTMLElement>('p')];
    for (const p of [...blocks].reverse()) painter.add(p, [match('ice', p.id, 0, 3)]);
    return blocks;
  }
  /** a clock that moves 5 ms each time it is read: every few looks, a slice has used its budget */
  const slowClock = () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
  };
  afterEach(() => vi.restoreAllMocks());

  it('walks the page in slices, the page getting its turn between them', async () => {
    const blocks = longPage(3000);
    slowClock();
    const seen: string[] = [];
    const ordered = painter.allMatches().then((list) => {
      seen.push('ordered');
      return list;
    });
    setTimeout(() => seen.push('page'), 0);
    const list = await ordered;
    expect(seen).toEqual(['page', 'ordered']);
    expect(list.map((m) => m.range.startContainer)).toEqual(blocks.map((p) => p.firstChild));
  });

  it('walks once for callers that ask while it runs, and again only once the matches change', async () => {
    longPage(600);
    const walks = vi.spyOn(document, 'createTreeWalker');
    const [a, b] = await Promise.all([painter.allMatches(), painter.paintedMatches()]);
    expect(walks).toHaveBeenCalledTimes(1);
    expect(b).toEqual(a);
    await painter.allMatches();
    expect(walks).toHaveBeenCalledTimes(1);
    painter.forget(document.getElementById('p3')!);
    expect(await painter.allMatches()).toHaveLength(599);
    expect(walks).toHaveBeenCalledTimes(2);
  });

  it('leaves out the matches gone while it ran, and puts those new since last', async () => {
    const blocks = longPage(3000);
    slowClock();
    const ordered = painter.allMatches();
    painter.forget(blocks[10]);
    const added = document.createElement('p');
    added.id = 'new';
    added.textContent = 'ICE, new';
    document.body.prepend(added);
    painter.add(added, [match('ice', 'new', 0, 3)]);
    const list = await ordered;
    expect(list).toHaveLength(3000);
    expect(list.map((m) => m.range.startContainer)).not.toContain(blocks[10].firstChild);
    expect(list.at(-1)!.range.startContainer).toBe(added.firstChild);
    expect(list[0].range.startContainer).toBe(blocks[0].firstChild);
  });

  it('walks nothing for matches added in one walk in document order into an empty painter', async () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    const blocks = [...document.querySelectorAll<HTMLElement>('p')];
    painter.startOrderedAdds(document.body);
    for (const p of blocks) painter.add(p, [match('ice', p.id, 0, 3)]);
    painter.endOrderedAdds();
    const walks = vi.spyOn(document, 'createTreeWalker');
    expect((await painter.allMatches()).map((m) => m.range.startContainer)).toEqual(blocks.map((p) => p.firstChild));
    expect(walks).not.toHaveBeenCalled();
    // added after the walk: anywhere in the page, so the order needs a walk again
    const top = document.createElement('p');
    top.id = 'top';
    top.textContent = 'ICE first';
    document.body.prepend(top);
    painter.add(top, [match('ice', 'top', 0, 3)]);
    const list = await painter.allMatches();
    expect(walks).toHaveBeenCalled();
    expect(list[0].range.startContainer).toBe(top.firstChild);
    expect(list).toHaveLength(51);
  });

  it('keeps the order of an element scanned after every match (a feed\'s new item) without a walk; one before a match needs it', async () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    const scan = (root: HTMLElement) => {
      painter.startOrderedAdds(root);
      painter.add(root, [match('ice', root.id, 0, 3)]);
      painter.endOrderedAdds();
    };
    const paragraph = (id: string) => Object.assign(document.createElement('p'), { id, textContent: `ICE ${id}` });
    painter.startOrderedAdds(document.body);
    for (const p of document.querySelectorAll<HTMLElement>('p')) painter.add(p, [match('ice', p.id, 0, 3)]);
    painter.endOrderedAdds();
    const walks = vi.spyOn(document, 'createTreeWalker');
    const late = document.body.appendChild(paragraph('late'));
    scan(late);
    const inOrder = (await painter.allMatches()).map((m) => m.range.startContainer);
    expect(inOrder).toHaveLength(51);
    expect(inOrder.at(-1)).toBe(late.firstChild);
    expect(walks).not.toHaveBeenCalled();
    const early = document.body.insertBefore(paragraph('early'), document.getElementById('p1'));
    scan(early);
    const walked = (await painter.allMatches()).map((m) => m.range.startContainer);
    expect(walks).toHaveBeenCalled();
    expect(walked.slice(0, 3)).toEqual([document.getElementById('p0')!.firstChild, early.firstChild, document.getElementById('p1')!.firstChild]);
  });

  it('walks again for an element appended after a shadow tree\'s matches (the walk puts the document\'s text first)', async () => {
    document.body.innerHTML = '<p id="a">ICE</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>ICE inside</p>';
    const inner = shadow.querySelector('p')!;
    painter.startOrderedAdds(document.body);
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    painter.add(inner, [{ id: 'ice', range: new StaticRange({ startContainer: inner.firstChild!, startOffset: 0, endContainer: inner.firstChild!, endOffset: 3 }) }]);
    painter.endOrderedAdds();
    const late = Object.assign(document.createElement('p'), { id: 'late', textContent: 'ICE late' });
    document.body.append(late);
    painter.startOrderedAdds(late);
    painter.add(late, [match('ice', 'late', 0, 3)]);
    painter.endOrderedAdds();
    const walks = vi.spyOn(document, 'createTreeWalker');
    const list = (await painter.allMatches()).map((m) => m.range.startContainer);
    expect(walks).toHaveBeenCalled();
    expect(list).toEqual([block('a').firstChild, late.firstChild, inner.firstChild]);
  });

  it('puts a block\'s run after another block\'s in its place, and leaves out what was forgotten, walking nothing', async () => {
    document.body.innerHTML = '<div id="d">ICE before<p id="inner">287(g) inside</p>mandamus after</div>';
    const div = document.getElementById('d')!;
    const at = (node: Node, start: number, end: number, id: string): PaintedMatch => ({ id, range: new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }) });
    painter.startOrderedAdds(document.body);
    painter.add(div, [at(div.firstChild!, 0, 3, 'ice')]);
    painter.add(block('inner'), [at(block('inner').firstChild!, 0, 6, '287g')]);
    painter.add(div, [at(div.lastChild!, 0, 8, 'writ-of-mandamus')]);
    painter.endOrderedAdds();
    const walks = vi.spyOn(document, 'createTreeWalker');
    expect((await painter.allMatches()).map((m) => m.id)).toEqual(['ice', '287g', 'writ-of-mandamus']);
    painter.forget(block('inner'));
    expect((await painter.allMatches()).map((m) => m.id)).toEqual(['ice', 'writ-of-mandamus']);
    expect(walks).not.toHaveBeenCalled();
  });

  it('keeps walking when an ordered walk adds to a painter that already held matches', async () => {
    const blocks = longPage(20); // painted last paragraph first, outside any ordered walk
    painter.startOrderedAdds(document.body);
    const extra = document.createElement('p');
    extra.id = 'extra';
    extra.textContent = 'ICE extra';
    document.body.append(extra);
    painter.add(extra, [match('ice', 'extra', 0, 3)]);
    painter.endOrderedAdds();
    const list = await painter.allMatches();
    expect(list.map((m) => m.range.startContainer)).toEqual([...blocks, extra].map((p) => p.firstChild));
  });

  it('gives a sample of the first painted matches found without walking the page', () => {
    const blocks = longPage(100);
    painter.setFilter((m) => m.range.startContainer !== blocks[99].firstChild);
    const walks = vi.spyOn(document, 'createTreeWalker');
    // found last paragraph first (longPage): the 99th is filtered out
    expect(painter.firstFound(3).map((m) => m.range.startContainer)).toEqual([98, 97, 96].map((i) => blocks[i].firstChild));
    expect(walks).not.toHaveBeenCalled();
  });
});

describe('Painter: only the marks near the viewport registered on a page with many', () => {
  const VIEWPORT = 700;
  /** every block 100 px below the last, 20 px high; the document scrolled by `scrolled` */
  let scrolled = 0;
  const tops = new Map<Element, number>();
  let blocks: HTMLElement[];
  const mark = (p: HTMLElement, textNodes?: number): PaintedMatch => ({ ...match('ice', p.id, 0, 3), textNodes });
  /** `n` paragraphs of one mark each (over `textNodes` text nodes), found by one scan (held, then released) */
  function scan(n: number, textNodes?: number): void {
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    blocks = [...document.querySelectorAll<HTMLElement>('p')];
    blocks.forEach((p, i) => tops.set(p, i * 100));
    painter.hold();
    for (const p of blocks) painter.add(p, [mark(p, textNodes)]);
    painter.release();
  }
  /** the blocks whose top is within NEAR_VIEWPORTS viewports of the viewport, scrolled by `y` */
  const nearAt = (y: number) => blocks.filter((p) => tops.get(p)! - y + 20 > -NEAR_VIEWPORTS * VIEWPORT && tops.get(p)! - y < (NEAR_VIEWPORTS + 1) * VIEWPORT);
  const scrollTo = (y: number) => {
    scrolled = y;
    document.dispatchEvent(new Event('scroll'));
  };
  const registered = () => highlights.get('legal-lens-underline')!.size;
  const registeredBlocks = () => [...highlights.get('legal-lens-underline')!].map((r) => (r as AbstractRange).startContainer.parentElement!);
  let changes: number;
  beforeEach(() => {
    vi.useFakeTimers();
    scrolled = 0;
    tops.clear();
    vi.spyOn(window, 'innerHeight', 'get').mockImplementation(() => VIEWPORT);
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      // the root element's box moves up as the document scrolls (how near-viewport.ts reads the scrolling)
      if (this === document.documentElement) return new DOMRect(0, -scrolled, 600, 1_000_000);
      const top = tops.get(this);
      return top === undefined ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, top - scrolled, 600, 20);
    });
    painter.destroy();
    painter = new Painter('underline', window);
    changes = 0;
    const set = highlights.set.bind(highlights);
    vi.spyOn(highlights, 'set').mockImplementation((name, h) => {
      if (name === 'legal-lens-underline') changes++;
      return set(name, h);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('registers every mark while there are fewer than NEAR_ONLY_MARKED_NODES', async () => {
    scan(NEAR_ONLY_MARKED_NODES - 1);
    await vi.runOnlyPendingTimersAsync();
    expect(registered()).toBe(NEAR_ONLY_MARKED_NODES - 1);
  });

  it('from NEAR_ONLY_MARKED_NODES on, registers the marks of the blocks near the viewport, and still counts every mark painted', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 500);
    await vi.advanceTimersByTimeAsync(0);
    expect(registeredBlocks()).toEqual(nearAt(0));
    expect(nearAt(0)).toHaveLength((NEAR_VIEWPORTS + 1) * 7);
    expect(painter.size).toBe(NEAR_ONLY_MARKED_NODES + 500);
    expect(painter.isPainted(painter.matchesOf(blocks[1400])[0])).toBe(true);
    vi.useRealTimers();
    expect(await painter.paintedMatches()).toHaveLength(NEAR_ONLY_MARKED_NODES + 500);
  });

  it('counts the text nodes under each mark: fewer marks across many text nodes each are registered near the viewport only', async () => {
    // a term whose letters are elements of their own covers 16 text nodes (the Firefox figures in paint.ts)
    const marks = Math.ceil(NEAR_ONLY_MARKED_NODES / 16);
    scan(marks, 16);
    await vi.advanceTimersByTimeAsync(0);
    expect(registeredBlocks()).toEqual(nearAt(0));
    expect(nearAt(0).length).toBeLessThan(marks);
    expect(painter.size).toBe(marks);
    // one text node each, as many marks are all registered
    painter.clear();
    scan(marks);
    await vi.runOnlyPendingTimersAsync();
    expect(registered()).toBe(marks);
  });

  it('counts a forgotten mark\'s text nodes out', async () => {
    const marks = Math.ceil(NEAR_ONLY_MARKED_NODES / 16);
    painter.destroy();
    painter = new Painter('underline', window);
    document.body.innerHTML = Array.from({ length: marks }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    blocks = [...document.querySelectorAll<HTMLElement>('p')];
    blocks.forEach((p, i) => tops.set(p, i * 100));
    // added one by one, the last one's block forgotten first: below the count, every mark stays registered
    for (const p of blocks.slice(0, -1)) painter.add(p, [mark(p, 16)]);
    painter.forget(blocks[0]);
    painter.add(blocks.at(-1)!, [mark(blocks.at(-1)!, 16)]);
    await vi.runOnlyPendingTimersAsync();
    expect(registered()).toBe(marks - 1);
  });

  it('reads how far the document is scrolled once a slice of the measure, from the root element\'s box, not per block nor from window.scrollY', async () => {
    const scrollYReads = vi.spyOn(window, 'scrollY', 'get');
    const boxes = vi.mocked(Element.prototype.getBoundingClientRect);
    scan(NEAR_ONLY_MARKED_NODES + 500);
    await vi.advanceTimersByTimeAsync(0);
    expect(registeredBlocks()).toEqual(nearAt(0));
    const rootReads = boxes.mock.contexts.filter((el) => el === document.documentElement).length;
    // every block measured once; the root's box at the start, once a slice (one or a few here) and once to compare
    expect(boxes.mock.contexts.filter((el) => el !== document.documentElement)).toHaveLength(NEAR_ONLY_MARKED_NODES + 500);
    expect(rootReads).toBeGreaterThanOrEqual(3);
    expect(rootReads).toBeLessThan(20);
    // on the 4.0 MB benchmark page a read of window.scrollY between two slices of a scan took up to 15 ms
    expect(scrollYReads).not.toHaveBeenCalled();
  });

  it('keeps what was registered until the first set is measured, in a task of its own, then changes once', async () => {
    document.body.innerHTML = Array.from({ length: NEAR_ONLY_MARKED_NODES + 10 }, (_, i) => `<p id="p${i}">ICE ${i}</p>`).join('');
    blocks = [...document.querySelectorAll<HTMLElement>('p')];
    blocks.forEach((p, i) => tops.set(p, i * 100));
    painter.hold();
    for (const p of blocks.slice(0, 10)) painter.add(p, [mark(p)]);
    painter.release(); // what is in view, early
    painter.hold();
    for (const p of blocks.slice(10)) painter.add(p, [mark(p)]);
    painter.release();
    expect(registered()).toBe(10);
    const before = changes;
    await vi.advanceTimersByTimeAsync(0);
    expect(registeredBlocks()).toEqual(nearAt(0));
    expect(changes).toBe(before + 1);
  });

  it('changes once the reader has scrolled MOVE_VIEWPORTS and stopped for SETTLE_MS, registering what is near there', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 100);
    await vi.advanceTimersByTimeAsync(0);
    const first = changes;
    scrollTo(MOVE_VIEWPORTS * VIEWPORT - 50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toBe(first); // less than MOVE_VIEWPORTS
    scrollTo(MOVE_VIEWPORTS * VIEWPORT + 50);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 10);
    expect(changes).toBe(first);
    await vi.advanceTimersByTimeAsync(20);
    expect(changes).toBe(first + 1);
    expect(registeredBlocks()).toEqual(nearAt(MOVE_VIEWPORTS * VIEWPORT + 50));
    // measured from there: another MOVE_VIEWPORTS for the next change
    scrollTo(2 * MOVE_VIEWPORTS * VIEWPORT);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toBe(first + 1);
    scrollTo(2 * MOVE_VIEWPORTS * VIEWPORT + 50);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(changes).toBe(first + 2);
  });

  it('does not wait more than MAX_LAG_MS for a reader who keeps scrolling', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 300);
    await vi.advanceTimersByTimeAsync(0);
    const first = changes;
    // 4 s of scrolling, 100 px every 20 ms: 7 viewports a second
    for (let i = 1; i <= 200; i++) {
      scrollTo(i * 100);
      await vi.advanceTimersByTimeAsync(20);
    }
    const made = changes - first;
    // a change is due every MOVE_VIEWPORTS (490 ms here) and comes MAX_LAG_MS after at most: 5 or 6 changes
    const due = (MOVE_VIEWPORTS * VIEWPORT) / 100 * 20;
    expect(made).toBeGreaterThanOrEqual(Math.floor(4000 / (due + MAX_LAG_MS)));
    expect(made).toBeLessThanOrEqual(Math.ceil(4000 / due));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    const inView = blocks.filter((p) => tops.get(p)! >= 20000 && tops.get(p)! < 20000 + VIEWPORT);
    expect(registeredBlocks()).toEqual(expect.arrayContaining(inView));
  });

  it('follows a scroll container as it follows the document', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 10);
    await vi.advanceTimersByTimeAsync(0);
    const first = changes;
    const box = document.createElement('div');
    document.body.append(box);
    let top = 0;
    vi.spyOn(box, 'scrollTop', 'get').mockImplementation(() => top);
    vi.spyOn(box, 'clientHeight', 'get').mockImplementation(() => 400);
    box.dispatchEvent(new Event('scroll')); // first heard of: its place now
    top = MOVE_VIEWPORTS * 400 - 10;
    box.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(changes).toBe(first);
    top = MOVE_VIEWPORTS * 400;
    box.dispatchEvent(new Event('scroll'));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(changes).toBe(first + 1);
  });

  it('registers a mark added to a registered block at once, and a new block\'s soon after when it is near', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 10);
    await vi.advanceTimersByTimeAsync(0);
    const near = blocks[3];
    near.append(' and 287(g)');
    painter.add(near, [{ id: '287g', range: new StaticRange({ startContainer: near.lastChild!, startOffset: 5, endContainer: near.lastChild!, endOffset: 11 }) }]);
    expect(texts()).toContain('287(g)');
    // scanned again (its text changed): forgotten and added, it keeps its place
    painter.forget(blocks[4]);
    painter.add(blocks[4], [mark(blocks[4])]);
    expect(registeredBlocks()).toContain(blocks[4]);
    const added = Object.assign(document.createElement('p'), { id: 'late', textContent: 'ICE late' });
    document.body.prepend(added);
    tops.set(added, 50);
    painter.add(added, [match('ice', 'late', 0, 3)]);
    expect(registeredBlocks()).not.toContain(added);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(registeredBlocks()).toContain(added);
    expect(painter.size).toBe(NEAR_ONLY_MARKED_NODES + 12);
  });

  it('changes nothing for blocks added far from the viewport (a feed\'s items below the reader), and follows one added near by a scan', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 10);
    await vi.advanceTimersByTimeAsync(0);
    const first = changes;
    const item = (id: string, top: number) => {
      const p = Object.assign(document.createElement('p'), { id, textContent: `ICE ${id}` });
      document.body.append(p);
      tops.set(p, top);
      return p;
    };
    const far = item('far', 100 * VIEWPORT);
    painter.hold();
    painter.add(far, [match('ice', 'far', 0, 3)]);
    painter.release();
    await vi.advanceTimersByTimeAsync(MAX_LAG_MS);
    expect(changes).toBe(first);
    expect(painter.size).toBe(NEAR_ONLY_MARKED_NODES + 11);
    const near = item('near', VIEWPORT / 2);
    painter.hold();
    painter.add(near, [match('ice', 'near', 0, 3)]);
    painter.release();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(changes).toBe(first + 1);
    expect(registeredBlocks()).toContain(near);
    expect(registeredBlocks()).not.toContain(far);
  });

  it('counts a block with an empty box (display: contents) as near', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 10);
    tops.delete(blocks[900]);
    await vi.advanceTimersByTimeAsync(0);
    expect(registeredBlocks()).toEqual([...nearAt(0), blocks[900]].sort((a, b) => blocks.indexOf(a as HTMLElement) - blocks.indexOf(b as HTMLElement)));
  });

  it('applies a filter to the registered blocks only, forgets blocks, and stops following the reader on clear', async () => {
    scan(NEAR_ONLY_MARKED_NODES + 10);
    await vi.advanceTimersByTimeAsync(0);
    const hidden = blocks[0].firstChild;
    painter.setFilter((m) => m.range.startContainer !== hidden);
    expect(registered()).toBe(nearAt(0).length - 1);
    expect(painter.size).toBe(NEAR_ONLY_MARKED_NODES + 9);
    painter.forget(blocks[1]);
    expect(registered()).toBe(nearAt(0).length - 2);
    painter.clear();
    const before = changes;
    scrollTo(20 * VIEWPORT);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toBe(before);
    scan(NEAR_ONLY_MARKED_NODES);
    await vi.advanceTimersByTimeAsync(0);
    expect(registered()).toBe(nearAt(20 * VIEWPORT).length);
  });

  it('registers nothing once destroyed, whatever was on its way', async () => {
    scan(NEAR_ONLY_MARKED_NODES);
    painter.destroy();
    await vi.advanceTimersByTimeAsync(0);
    scrollTo(20 * VIEWPORT);
    await vi.advanceTimersByTimeAsync(1000);
    expect(highlights.size).toBe(0);
  });

  it('registers everything without a window to follow', async () => {
    painter.destroy();
    painter = new Painter('underline', null);
    scan(NEAR_ONLY_MARKED_NODES + 5);
    await vi.runOnlyPendingTimersAsync();
    expect(registered()).toBe(NEAR_ONLY_MARKED_NODES + 5);
  });
});
