// @vitest-environment happy-dom
// The input relay (utils/input-relay.ts): one per window, started at document_start; it hands every relayed
// event to its listeners until their signal aborts (or they unsubscribe), one listener's failure reaches neither the others nor the
// page, and it listens again when document.open() has erased its listeners.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputRelay, startInputRelay } from '@/utils/input-relay';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__legalLensInputRelay;
});

describe('the input relay', () => {
  it('relays input to its listeners until their signal aborts', () => {
    const relay = startInputRelay(window);
    const heard = vi.fn();
    const stop = new AbortController();
    relay.on('click', heard, stop.signal);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    stop.abort();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('relays input to a listener without a signal until the function `on` returned is called', () => {
    const relay = startInputRelay(window);
    const heard = vi.fn();
    const off = relay.on('pointermove', heard);
    window.dispatchEvent(new PointerEvent('pointermove'));
    off();
    window.dispatchEvent(new PointerEvent('pointermove'));
    expect(heard).toHaveBeenCalledOnce();
    // and one whose signal had already aborted hears nothing
    const late = vi.fn();
    const aborted = new AbortController();
    aborted.abort();
    relay.on('pointermove', late, aborted.signal);
    window.dispatchEvent(new PointerEvent('pointermove'));
    expect(late).not.toHaveBeenCalled();
  });

  it('keeps a listener that throws from the others and from the page', () => {
    const relay = startInputRelay(window);
    const after = vi.fn();
    const signal = new AbortController().signal;
    relay.on('keydown', () => {
      throw new Error('boom');
    }, signal);
    relay.on('keydown', after, signal);
    expect(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }))).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
  });

  it('listens again when the document is emptied (document.open()), not when the parser adds to it, and never twice', async () => {
    const relay = startInputRelay(window);
    const heard = vi.fn();
    relay.on('click', heard, new AbortController().signal);
    const add = vi.spyOn(window, 'addEventListener');
    const relistens = () => add.mock.calls.filter(([type]) => type === 'click').length;
    const comment = document.appendChild(document.createComment('added as the parser adds the first element'));
    await Promise.resolve();
    expect(relistens()).toBe(0);
    comment.remove();
    // (the relays of the tests before this one, on the same window, listen again too)
    await vi.waitFor(() => expect(relistens()).toBeGreaterThan(0));
    add.mockRestore();
    // its listener was alive: listening again added no second one
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('hears input again once document.open() has erased the window\'s listeners', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const relay = startInputRelay(window);
    const [, listener] = add.mock.calls.find(([type]) => type === 'keydown')!;
    add.mockClear();
    const heard = vi.fn();
    relay.on('keydown', heard, new AbortController().signal);
    // what document.open() does: it erases the window's listeners (HTML, "document open steps") …
    window.removeEventListener('keydown', listener!, true);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    expect(heard).not.toHaveBeenCalled();
    // … and empties the document
    const child = document.appendChild(document.createComment('written by document.write()'));
    await Promise.resolve();
    child.remove();
    await vi.waitFor(() => expect(add.mock.calls.some(([type]) => type === 'keydown')).toBe(true));
    add.mockRestore();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('is started once per window: the main script finds the one the document_start script started', () => {
    const first = startInputRelay(window);
    expect(inputRelay(window)).toBe(first);
    expect(startInputRelay(window)).toBe(first);
  });
});
