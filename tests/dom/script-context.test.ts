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
