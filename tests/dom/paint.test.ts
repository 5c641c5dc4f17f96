// @vitest-environment happy-dom
// paint: the Painter's bookkeeping of ranges per block in the highlight registry.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Painter, liveRange, type PaintedMatch } from '@/components/page/paint';

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
