// @vitest-environment happy-dom
// A frame too small to show a word (an ad's 1×1 frame, one not rendered) runs no first pass until its page shows
// it (entrypoints/first-pass/readable-frame.ts); the top frame always runs it at once.
import { describe, expect, it, vi } from 'vitest';
import { MIN_READABLE_PX, whenReadable } from '@/entrypoints/first-pass/readable-frame';

/**
 * A frame's window as the first pass sees it: its top window, its root element, and a ResizeObserver that
 * `layOut` answers as the browser does after laying the frame out (not at all while it is not rendered).
 */
function frameWindow({ top = false } = {}) {
  const observed: Element[] = [];
  let report: ((entries: { contentRect: { width: number; height: number } }[]) => void) | null = null;
  const win = {
    top: null as unknown,
    document: { documentElement: document.createElement('html') },
    ResizeObserver: class {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe(el: Element) {
        observed.push(el);
      }
      disconnect() {
        observed.length = 0;
      }
    },
  };
  win.top = top ? win : {};
  const layOut = (width: number, height: number) => {
    if (observed.length) report!([{ contentRect: { width, height } }]);
  };
  return { win: win as unknown as Window & typeof globalThis, layOut, observed };
}

describe('whenReadable', () => {
  it('starts at once in the top frame, before any layout', () => {
    const { win, observed } = frameWindow({ top: true });
    const start = vi.fn();
    whenReadable(win, start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(observed).toEqual([]);
  });

  it('starts in a frame once it is laid out large enough to show text, and only once', () => {
    const { win, layOut, observed } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    expect(start).not.toHaveBeenCalled(); // nothing read before the frame is laid out (never, if it is not rendered)
    expect(observed).toEqual([win.document.documentElement]);
    layOut(300, 250);
    expect(start).toHaveBeenCalledTimes(1);
    layOut(600, 400);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits in a 1×1 frame, and in one laid out too narrow or too short, until it is enlarged', () => {
    const { win, layOut } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    layOut(1, 1);
    layOut(600, MIN_READABLE_PX - 1);
    layOut(MIN_READABLE_PX - 1, 600);
    expect(start).not.toHaveBeenCalled();
    layOut(MIN_READABLE_PX, MIN_READABLE_PX);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('observes the new root element when the frame\'s page replaces it (an about:blank frame written by its parent)', () => {
    const { win, layOut, observed } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start);
    const written = document.createElement('html');
    (win.document as unknown as { documentElement: HTMLElement }).documentElement = written; // document.open(): the old root goes, reported at 0×0
    layOut(0, 0);
    expect(observed).toEqual([written]);
    layOut(600, 120);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when told to', () => {
    const { win, layOut } = frameWindow();
    const start = vi.fn();
    whenReadable(win, start)();
    layOut(600, 120);
    expect(start).not.toHaveBeenCalled();
  });
});
