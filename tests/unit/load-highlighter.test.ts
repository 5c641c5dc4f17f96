// How the first pass brings the highlighter into its frame when the background leaves that to it (Chrome):
// imported from its extension URL, or, where the import fails or registers nothing, injected by the background.
import { describe, expect, it, vi } from 'vitest';
import { loadHighlighter, type HighlighterLoaders } from '@/entrypoints/first-pass/load-highlighter';
import type { Highlighter } from '@/utils/highlighter-handoff';

const URL_ = 'chrome-extension://0b4f1c2e-5d6a-4e7b-8c9d-0e1f2a3b4c5d/highlighter.js';
const highlighter: Highlighter = { start: () => {} };

/** Loaders whose import and injection register the highlighter (or not), recording what was called. */
function loaders({ importRegisters = true, importFails = false, injectRegisters = true, injectFails = false, registered = false } = {}) {
  let current: Highlighter | null = registered ? highlighter : null;
  const importModule = vi.fn(async (_url: string) => {
    if (importFails) throw new TypeError('Failed to fetch dynamically imported module');
    if (importRegisters) current = highlighter;
  });
  const inject = vi.fn(async () => {
    if (injectFails) throw new Error('Cannot access contents of the page');
    if (injectRegisters) current = highlighter;
  });
  const given: HighlighterLoaders = { url: URL_, importModule, inject, registered: () => current };
  return { given, importModule, inject };
}

describe('loadHighlighter', () => {
  it('imports the highlighter from its URL, and asks for no injection', async () => {
    const { given, importModule, inject } = loaders();
    await expect(loadHighlighter(given)).resolves.toBe(highlighter);
    expect(importModule.mock.calls).toEqual([[URL_]]);
    expect(inject).not.toHaveBeenCalled();
  });

  it('loads nothing when the highlighter is already registered in this world', async () => {
    const { given, importModule, inject } = loaders({ registered: true });
    await expect(loadHighlighter(given)).resolves.toBe(highlighter);
    expect(importModule).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
  });

  it.each([
    ['the import fails (refused, or the file unreachable)', { importFails: true }],
    ['the import registers nothing', { importRegisters: false }],
  ])('has the background inject it when %s', async (_name, options) => {
    const { given, inject } = loaders(options);
    await expect(loadHighlighter(given)).resolves.toBe(highlighter);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the injection fails too', { importFails: true, injectFails: true }, 'Cannot access contents of the page'],
    ['neither way registers it', { importRegisters: false, injectRegisters: false }, 'the highlighter did not register'],
  ])('rejects when %s', async (_name, options, message) => {
    const { given } = loaders(options);
    await expect(loadHighlighter(given)).rejects.toThrow(message);
  });
});
