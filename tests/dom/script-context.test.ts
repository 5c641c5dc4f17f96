// @vitest-environment happy-dom
// The content script's context (entrypoints/content/script-context.ts): a newer copy of the script stops the
// older one without telling the page, and nothing started through it runs once it is stopped or the extension
// is gone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/entrypoints/content/script-context';

afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('ContentScriptContext', () => {
  it('a newer context stops the older one, and tells the page nothing', () => {
    const posted = vi.fn();
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    window.addEventListener('message', posted);
    const older = new ContentScriptContext('content');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const newer = new ContentScriptContext('content');
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    window.removeEventListener('message', posted);
    newer.notifyInvalidated();
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
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    vi.advanceTimersByTime(20);
    expect(fired).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
  });
});
