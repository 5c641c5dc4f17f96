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

  it('filters what is painted, keeping every match for later', () => {
    painter.add(block('a'), [match('ice', 'a', 0, 3), match('287g', 'a', 8, 14)]);
    painter.setFilter((m) => m.id !== 'ice');
    expect(texts()).toEqual(['287(g)']);
    expect(painter.allMatches().map((m) => m.id)).toEqual(['ice', '287g']);
    expect(painter.paintedMatches().map((m) => m.id)).toEqual(['287g']);
  });

  it('gives matches in document order whatever order blocks were painted in', () => {
    painter.add(block('b'), [match('writ-of-mandamus', 'b', 0, 8)]);
    painter.add(block('a'), [match('287g', 'a', 8, 14)]);
    painter.add(block('a'), [match('ice', 'a', 0, 3)]);
    expect(painter.paintedMatches().map((m) => m.id)).toEqual(['ice', '287g', 'writ-of-mandamus']);
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
