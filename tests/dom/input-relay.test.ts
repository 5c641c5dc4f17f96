// @vitest-environment happy-dom
// The input relay (utils/input-relay.ts): one per window, started at document_start; it hands every relayed
// event to its listeners until their signal aborts, and one listener's failure reaches neither the others nor
// the page.
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

  it('checks its listeners when the document is emptied (document.open()), not when the parser adds to it', async () => {
    const dispatch = vi.spyOn(window, 'dispatchEvent');
    startInputRelay(window);
    const checks = () => dispatch.mock.calls.filter(([e]) => e.type.startsWith('legal-lens-')).length;
    const comment = document.appendChild(document.createComment('added as the parser adds the first element'));
    await Promise.resolve();
    expect(checks()).toBe(0);
    comment.remove();
    await vi.waitFor(() => expect(checks()).toBeGreaterThan(0));
    dispatch.mockRestore();
  });

  it('is started once per window: the main script finds the one the document_start script started', () => {
    const first = startInputRelay(window);
    expect(inputRelay(window)).toBe(first);
    expect(startInputRelay(window)).toBe(first);
  });
});
