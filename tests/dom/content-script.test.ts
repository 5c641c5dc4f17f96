// @vitest-environment happy-dom
// The content script's start-up: a first pass (entrypoints/first-pass/scout.ts) reads the frame's text and asks the
// background (here WXT's fake browser, answered by the background's own answerMessage from a HeadIndex of the
// small test glossary) only for what the page needs — nothing for a frame without words; for a frame with words,
// to test its text (in the background's memory). When the text holds a head, the first pass imports the
// highlighter (Chrome's builds; here the import runs what the module runs, registering it), or has the background
// inject it where the import fails, and starts it with the keys the background found. A page that adds
// its text later, or gets the extension turned on later, is read again. Nothing throws, whatever the answers.
import { highlights, rangeText } from './support/browser-apis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessage } from '@/entrypoints/background/messages';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { registeredHighlighter } from '@/utils/highlighter-handoff';
import { firstPassRuns, markFirstPass } from '@/utils/first-pass';
import { ContentScriptContext } from '@/utils/script-context';
import { SETTINGS_KEY, isActiveOn, loadSettings } from '@/utils/settings';
import { CHANGES_SETTLE_MS, FIRST_PASS_NAME, MAX_LOAD_FAILURES, startFirstPass, type FirstPass, type ScoutLink } from '@/entrypoints/first-pass/scout';
import { PagedMatcher, type HeadStart } from '@/glossary/runtime/paged-matcher';
import { cards, categories, matcherIndex } from './fixture-glossary';

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

const { default: contentScript } = await import('@/entrypoints/first-pass/index');
const { default: highlighterScript } = await import('@/entrypoints/highlighter/index');

const OWN_ID = 'own-extension-id';
const HIGHLIGHTER_MODULE = new URL('./support/highlighter-module.ts', import.meta.url).pathname;
const MISSING_MODULE = new URL('./support/no-such-module.ts', import.meta.url).pathname;
let moduleImports = 0;
const HIGHLIGHTER_GLOBAL = '__legalLensHighlighter';

/**
 * The background, as the service worker answers: the real message handler, with the glossary given (null: as
 * for an unreadable one), the settings in the fake storage, and an injection that runs the highlighter script.
 */
