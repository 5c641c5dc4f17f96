// @vitest-environment happy-dom
// The content script's start-up with the shipped glossary (virtual:glossary/matcher-index): an unreadable one
// is reported and leaves the script inert (no listener, no settings watcher, nothing thrown into the page); a
// readable one gets as far as listening for messages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deflateShippedGlossary } from '@/glossary/build/shipped-glossary';
import { packIndex } from '@/glossary/runtime/matcher';
import { SETTINGS_KEY } from '@/utils/settings';

const shipped = vi.hoisted(() => ({ text: '' }));
vi.mock('virtual:glossary/matcher-index', () => ({
  get default() {
    return shipped.text;
  },
}));

const { default: contentScript } = await import('@/entrypoints/content/index');

const good = deflateShippedGlossary(packIndex([['writ of mandamus', 'writ-of-mandamus', 0]]), { 'writ-of-mandamus': 'delays' });

describe('content script start-up', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('CSS', { highlights: new Map() });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Runs main() with a context that records what the script hooks up. */
  async function start() {
    const ctx = { onInvalidated: vi.fn(), setTimeout: vi.fn(), addEventListener: vi.fn() };
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const onChanged = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    await contentScript.main(ctx as never);
    return { ctx, onMessage, onChanged };
  }

  it.each([
    ['a changed character', `${good.slice(0, 10)}${good[10] === ' ' ? '!' : ' '}${good.slice(11)}`],
    ['a text cut short', good.slice(0, -4)],
    ['an empty text', ''],
  ])('stays inert on a shipped glossary with %s, and says why', async (_, text) => {
    shipped.text = text;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ctx, onMessage, onChanged } = await start();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Legal Lens: highlighting is off on this page: the shipped glossary is unreadable: /);
    expect(onMessage).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
    expect(ctx.onInvalidated).not.toHaveBeenCalled();
  });

  it('goes on to listen for messages and settings with a readable one (here turned off by the settings)', async () => {
    shipped.text = good;
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ctx, onMessage, onChanged } = await start();
    expect(error).not.toHaveBeenCalled();
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(ctx.onInvalidated).toHaveBeenCalled();
  });
});
