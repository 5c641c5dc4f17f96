// @vitest-environment happy-dom
// The content script's start-up: it bundles no glossary and asks the background (here WXT's fake browser,
// answering from a HeadIndex of the small test glossary) only for what the page needs — nothing for a frame
// without words, the heads' filter for words, the keys of the heads its text holds for terms. A background that
// cannot give the glossary leaves the page unmarked, says so once on the console, and throws nothing.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { SETTINGS_KEY } from '@/utils/settings';
import { categories, matcherIndex } from './fixture-glossary';

/** How many times the card's controllers were built (PageCard): only once a page has a mark. */
const built = vi.hoisted(() => ({ cards: 0 }));
vi.mock('@/components/page/card/page-card', async (original) => {
  const real = await original<typeof import('@/components/page/card/page-card')>();
  class CountedPageCard extends real.PageCard {
    constructor(...args: ConstructorParameters<typeof real.PageCard>) {
      super(...args);
      built.cards++;
    }
  }
  return { ...real, PageCard: CountedPageCard };
});

const { default: contentScript } = await import('@/entrypoints/content/index');

/** The background's side: answers the glossary messages, or null as for an unreadable glossary. */
function background(glossary: HeadIndex | null) {
  const asked: string[] = [];
  // (WXT's fake browser passes on an answer given through sendResponse, after the listener returned true)
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; heads?: string[] }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (message.type === 'legal-lens:glossary-filter') {
      asked.push('filter');
      sendResponse(glossary ? JSON.parse(JSON.stringify(glossary.filter())) : null);
      return true;
    }
    if (message.type === 'legal-lens:glossary-heads') {
      asked.push(...(message.heads ?? []).map((h) => `head ${h}`));
      sendResponse(glossary ? JSON.parse(JSON.stringify(glossary.lookup(message.heads ?? []))) : null);
      return true;
    }
    return undefined;
  }) as never);
  return asked;
}

describe('content script start-up', () => {
  let invalidate: (() => void)[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    invalidate = [];
    built.cards = 0;
  });
  afterEach(() => {
    for (const run of invalidate) run();
    document.body.innerHTML = '';
  });

  /** Runs main() on `html` with a context that records what the script hooks up. */
  async function start(html: string) {
    document.body.innerHTML = html;
    const ctx = { onInvalidated: vi.fn((run: () => void) => invalidate.push(run)), setTimeout: vi.fn(), addEventListener: vi.fn() };
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const onChanged = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    await contentScript.main(ctx as never);
    return { ctx, onMessage, onChanged };
  }
  const painted = () => [...(highlights.get('legal-lens-underline') ?? [])].map(rangeText);
  /** Lets the scan run its course (it waits on messages and on timers between slices). */
  const settle = () => new Promise((r) => setTimeout(r, 200));

  it('listens for messages and settings, and asks for nothing when turned off', async () => {
    const asked = background(new HeadIndex(matcherIndex, categories));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false } });
    const { ctx, onMessage, onChanged } = await start('<p>ICE and a writ of mandamus.</p>');
    await settle();
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(ctx.onInvalidated).toHaveBeenCalled();
    expect(asked).toEqual([]);
  });

  it('asks for nothing in a frame without words (an ad slot)', async () => {
    const asked = background(new HeadIndex(matcherIndex, categories));
    await start('<img src="data:," width="1" height="1" alt=""><script>var slot = 1;</script><div> · </div>');
    await settle();
    expect(asked).toEqual([]);
  });

  it('asks only for the filter on a page without terms', async () => {
    const asked = background(new HeadIndex(matcherIndex, categories));
    await start('<p>The county said that officers would review each case before any decision was made.</p>');
    await vi.waitFor(() => expect(asked).toContain('filter'));
    await settle();
    expect(asked).toEqual(['filter']);
    expect(painted()).toEqual([]);
    // nor builds the card's controllers
    expect(built.cards).toBe(0);
  });

  it('asks for the keys of the heads its text holds, once, and paints the terms', async () => {
    const asked = background(new HeadIndex(matcherIndex, categories));
    await start('<p>ICE filed a writ of <em>mandamus</em>.</p><p>Racial profiling and ICE again.</p>');
    await vi.waitFor(() => expect(painted().sort()).toEqual(['ICE', 'ICE', 'Racial profiling', 'writ of mandamus']));
    expect(asked.filter((a) => a === 'filter')).toHaveLength(1);
    expect(asked.filter((a) => a.startsWith('head ')).sort()).toEqual(['head ice', 'head mandamus', 'head racial profiling', 'head writ of mandamus']);
    await vi.waitFor(() => expect(built.cards).toBe(1));
  });

  it('paints nothing when the glossary is unreadable, says so once, and throws nothing', async () => {
    const asked = background(null);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await start('<p>ICE filed a writ of mandamus.</p>');
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Legal Lens: highlighting is off on this page: the glossary is unreadable/);
    expect(asked).toEqual(['filter']);
    expect(painted()).toEqual([]);
  });
});
