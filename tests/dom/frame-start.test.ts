// @vitest-environment happy-dom
// The content script every frame runs beside the top frame's first pass (entrypoints/frame-start.ts): in a frame
// below the top one, it asks the background for the first pass once the frame is laid out large enough to show a
// word and is near the reader's viewport, and only then; in the top frame it does nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import frameStart from '@/entrypoints/frame-start';
import { MIN_READABLE_PX } from '@/utils/readable-frame';
import { frameObservers } from './support/frame-observers';

/** Stands the two observers in as globals (support/frame-observers.ts). */
function fakeLayout() {
  const { ResizeObserver, IntersectionObserver, ...answers } = frameObservers();
  Object.assign(globalThis, { ResizeObserver, IntersectionObserver });
  return answers;
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
    const { sized } = fakeLayout();
    frameStart.main();
    expect(sized).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('asks for the first pass once a frame below the top is laid out large enough to show a word and is in view, and once only', () => {
    asSubframe();
    const { sized, layOut, view } = fakeLayout();
    frameStart.main();
    expect(sized).toEqual([document.documentElement]);
    layOut(1, 1); // an ad's 1×1 frame
    layOut(600, MIN_READABLE_PX - 1);
    layOut(600, 160);
    view(false); // laid out, off screen
    expect(send).not.toHaveBeenCalled();
    view(true);
    layOut(800, 400);
    view(true);
    expect(send.mock.calls).toEqual([[{ type: 'legal-lens:load-first-pass' }]]);
  });

  it('lets a refused request pass without an error reaching the page (the frame gone, the extension updated)', async () => {
    asSubframe();
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const { layOut, view } = fakeLayout();
    frameStart.main();
    layOut(600, 160);
    expect(() => view(true)).not.toThrow();
    await Promise.resolve(); // vitest fails the run on an unhandled rejection
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('throws nothing when the extension is gone and sending throws at once (Chrome, after an update or removal)', () => {
    asSubframe();
    send.mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const { layOut, view } = fakeLayout();
    frameStart.main();
    layOut(600, 160);
    expect(() => view(true)).not.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
