// @vitest-environment happy-dom
// The content script's context (utils/script-context.ts): a newer copy of a script stops the
// older one (and only that script's) without telling the page, and nothing started through it runs once it is stopped or the extension
// is gone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/utils/script-context';

/** what a content script sees of its extension: `chrome.runtime.id`, undefined once the extension is gone */
const runtime: { id?: string } = {};
beforeEach(() => {
  runtime.id = 'own-extension-id';
  vi.stubGlobal('chrome', { runtime });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ContentScriptContext', () => {
  it('a newer context stops the older one, and tells the page nothing', () => {
    const posted = vi.fn();
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    window.addEventListener('message', posted);
    const older = new ContentScriptContext('content');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const other = new ContentScriptContext('early-input');
    const newer = new ContentScriptContext('content');
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(other.isValid).toBe(true);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    window.removeEventListener('message', posted);
    newer.notifyInvalidated();
    other.notifyInvalidated();
  });

  it('timers and listeners end when it stops', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const fired = vi.fn();
    ctx.setTimeout(fired, 10);
    ctx.setInterval(fired, 10);
    ctx.addEventListener(document, 'click', fired);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(100);
    document.body.click();
    expect(fired).not.toHaveBeenCalled();
  });

  it('a timer that fired leaves no listener behind on its signal (a page read again on every change, for hours)', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const added = vi.spyOn(ctx.signal, 'addEventListener');
    const removed = vi.spyOn(ctx.signal, 'removeEventListener');
    const fired = vi.fn();
    for (let i = 0; i < 3; i++) {
      ctx.setTimeout(fired, 10);
      vi.advanceTimersByTime(10);
    }
    ctx.requestAnimationFrame(fired);
    vi.advanceTimersByTime(50);
    expect(fired).toHaveBeenCalledTimes(4);
    expect(added).toHaveBeenCalledTimes(4);
    // every listener added was taken away again, each the one its own timer added
    expect(removed.mock.calls.map((c) => c[1])).toEqual(added.mock.calls.map((c) => c[1]));
    // and a timer still pending is cancelled when the script stops
    ctx.setTimeout(fired, 10);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(20);
    expect(fired).toHaveBeenCalledTimes(4);
  });

  it('stops by itself once its extension is gone (reloaded, updated or removed)', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const fired = vi.fn();
    ctx.setTimeout(fired, 10);
    runtime.id = undefined;
    vi.advanceTimersByTime(20);
    expect(fired).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
  });
});