function background(glossary: HeadIndex | null, inject: () => Promise<void> = async () => highlighterScript.main(), { importFails = false } = {}) {
  const asked: string[] = [];
  const injected: number[] = [];
  const imported: string[] = [];
  /** the frames the highlighter was brought into, by import or by injection */
  const loaded: number[] = [];
  // Node cannot import an extension URL: the highlighter's URL names a module that runs `inject` instead (or,
  // for `importFails`, a file that is not there); the rest of the loading is the content script's own
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) =>
    path === '/highlighter.js' ? `${importFails ? MISSING_MODULE : HIGHLIGHTER_MODULE}?${++moduleImports}` : `chrome-extension://${OWN_ID}${path}`,
  );
  (globalThis as unknown as { __runHighlighterModule: () => Promise<void> }).__runHighlighterModule = async () => {
    imported.push('/highlighter.js');
    loaded.push(0);
    await inject();
  };
  const deps = {
    cards: async () => cards,
    ownId: OWN_ID,
    getURL: (p: string) => p,
    openTab: () => {},
    injectCardUi: async () => {},
    injectHighlighter: async (_tab: number, frame: number) => {
      injected.push(frame);
      loaded.push(frame);
      await inject();
    },
    injectFirstPass: async () => {},
    isOnAt: async (url: string) => isActiveOn(await loadSettings(), url),
    glossary: async () => glossary,
  };
  const texts: string[] = [];
  fakeBrowser.runtime.onMessage.addListener(((message: { type: string; heads?: string[]; text?: string }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (message.type === 'legal-lens:glossary-filter') asked.push('filter');
    else if (message.type === 'legal-lens:screen-text') {
      asked.push('screen');
      texts.push(message.text ?? '');
    } else if (message.type === 'legal-lens:glossary-heads') asked.push(...(message.heads ?? []).map((h) => `head ${h}`));
    else if (message.type === 'legal-lens:load-highlighter') asked.push('load');
    else return undefined;
    const answer = answerMessage(message, { id: OWN_ID, tab: { id: 1, url: location.href }, frameId: 0 }, deps);
    if (!answer) return undefined;
    void answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as never);
  return { asked, injected, imported, loaded, texts };
}

describe('content script start-up', () => {
  let passes: FirstPass[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    passes = [];
    built.cards = 0;
    delete (globalThis as Record<string, unknown>)[HIGHLIGHTER_GLOBAL];
    // what other test files left in the shared document and isolated world (isolate: false): a <title> is text
    // the first pass reads, and a first pass of theirs may have left its mark
    document.head.replaceChildren();
    markFirstPass(false);
  });
  afterEach(() => {
    // a context made under the first pass's name, as a newer copy of the script makes one, stops the last first
    // pass and the highlighter it started; the rest are stopped by hand
    new ContentScriptContext(FIRST_PASS_NAME).notifyInvalidated();
    for (const pass of passes) pass.stop();
    document.body.innerHTML = '';
    highlights.clear();
  });

  /** Runs the content script on `html` (`prepare` runs first: a shadow root to attach), as the browser runs it. */
  function start(html: string, prepare: () => void = () => {}) {
    document.body.innerHTML = html;
    prepare();
    contentScript.main();
  }
  /** Attaches an open shadow root holding a term to the element #host. */
  const attachMandamusShadow = () => {
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>A writ of mandamus.</p>';
  };
  const painted = () => [...(highlights.get('legal-lens-underline') ?? [])].map(rangeText).sort();
  /** Lets the first pass run its course (it waits on messages, and lets changes settle). */
  const settle = () => new Promise((r) => setTimeout(r, CHANGES_SETTLE_MS * 2));

  it('asks for nothing in a frame without words (an ad slot), and loads no highlighter', async () => {
    const { asked } = background(new HeadIndex(matcherIndex, categories));
    start('<img src="data:," width="1" height="1" alt=""><script>var slot = 1;</script><div> · </div>');
    await settle();
    expect(asked).toEqual([]);
    expect(registeredHighlighter()).toBeNull();
  });

  it('sends the text of a page without terms once, loads no highlighter, and marks its isolated world for the popup', async () => {
    const { asked, loaded, texts } = background(new HeadIndex(matcherIndex, categories));
    expect(firstPassRuns()).toBe(false);
    start('<p>The county said that officers would review each case before any decision was made.</p>');
    await vi.waitFor(() => expect(asked).toContain('screen'));
    await settle();
    expect(asked).toEqual(['screen']);
    expect(texts).toEqual(['The county said that officers would review each case before any decision was made.']);
    expect(loaded).toEqual([]);
    expect(painted()).toEqual([]);
    expect(built.cards).toBe(0);
    // no listener answers the popup: it reads the first pass's mark instead (utils/first-pass.ts)
    expect(firstPassRuns()).toBe(true);
    await expect(fakeBrowser.runtime.sendMessage({ type: 'legal-lens:page-terms' })).resolves.toBeUndefined();
  });

  it('loads nothing when the words of a head are on the page but not in a row', async () => {
    const { asked, loaded } = background(new HeadIndex(matcherIndex, categories));
    start('<p>Profiling of people by their racial group was the subject.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    await settle();
    expect(loaded).toEqual([]);
  });

  it('imports the highlighter when the words hold a term, which paints them without asking for the filter or those heads again', async () => {
    const { asked, injected, imported } = background(new HeadIndex(matcherIndex, categories));
    start('<p>ICE filed a writ of <em>mandamus</em>.</p><p>Racial profiling and ICE again.</p>');
    await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'ICE', 'Racial profiling', 'writ of mandamus']));
    // imported from the extension's URL for the highlighter (in Chrome, the session's own); nothing injected
    expect(imported).toEqual(['/highlighter.js']);
    expect(injected).toEqual([]);
    // the filter and the keys of the text's heads came with the answer that said to load the highlighter
    expect(asked).toEqual(['screen']);
    await vi.waitFor(() => expect(built.cards).toBe(1));
    // the highlighter answers the popup now
    await expect(fakeBrowser.runtime.sendMessage({ type: 'legal-lens:page-terms' })).resolves.toMatchObject({ terms: expect.arrayContaining([{ id: 'ice', count: 2 }]) });
  });

  it('has the background inject the highlighter where the import fails, and paints the same', async () => {
    const { asked, injected, imported } = background(new HeadIndex(matcherIndex, categories), undefined, { importFails: true });
    start('<p>ICE filed a writ of <em>mandamus</em>.</p>');
    await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'writ of mandamus']));
    expect(imported).toEqual([]);
    expect(injected).toEqual([0]);
    expect(asked).toEqual(['screen', 'load']);
  });

  it.each([
    ['split by inline elements inside a word', '<p>A writ of man<b>da</b>mus.</p>', ['writ of mandamus']],
    ['split inside a word that punctuation goes on from', '<p>We read about 2<b>87</b>(g) today.</p>', ['287(g)']],
    ['right after a block with no space between', '<h2>Notes</h2><p>ICE</p><ul><li>Racial</li></ul><p>profiling</p>', ['ICE']],
    ['only in an open shadow root', '<div id="host"></div>', ['writ of mandamus']],
  ])('reads a term %s', async (name, html, expected) => {
    background(new HeadIndex(matcherIndex, categories));
    start(html, name.includes('shadow') ? attachMandamusShadow : undefined);
    await vi.waitFor(() => expect(registeredHighlighter()).not.toBeNull());
    if (!name.includes('shadow')) await vi.waitFor(() => expect(painted()).toEqual(expected));
  });

  it('reads text the page adds later (a page rendered by its scripts), and loads the highlighter then', async () => {
    const { asked, loaded } = background(new HeadIndex(matcherIndex, categories));
    start('<main id="app"><p>Loading the news…</p></main>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    await settle();
    expect(loaded).toEqual([]);
    document.getElementById('app')!.insertAdjacentHTML('beforeend', '<article><p>The county joined the <a href="#">287(g) program</a>.</p></article>');
    await vi.waitFor(() => expect(painted()).toEqual(['287(g) program']));
    expect(loaded).toEqual([0]);
  });

  it('reads the open shadow roots of a page still loading once it has loaded (its first read looks at text nodes only)', async () => {
    const { loaded } = background(new HeadIndex(matcherIndex, categories));
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
    start('<p>Nothing here.</p><div id="host"></div>', attachMandamusShadow);
    await settle();
    expect(loaded).toEqual([]);
    readyState.mockRestore();
    window.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(loaded).toEqual([0]));
  });

  it('reads an open shadow root attached after its first read once the reader points at it', async () => {
    const { loaded } = background(new HeadIndex(matcherIndex, categories));
    start('<p>Nothing here yet.</p><div id="late"></div>');
    await settle();
    const host = document.getElementById('late')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>A writ of mandamus.</p>';
    await settle();
    expect(loaded).toEqual([]);
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(host);
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 10 }));
    await vi.waitFor(() => expect(loaded).toEqual([0]));
  });

  it('reads a text node changed in place', async () => {
    const { loaded } = background(new HeadIndex(matcherIndex, categories));
    start('<p id="p">Nothing <b id="b">yet</b> here.</p>');
    await settle();
    expect(loaded).toEqual([]);
    document.getElementById('b')!.firstChild!.nodeValue = 'ICE';
    await vi.waitFor(() => expect(painted()).toEqual(['ICE']));
  });

  it('asks only whether it is on while the extension is off, and reads the page when it is turned on', async () => {
    const { asked, loaded } = background(new HeadIndex(matcherIndex, categories));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false } });
    start('<p>ICE and a writ of mandamus.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    await settle();
    expect(loaded).toEqual([]);
    expect(painted()).toEqual([]);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: true } });
    await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'writ of mandamus']));
    expect(loaded).toEqual([0]);
  });

  it('reads a shadow root when the extension is turned on for the site, though it was attached while it was off', async () => {
    const { loaded } = background(new HeadIndex(matcherIndex, categories));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false } });
    start('<p>Nothing here.</p><div id="host"></div>', attachMandamusShadow);
    await settle();
    expect(loaded).toEqual([]);
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: true } });
    await vi.waitFor(() => expect(loaded).toEqual([0]));
  });

  it('stays inert, throwing nothing, when the glossary is unreadable, and loads no highlighter', async () => {
    const { asked, loaded } = background(null);
    start('<p>ICE filed a writ of mandamus.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<p>More about ICE.</p>');
    await settle();
    expect(asked).toEqual(['screen']);
    expect(loaded).toEqual([]);
    expect(painted()).toEqual([]);
  });

  it('gives up after a few failed loads (an import refused, in a frame the background may not script), asking no more', async () => {
    const { injected } = background(new HeadIndex(matcherIndex, categories), async () => {
      throw new Error('Cannot access contents of the page');
    }, { importFails: true });
    start('<p>ICE.</p>');
    await vi.waitFor(() => expect(injected).toHaveLength(1));
    for (let i = 0; i < 5; i++) {
      await settle();
      document.body.insertAdjacentHTML('beforeend', `<p>More about ICE, ${i}.</p>`);
    }
    await settle();
    expect(injected).toHaveLength(MAX_LOAD_FAILURES);
    expect(painted()).toEqual([]);
  });

  it('stops reading and watching once a newer copy of the script starts in the frame (the extension updated)', async () => {
    const { asked } = background(new HeadIndex(matcherIndex, categories));
    start('<p>The county met.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    new ContentScriptContext(FIRST_PASS_NAME); // what the newer copy's hand-off makes (or a newer first pass, below)
    document.body.insertAdjacentHTML('beforeend', '<p>ICE.</p>');
    await settle();
    expect(asked).toEqual(['screen']);
    expect(firstPassRuns()).toBe(false);
  });

  it('stops the older first pass when a newer one starts, so that only one reads the frame', async () => {
    const { asked } = background(new HeadIndex(matcherIndex, categories));
    start('<p>The county met.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    start('<p>The county met again.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen', 'screen']));
    document.body.insertAdjacentHTML('beforeend', '<p>More news.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen', 'screen', 'screen']));
    await settle();
    expect(asked).toHaveLength(3);
  });

  it('stops at its next timer once the extension is gone (its id no longer there)', async () => {
    const { asked } = background(new HeadIndex(matcherIndex, categories));
    start('<p>The county met.</p>');
    await vi.waitFor(() => expect(asked).toEqual(['screen']));
    await settle();
    const id = fakeBrowser.runtime.id;
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    try {
      document.body.insertAdjacentHTML('beforeend', '<p>ICE.</p>');
      await settle();
    } finally {
      fakeBrowser.runtime.id = id;
    }
    expect(asked).toEqual(['screen']);
    expect(firstPassRuns()).toBe(false);
  });

  it('starts no highlighter once the extension is gone, though it went while the highlighter was being loaded', async () => {
    const { loaded } = background(new HeadIndex(matcherIndex, categories), async () => {
      highlighterScript.main();
      new ContentScriptContext(FIRST_PASS_NAME).notifyInvalidated();
    });
    start('<p>ICE filed it.</p>');
    await vi.waitFor(() => expect(loaded).toHaveLength(1));
    await settle();
    expect(painted()).toEqual([]);
    expect(highlights.size).toBe(0);
  });

  describe('a first scan that needs no filter (issue 13: the heads the first pass found are all the document\'s)', () => {
    /** The words the highlighter tested against the filter, block by block. */
    function testedWords() {
      const spy = vi.spyOn(PagedMatcher.prototype, 'mayMatch');
      return { texts: () => spy.mock.calls.map(([text]) => text), restore: () => spy.mockRestore() };
    }

    it('marks a page whose whole text the first pass screened without testing its words again, and tests text added later', async () => {
      const tested = testedWords();
      const matched = vi.spyOn(PagedMatcher.prototype, 'find');
      background(new HeadIndex(matcherIndex, categories));
      start('<p>ICE filed a writ of <em>mandamus</em>.</p><p>Nothing else here.</p>');
      await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'writ of mandamus']));
      expect(tested.texts()).toEqual([]);
      // each paragraph matched once: the walk matches a block of inline elements to learn whether to read its
      // nodes, and what it found is what is painted
      expect(matched.mock.calls.map(([text]) => text)).toEqual(['ICE filed a writ of mandamus.', 'Nothing else here.']);
      matched.mockRestore();
      document.body.insertAdjacentHTML('beforeend', '<p>Racial profiling, reported.</p>');
      await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'Racial profiling', 'writ of mandamus']));
      expect(tested.texts()).toEqual(['Racial profiling, reported.']);
      tested.restore();
    });

    it('tests the words of an open shadow root, which the first read does not look in', async () => {
      const tested = testedWords();
      background(new HeadIndex(matcherIndex, categories));
      // still loading: the first pass looks for shadow roots only at the load event, after the hand-off here
      // (had it found this one first, the hand-off would claim nothing, and every block would be tested)
      const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
      start('<p>ICE filed it.</p><div id="host"></div>', attachMandamusShadow);
      await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'writ of mandamus']));
      expect(tested.texts()).toEqual(['A writ of mandamus.']);
      readyState.mockRestore();
      tested.restore();
    });

    it('tests every block\'s words when the page changed while the highlighter was being injected', async () => {
      const tested = testedWords();
      background(new HeadIndex(matcherIndex, categories), async () => {
        document.body.insertAdjacentHTML('beforeend', '<p>Racial profiling too.</p>');
        await highlighterScript.main();
      });
      start('<p>ICE filed a writ of mandamus.</p>');
      await vi.waitFor(() => expect(painted()).toEqual(['ICE', 'Racial profiling', 'writ of mandamus']));
      expect(tested.texts()).toEqual(expect.arrayContaining(['ICE filed a writ of mandamus.', 'Racial profiling too.']));
      tested.restore();
    });

    /** A first pass whose background finds `ICE` in any text, and whose highlighter only keeps what it is given. */
    function handOffOf(html: string) {
      document.body.innerHTML = html;
      const index = new HeadIndex(matcherIndex, categories);
      const given: { head: HeadStart | null } = { head: null };
      const link: ScoutLink = {
        screen: async (text) => {
          const found = index.screen(text);
          return Object.keys(found.heads).length ? { ...found, loaded: true, filter: index.filter() } : { ...found, loaded: false };
        },
        highlighter: () => ({ start: (_ctx, head) => void (given.head = head) }),
        watchSettings: () => () => {},
      };
      passes.push(startFirstPass(document, link, () => () => {}, `scout-${passes.length}`));
      return given;
    }

    it('tells the highlighter, once, whether the page changed between the hand-off and its start', async () => {
      const still = handOffOf('<p>ICE filed it.</p>');
      await vi.waitFor(() => expect(still.head).not.toBeNull());
      expect(still.head!.unchanged!()).toBe(true);
      expect(still.head!.unchanged!()).toBe(false);

      const edited = handOffOf('<p>ICE filed it.</p>');
      await vi.waitFor(() => expect(edited.head).not.toBeNull());
      document.body.insertAdjacentHTML('beforeend', '<p>Racial profiling.</p>');
      expect(edited.head!.unchanged!()).toBe(false); // the change not yet delivered to the observer

      const delivered = handOffOf('<p>ICE filed it.</p>');
      await vi.waitFor(() => expect(delivered.head).not.toBeNull());
      document.getElementsByTagName('p')[0].append(' Racial profiling.');
      await Promise.resolve(); // the change delivered to the observer before the question
      expect(delivered.head!.unchanged!()).toBe(false);
    });

    it('claims nothing when a word of the document is split between two nodes (its whole form is not in its place)', async () => {
      const split = handOffOf('<p><b>A</b>n A-file, ICE filed it.</p>');
      await vi.waitFor(() => expect(split.head).not.toBeNull());
      expect(split.head!.unchanged).toBeUndefined();
      const apart = handOffOf('<p>An <a>A-file</a>, <b>ICE</b>, filed it.</p>');
      await vi.waitFor(() => expect(apart.head).not.toBeNull());
      expect(apart.head!.unchanged).toBeTypeOf('function');
      // blocks that touch with no space between (as "<title>Page</title><body><h2>News" do) split no word of the
      // highlighter's, which never reads across a block's edge
      const blocks = handOffOf('<h2>Notes</h2><p>ICE filed it.</p><div>Filed<p>today</p></div>');
      await vi.waitFor(() => expect(blocks.head).not.toBeNull());
      expect(blocks.head!.unchanged).toBeTypeOf('function');
    });

    it('looks for the open shadow roots at the load event only once a read waiting for the background ends without a hand-off', async () => {
      const elementWalks = () => walkers.mock.calls.filter(([, show]) => show === NodeFilter.SHOW_ELEMENT).length;
      const walkers = vi.spyOn(document, 'createTreeWalker');
      const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('interactive');
      /** runs a first pass on `html` whose background answers when told, with `answer` */
      const pending = (html: string, answer: Awaited<ReturnType<ScoutLink['screen']>>) => {
        document.body.innerHTML = html;
        let respond = () => {};
        const screened = new Promise<void>((r) => (respond = r));
        const started: HeadStart[] = [];
        const texts: string[] = [];
        const link: ScoutLink = {
          screen: (text) => (texts.push(text), screened.then(() => answer)),
          highlighter: () => ({ start: (_ctx, head) => void started.push(head) }),
          watchSettings: () => () => {},
        };
        passes.push(startFirstPass(document, link, () => () => {}, `scout-${passes.length}`));
        return { respond, started, texts };
      };
      try {
        // the answer is the hand-off: the highlighter looks for the shadow roots in its own walk, and the first pass
        // never walks the elements
        const index = new HeadIndex(matcherIndex, categories);
        const terms = pending('<p>ICE filed it.</p><div id="host"></div>', { ...index.screen('ICE filed it.'), loaded: true, filter: index.filter() });
        window.dispatchEvent(new Event('load'));
        await settle();
        expect(elementWalks()).toBe(0);
        terms.respond();
        await vi.waitFor(() => expect(terms.started).toHaveLength(1));
        await settle();
        expect(elementWalks()).toBe(0);
        passes.pop()!.stop();

        // no term: the search the load event asked for runs once the answer is in, and finds the shadow root
        const none = pending('<p>Nothing here.</p><div id="host"></div>', { heads: {}, categories: {}, loaded: false });
        attachMandamusShadow();
        window.dispatchEvent(new Event('load'));
        await settle();
        expect(elementWalks()).toBe(0);
        none.respond();
        await vi.waitFor(() => expect(none.texts).toEqual(['Nothing here.', 'A writ of mandamus.']));
        expect(elementWalks()).toBeGreaterThan(0);
      } finally {
        readyState.mockRestore();
        walkers.mockRestore();
      }
    });

    it('claims nothing when the document took more than one read (its last read alone held the term)', async () => {
      const given = handOffOf(`${'<span>a</span> '.repeat(3000)}<p>ICE filed it.</p>`);
      await vi.waitFor(() => expect(given.head).not.toBeNull());
      expect(given.head!.unchanged).toBeUndefined();
    });
  });
});
