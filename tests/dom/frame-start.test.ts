// @vitest-environment happy-dom
// The content script every frame runs beside the top frame's first pass (entrypoints/frame-start.ts): in a frame
// below the top one, it asks the background for the first pass once the frame is laid out large enough to show a
// word, and only then; in the top frame it does nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import frameStart from '@/entrypoints/frame-start';
import { MIN_READABLE_PX } from '@/utils/readable-frame';

/**
 * Stands a ResizeObserver in that `layOut` answers as the browser does after laying the frame out, and an
 * IntersectionObserver that reports the frame in view.
 */
function fakeLayout() {
  let report: ((entries: { contentRect: { width: number; height: number } }[]) => void) | null = null;
  const observed: Element[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
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
  );
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private callback: (entries: { isIntersecting: boolean }[]) => void) {}
      observe() {
        this.callback([{ isIntersecting: true }]);
      }
      disconnect() {}
    },
  );
  return { observed, layOut: (width: number, height: number) => observed.length && report!([{ contentRect: { width, height } }]) };
}

/** Makes this window a frame below the top one (its `top` another window). */
function asSubframe() {
  vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
}

describe('frame-start', () => {
  // stood in and put back by hand: vi.unstubAllGlobals() would also take away the fake `chrome` that WXT's setup
  // stands in for every file of the worker (and another file may have replaced that one)
  const { ResizeObserver: realSizes, IntersectionObserver: realViews } = globalThis;
  const realApi = (globalThis as { chrome?: unknown }).chrome;
  const send = vi.fn<(message: unknown) => Promise<unknown>>();
  beforeEach(() => {
    send.mockReset();
    send.mockResolvedValue(undefined);
    Object.assign(globalThis, { chrome: { runtime: { sendMessage: send } } }); // the Chrome build's API object
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Object.assign(globalThis, { ResizeObserver: realSizes, IntersectionObserver: realViews, chrome: realApi });
  });

  it('does nothing in the top frame (its first pass is its own content script)', () => {
    const { observed } = fakeLayout();
    frameStart.main();
    expect(observed).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the first pass once a frame below the top is laid out large enough to show a word, and once only', () => {
    asSubframe();
    const { observed, layOut } = fakeLayout();
    frameStart.main();
    expect(observed).toEqual([document.documentElement]);
    layOut(1, 1); // an ad's 1×1 frame
    layOut(600, MIN_READABLE_PX - 1);
    expect(send).not.toHaveBeenCalled();
    layOut(600, 160);
    layOut(800, 400);
    expect(send.mock.calls).toEqual([[{ type: 'legal-lens:load-first-pass' }]]);
  });

  it('lets a refused request pass without an error reaching the page (the frame gone, the extension updated)', async () => {
    asSubframe();
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const { layOut } = fakeLayout();
    frameStart.main();
    expect(() => layOut(600, 160)).not.toThrow();
    await Promise.resolve(); // vitest fails the run on an unhandled rejection
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('throws nothing when the extension is gone and sending throws at once (Chrome, after an update or removal)', () => {
    asSubframe();
    send.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const { layOut } = fakeLayout();
    frameStart.main();
    expect(() => layOut(600, 160)).not.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
