// @vitest-environment happy-dom
// The input relay (utils/input-relay.ts) as the content script uses it from document_start: it hears input
// first, and tells the script when the document is parsed, after the page's own DOMContentLoaded listeners.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startInputRelay } from '@/utils/input-relay';

const RELAY_GLOBAL = '__legalLensInputRelay';

/** Makes the document report `state` as its readyState (happy-dom's is always "complete"). */
function readyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { value: state, configurable: true });
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[RELAY_GLOBAL];
  delete (document as unknown as Record<string, unknown>).readyState;
});

describe('the input relay', () => {
  it('calls back at once when the document is already parsed', () => {
    readyState('interactive');
    const relay = startInputRelay(window);
    const parsed = vi.fn();
    relay.whenParsed(parsed);
    expect(parsed).toHaveBeenCalledOnce();
  });

  it('while the document loads, calls back once at DOMContentLoaded, after the page\'s own listeners on the document', () => {
    readyState('loading');
    const relay = startInputRelay(window);
    const order: string[] = [];
    relay.whenParsed(() => order.push('first pass'));
    // the page's listener, registered after the relay's (the relay starts before any script of the page)
    document.addEventListener('DOMContentLoaded', () => order.push('page'));
    expect(order).toEqual([]);
    readyState('interactive');
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    expect(order).toEqual(['page', 'first pass']);
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    expect(order).toEqual(['page', 'first pass', 'page']);
  });

  it('keeps a callback that throws from the others and from the page', () => {
    readyState('loading');
    const relay = startInputRelay(window);
    const after = vi.fn();
    relay.whenParsed(() => {
      throw new Error('boom');
    });
    relay.whenParsed(after);
    expect(() => document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }))).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
  });

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
});
