// @vitest-environment happy-dom
// card-placement: where a card goes, and that its place is written before the card's size is first read when it
// goes below its term (each write after that read makes the browser lay the page out again: on a page of 100,000
// layout objects, 5-8 ms each, issue 13). happy-dom has no layout: the viewport and the card's size are given here,
// and Floating UI computes with them as it does in a browser. tests/browser/cards.test.ts places real cards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeCard, type CardAnchor } from '@/components/card-placement';

const VIEWPORT = { width: 1000, height: 800 };
let card: HTMLElement;
let stop: (() => void) | null = null;
/** the card's place and max-height when its size was first read */
let atFirstRead: Record<string, string> | null;

/** A term `width` × 20 px whose top-left corner is at (left, top), as a painted range's virtual element. */
function term(left: number, top: number, width = 60): CardAnchor & { rect: DOMRect } {
  const rect = new DOMRect(left, top, width, 20);
  return { rect, getBoundingClientRect: () => rect };
}

function givenCardSize(width: number, height: number): void {
  Object.defineProperty(card, 'offsetWidth', { configurable: true, get: () => width });
  Object.defineProperty(card, 'offsetHeight', {
    configurable: true,
    get: () => {
      atFirstRead ??= { left: card.style.left, top: card.style.top, maxHeight: card.style.maxHeight };
      return height;
    },
  });
}

/** Places the card and waits for Floating UI's promise chain (microtasks and its first frame) to settle. */
async function place(anchor: ReturnType<typeof term>, withRect = true): Promise<Record<string, string>> {
  stop = placeCard(anchor, card, withRect ? anchor.rect : undefined);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { left: card.style.left, top: card.style.top, maxHeight: card.style.maxHeight };
}

beforeEach(() => {
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, get: () => VIEWPORT.width });
  Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, get: () => VIEWPORT.height });
  card = document.createElement('div');
  card.style.position = 'fixed';
  document.body.append(card);
  atFirstRead = null;
});
afterEach(() => {
  stop?.();
  stop = null;
  card.remove();
  vi.restoreAllMocks();
});

describe('placeCard', () => {
  it('below its term, at its start: written before the card\'s size is read, and nothing written after', async () => {
    givenCardSize(360, 300);
    const placed = await place(term(120, 100));
    expect(placed).toEqual({ left: '120px', top: '126px', maxHeight: '' });
    expect(atFirstRead).toEqual(placed);
  });

  it('kept off the viewport\'s left edge from the first write on', async () => {
    givenCardSize(360, 300);
    const placed = await place(term(2, 100));
    expect(placed).toEqual({ left: '8px', top: '126px', maxHeight: '' });
    expect(atFirstRead).toEqual(placed);
  });

  it('above its term when the room below is too short, with no max-height where it fits', async () => {
    givenCardSize(360, 400);
    const placed = await place(term(120, 700));
    expect(placed).toEqual({ left: '120px', top: `${700 - 6 - 400}px`, maxHeight: '' });
  });

  it('taller than the room on either side: on the side with more room, as tall as that room', async () => {
    givenCardSize(360, 790);
    const placed = await place(term(120, 400));
    // above: 400 px less the 6 px gap and the 8 px margin
    expect(placed.maxHeight).toBe('386px');
  });

  it('without the term\'s rect, the place is only written once Floating UI has computed it', async () => {
    givenCardSize(360, 300);
    const placed = await place(term(120, 100), false);
    expect(placed).toEqual({ left: '120px', top: '126px', maxHeight: '' });
    expect(atFirstRead).toEqual({ left: '', top: '', maxHeight: '' });
  });
});
