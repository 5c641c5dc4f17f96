// @vitest-environment happy-dom
// A frame that cannot show a word now (an ad's 1×1 frame, one not rendered, one laid out off screen) gets no
// first pass until its page shows it (utils/readable-frame.ts, which entrypoints/frame-start.ts uses).
import { describe, expect, it, vi } from 'vitest';
import { MIN_READABLE_PX, READ_AHEAD_MARGIN, whenReadable } from '@/utils/readable-frame';
import { frameObservers } from './support/frame-observers';

/** A frame's window as frame-start.ts sees it: its root element and the two observers (support/frame-observers.ts). */
function frameWindow() {
  const { ResizeObserver, IntersectionObserver, ...answers } = frameObservers();
  const win = {
    document: { documentElement: document.createElement('html') as HTMLElement | null },
    ResizeObserver,
    IntersectionObserver,
  };
  return { win: win as unknown as Window & typeof globalThis, raw: win, ...answers };
}

describe('whenReadable', () => {
  it('starts at once where nothing can tell the frame\'s size (no root element, no ResizeObserver)', () => {
    const noRoot = frameWindow();
    noRoot.raw.document.documentElement = null;
    const start = vi.fn();
    whenReadable(noRoot.win, start);
    expect(start).toHaveBeenCalledTimes(1);
    const noObserver = frameWindow();
    noObserver.raw.ResizeObserver = undefined;
    whenReadable(noObserver.win, start);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('starts in a frame once it is laid out large enough to show text and is near the viewport, and only once', () => {
    const { win, layOut, view, sized, seen, margins } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    expect(start).not.toHaveBeenCalled(); // nothing read before the frame is laid out (never, if it is not rendered)
    expect(sized).toEqual([win.document.documentElement]);
    expect(seen).toEqual([]); // no IntersectionObserver until the size is met
    layOut(300, 250);
    expect(sized).toEqual([win.document.documentElement]); // still watched: a replaced root is reported there
    expect(seen).toEqual([win.document.documentElement]);
    expect(margins).toEqual([READ_AHEAD_MARGIN]);
    expect(start).not.toHaveBeenCalled();
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
    expect(sized).toEqual([]);
    expect(seen).toEqual([]);
    layOut(600, 400);
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits in a frame laid out large enough but out of view (hidden off screen) until it comes near the viewport', () => {
    const { win, layOut, view } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    layOut(300, 250);
    view(false);
    expect(start).not.toHaveBeenCalled();
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits for size again when the frame shrinks while it waits to be seen (an ad slot collapsed to 1×1)', () => {
    const { win, layOut, view, seen } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    layOut(300, 250);
    layOut(1, 1);
    expect(seen).toEqual([]);
    view(true);
    expect(start).not.toHaveBeenCalled();
    layOut(300, 250);
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts once large enough where the window has no IntersectionObserver', () => {
    const { win, raw, layOut } = frameWindow();
    raw.IntersectionObserver = undefined;
    const start = vi.fn();
    whenReadable(win, start);
    layOut(300, 250);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits in a 1×1 frame, and in one laid out too narrow or too short, until it is enlarged', () => {
    const { win, layOut, view, seen } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    layOut(1, 1);
    layOut(600, MIN_READABLE_PX - 1);
    layOut(MIN_READABLE_PX - 1, 600);
    expect(seen).toEqual([]);
    layOut(MIN_READABLE_PX, MIN_READABLE_PX);
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits on the new root element when the frame\'s page replaces it (an about:blank frame written by its parent)', () => {
    const { win, raw, layOut, view, sized, seen } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    const written = document.createElement('html');
    raw.document.documentElement = written; // document.open(): the old root goes, reported at 0×0
    layOut(0, 0);
    expect(sized).toEqual([written]);
    layOut(600, 120);
    expect(seen).toEqual([written]);
    // replaced again while waiting to be seen, off screen (the browser reports no change of view then, only the
    // removed root's size): the new root's size is waited on afresh
    const again = document.createElement('html');
    raw.document.documentElement = again;
    view(true); // a view of the removed root is not taken for the new one
    expect(start).not.toHaveBeenCalled();
    layOut(0, 0);
    expect(seen).toEqual([]);
    expect(sized).toEqual([again]);
    layOut(600, 120);
    view(true);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when told to, before and after the size is met', () => {
    const first = frameWindow();
    const start = vi.fn();
    whenReadable(first.win, start)();
    first.layOut(600, 120);
    expect(start).not.toHaveBeenCalled();
    const second = frameWindow();
    const stop = whenReadable(second.win, start);
    second.layOut(600, 120);
    stop();
    second.view(true);
    expect(start).not.toHaveBeenCalled();
  });
});
