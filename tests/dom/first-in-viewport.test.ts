// @vitest-environment happy-dom
// keyboard: the command's search for the first term in view measures every term before it, in slices, with one
// Range (a page of 20,000 terms read to its end). happy-dom has no layout: which range is in view is given here.
import './support/browser-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstInViewport } from '@/components/page/card/keyboard';
import type { PaintedMatch } from '@/components/page/paint';

afterEach(() => vi.restoreAllMocks());

/** `n` paragraphs, each with one match over its first 3 characters */
function page(n: number): PaintedMatch[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>ICE ${i}</p>`).join('');
  return [...document.querySelectorAll('p')].map((p) => {
    const text = p.firstChild!;
    return { id: 'ice', range: new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 }) };
  });
}

/** Only ranges that start in `visible` have a box in the viewport. */
function inView(visible: Set<Node>): void {
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return visible.has(this.startContainer) ? new DOMRect(10, 100, 30, 18) : new DOMRect(10, -5000, 30, 18);
  });
}

describe('firstInViewport', () => {
  it('finds the first term in view, the page getting its turn while the terms before it are measured, with one Range', async () => {
    const matches = page(1000);
    inView(new Set([matches[800].range.startContainer, matches[900].range.startContainer]));
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 0.25)); // a slice uses its budget every 48 looks
    const ranges = vi.spyOn(document, 'createRange');
    const seen: string[] = [];
    const found = firstInViewport(matches, document, new AbortController().signal).then((m) => {
      seen.push('found');
      return m;
    });
    setTimeout(() => seen.push('page'), 0);
    expect(await found).toBe(matches[800]);
    expect(seen).toEqual(['page', 'found']);
    expect(ranges).toHaveBeenCalledTimes(1);
  });

  it('finds nothing when no term is in view, and stops when its signal aborts', async () => {
    const matches = page(200);
    inView(new Set());
    expect(await firstInViewport(matches, document, new AbortController().signal)).toBeUndefined();
    inView(new Set([matches[150].range.startContainer]));
    const stop = new AbortController();
    stop.abort();
    expect(await firstInViewport(matches, document, stop.signal)).toBeUndefined();
  });
});
